package com.callvault.gateway.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import com.callvault.gateway.messaging.AttachmentResolver;
import com.callvault.gateway.problem.ApiProblem;
import com.callvault.gateway.testing.TestWallet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.test.StepVerifier;

/** What a message may carry: the sender's own uploads, and nothing else. */
class AttachmentResolverTest extends AttachmentsIntegrationTest {

    @Autowired
    AttachmentResolver resolver;

    private final TestWallet alice = TestWallet.random();
    private final TestWallet bob = TestWallet.random();
    private Map<?, ?> photo;
    private Map<?, ?> invoice;
    private String bobsFile;

    @BeforeEach
    void aliceAndBobUpload() {
        String aliceToken = signIn(alice);
        photo = uploaded(aliceToken, "photo.jpg", MediaType.IMAGE_JPEG, randomBytes(100));
        invoice = uploaded(aliceToken, "invoice.pdf", MediaType.APPLICATION_PDF, randomBytes(200));
        bobsFile = (String) uploaded(signIn(bob), "bob.txt", MediaType.TEXT_PLAIN, "bob's".getBytes()).get("attachmentId");
    }

    @Test
    void a_senders_own_uploads_resolve_in_the_order_named() {
        assertThat(resolver).as("the store's resolver, not the text-only fallback").isInstanceOf(OwnAttachmentResolver.class);
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of(id(invoice), id(photo))))
            .assertNext(refs -> assertThat(refs).containsExactly(ref(invoice), ref(photo)))
            .verifyComplete();
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of()))
            .assertNext(refs -> assertThat(refs).isEmpty())
            .verifyComplete();
    }

    @Test
    void someone_elses_upload_is_refused_by_its_id() {
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of(id(photo), bobsFile)))
            .verifyErrorSatisfies(error -> refusal(error, 422, "attachment-not-found", bobsFile));
    }

    @Test
    void an_unknown_id_is_refused_by_its_id() {
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of("att_AAAAAAAAAAAAAAAAAAAAAA")))
            .verifyErrorSatisfies(error -> refusal(error, 422, "attachment-not-found", "att_AAAAAAAAAAAAAAAAAAAAAA"));
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of("../../etc/passwd")))
            .verifyErrorSatisfies(error -> refusal(error, 422, "attachment-not-found", "../../etc/passwd"));
    }

    @Test
    void the_same_attachment_twice_is_a_malformed_request() {
        StepVerifier.create(resolver.resolve(Address.of(alice.address()), List.of(id(photo), id(photo))))
            .verifyErrorSatisfies(error -> refusal(error, 400, "malformed-request", ""));
    }

    private static void refusal(Throwable error, int status, String code, String named) {
        assertThat(error).isInstanceOf(ApiProblem.class);
        ApiProblem problem = (ApiProblem) error;
        assertThat(problem.status().value()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.detail()).contains(named);
    }

    private static String id(Map<?, ?> uploaded) {
        return (String) uploaded.get("attachmentId");
    }

    private static AttachmentRef ref(Map<?, ?> uploaded) {
        return new AttachmentRef(id(uploaded), (String) uploaded.get("name"), (String) uploaded.get("contentType"),
            ((Number) uploaded.get("size")).longValue(), (String) uploaded.get("sha256"));
    }
}

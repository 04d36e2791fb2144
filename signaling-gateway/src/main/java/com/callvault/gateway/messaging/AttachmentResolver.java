package com.callvault.gateway.messaging;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.AttachmentRef;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Turns the attachment ids a sender names into the references a message stores. Only attachments the
 * sender uploaded resolve; anything else is refused (problem {@code attachment-not-found}).
 */
public interface AttachmentResolver {

    Mono<List<AttachmentRef>> resolve(Address uploader, List<String> attachmentIds);
}

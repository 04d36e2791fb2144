package com.callvault.gateway.messaging;

import com.callvault.gateway.problem.ApiProblem;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Until an attachment store is part of the application, messages carry text only: naming any attachment is
 * refused. The store's {@link AttachmentResolver} replaces this one by being there; declare it as a
 * {@code @Component} (scanned components are registered before this condition is evaluated).
 */
@Configuration(proxyBeanMethods = false)
class AttachmentResolverConfiguration {

    @Bean
    @ConditionalOnMissingBean(AttachmentResolver.class)
    AttachmentResolver noAttachmentStore() {
        return (uploader, attachmentIds) -> attachmentIds.isEmpty()
            ? Mono.just(List.of())
            : Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "attachment-not-found", "Attachment not found",
                "There is no attachment " + attachmentIds.getFirst() + " uploaded by you"));
    }
}

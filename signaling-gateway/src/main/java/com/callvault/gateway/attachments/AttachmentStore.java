package com.callvault.gateway.attachments;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where attachment bytes live, by storage key. Keys are made by the server ({@link StorageKey}), never from
 * anything a client sent. The file system implementation is {@link FileSystemAttachmentStore}; an
 * S3-compatible store fits the same three calls (PutObject / multipart upload, ranged GetObject, DeleteObject).
 * Metadata (name, type, size, hash, who may read) is not the store's business: it is in the database.
 */
public interface AttachmentStore {

    /**
     * Stores {@code content} under {@code key}. Completes once the bytes are durable and visible under the key,
     * all at once; if {@code content} fails or the subscription is cancelled, nothing is left under the key.
     * Consumes (releases) every buffer it receives.
     */
    Mono<Void> put(StorageKey key, Flux<DataBuffer> content);

    /**
     * The bytes from {@code offset}, at most {@code length} of them, streamed; empty when nothing is stored
     * under {@code key}. The outer Mono answers once the content is known to exist, so a caller can still
     * choose its response status; the caller releases the buffers (WebFlux does when it writes them).
     */
    Mono<Flux<DataBuffer>> open(StorageKey key, long offset, long length);

    /** Removes what is stored under {@code key}; completes normally when there was nothing. */
    Mono<Void> delete(StorageKey key);
}

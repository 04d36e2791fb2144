package com.callvault.gateway.attachments;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Measures an upload as it streams past: counts the bytes, hashes them (SHA-256), and fails the stream with
 * {@code attachment-too-large} at the first buffer that crosses the limit, or with {@code attachment-empty} at
 * the end of an empty one. It sits in front of any {@link AttachmentStore}, so every store gets the same limits
 * and the same hash without reading the bytes twice. One meter per upload; Reactive Streams signals are
 * serial, so its state needs no locking.
 */
final class ContentMeter {

    private final long maxBytes;
    private final MessageDigest sha256;
    private long size;

    ContentMeter(long maxBytes) {
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Flux<DataBuffer> measure(Flux<DataBuffer> content) {
        return content.<DataBuffer>handle((buffer, sink) -> {
            size += buffer.readableByteCount();
            if (size > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(AttachmentProblems.tooLarge(maxBytes));
                return;
            }
            try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
                while (views.hasNext()) {
                    ByteBuffer view = views.next();
                    sha256.update(view);
                }
            }
            sink.next(buffer);
        }).concatWith(Mono.defer(() -> size == 0 ? Mono.error(AttachmentProblems.empty()) : Mono.empty()));
    }

    /** Bytes seen; final once the measured stream completed. */
    long size() {
        return size;
    }

    /** Lower-case hex SHA-256 of everything measured; call once, after the stream completed. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}

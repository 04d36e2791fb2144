package com.callvault.gateway.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Attachments as files under {@code UPLOADS_DIR}: {@code <dir>/<ab>/<32 hex>}. An upload is written to a
 * {@code .part} file beside its final name, forced to disk, then renamed atomically, so a reader sees the whole
 * file or none, and a crash leaves at most a {@code .part} file (swept after a day). The directory is created on
 * the first upload. Blocking file-system calls run on the bounded elastic scheduler, never on an event loop.
 */
@Component
class FileSystemAttachmentStore implements AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemAttachmentStore.class);
    private static final String PART_SUFFIX = ".part";
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final Path root;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    FileSystemAttachmentStore(AttachmentProperties properties) {
        this.root = properties.dir();
        log.info("Attachments are stored under {}", root);
    }

    @Override
    public Mono<Void> put(StorageKey key, Flux<DataBuffer> content) {
        Path target = path(key);
        return Mono.usingWhen(
            blocking(() -> newPartFile(target)),
            part -> DataBufferUtils.write(content, part, StandardOpenOption.WRITE).then(blocking(() -> commit(part, target))),
            this::deleteQuietly,
            (part, error) -> deleteQuietly(part),
            this::deleteQuietly).then();
    }

    @Override
    public Mono<Flux<DataBuffer>> open(StorageKey key, long offset, long length) {
        Path file = path(key);
        return blocking(() -> Files.isRegularFile(file))
            .filter(Boolean::booleanValue)
            .map(exists -> DataBufferUtils.takeUntilByteCount(DataBufferUtils.readAsynchronousFileChannel(
                () -> AsynchronousFileChannel.open(file, StandardOpenOption.READ), offset, buffers, READ_BUFFER_BYTES), length));
    }

    @Override
    public Mono<Void> delete(StorageKey key) {
        return blocking(() -> Files.deleteIfExists(path(key))).then();
    }

    /** Part files older than a day belong to uploads that died with their process; nobody will finish them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void sweepAbandonedParts() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.find(root, 2, (file, attributes) -> attributes.isRegularFile()
            && file.getFileName().toString().endsWith(PART_SUFFIX) && attributes.lastModifiedTime().toInstant().isBefore(cutoff))) {
            files.forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                    log.info("Removed the abandoned upload {}", file);
                } catch (IOException e) {
                    log.warn("Could not remove the abandoned upload {}", file, e);
                }
            });
        }
    }

    private Path path(StorageKey key) {
        return root.resolve(key.prefix()).resolve(key.name());
    }

    private Path newPartFile(Path target) throws IOException {
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            forceDirectory(root);
        }
        return Files.createTempFile(directory, "." + target.getFileName(), PART_SUFFIX);
    }

    private Path commit(Path part, Path target) throws IOException {
        try (FileChannel file = FileChannel.open(part, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.getParent());
        return target;
    }

    /** Makes a rename or a new entry durable; some platforms cannot open a directory, and then the OS decides. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not force the directory {} to disk", directory, e);
        }
    }

    private Mono<Void> deleteQuietly(Path part) {
        return blocking(() -> Files.deleteIfExists(part))
            .onErrorResume(IOException.class, e -> {
                log.warn("Could not remove the partial upload {}", part, e);
                return Mono.empty();
            })
            .then();
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}

package com.callvault.gateway.diagnostics;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code uploads}: the attachment directory ({@code UPLOADS_DIR}) takes files: it is created if missing (as the first
 * upload would), a probe file is written, forced to disk and deleted, and the free space is compared with the largest
 * attachment ({@code ATTACHMENT_MAX_BYTES}). Root ignores file permissions, so only a real write tells.
 */
final class UploadsCheck implements DiagnosticCheck {

    static final long LOW_SPACE_BYTES = 1024L * 1024 * 1024;

    private final Path directory;
    private final long maxAttachmentBytes;

    UploadsCheck(Path directory, long maxAttachmentBytes) {
        this.directory = directory;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    @Override
    public String name() {
        return "uploads";
    }

    @Override
    public Mono<CheckResult> run(RequestView request) {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private CheckResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", directory.toString());
        details.put("maxAttachmentBytes", maxAttachmentBytes);
        try {
            Files.createDirectories(directory);
        } catch (IOException | SecurityException e) {
            return CheckResult.fail("UPLOADS_DIR " + directory + " cannot be created: " + Diagnostics.describe(e)
                + "; attachments cannot be stored (mount a writable volume there)", details);
        }
        Path probe = directory.resolve(".diagnostics-" + UUID.randomUUID() + ".part");
        try {
            Files.write(probe, new byte[] {1}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException | SecurityException e) {
            return CheckResult.fail("UPLOADS_DIR " + directory + " is not writable: " + Diagnostics.describe(e)
                + "; attachments cannot be stored", details);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover probe is a .part file: the attachment store sweeps those after a day
            }
        }
        long usable;
        long total;
        try {
            FileStore store = Files.getFileStore(directory);
            usable = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            return CheckResult.warn("UPLOADS_DIR " + directory + " is writable; its free space is unknown: " + Diagnostics.describe(e), details);
        }
        details.put("usableBytes", usable);
        details.put("totalBytes", total);
        String said = "UPLOADS_DIR " + directory + " is writable, " + gib(usable) + " free of " + gib(total);
        if (usable < maxAttachmentBytes) {
            return CheckResult.fail(said + ": less than one attachment of ATTACHMENT_MAX_BYTES", details);
        }
        if (usable < LOW_SPACE_BYTES) {
            return CheckResult.warn(said + ": under 1 GiB left", details);
        }
        return CheckResult.ok(said, details);
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}

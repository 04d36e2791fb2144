package com.callvault.gateway.attachments;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Attachment settings (application.yml, {@code callvault.attachments}).
 *
 * @param dir      {@code UPLOADS_DIR}: where the file store keeps the bytes; default {@code $DATA_DIR/uploads}
 * @param maxBytes {@code ATTACHMENT_MAX_BYTES}: the largest upload accepted ({@code 25MB}, or a number of bytes)
 * @param types    {@code ATTACHMENT_TYPES}: the media types accepted ({@code type/subtype}, parameters ignored)
 */
@ConfigurationProperties("callvault.attachments")
public record AttachmentProperties(Path dir, DataSize maxBytes, List<String> types) {

    public AttachmentProperties {
        if (dir == null) {
            throw new IllegalArgumentException("callvault.attachments.dir (UPLOADS_DIR) is required");
        }
        if (maxBytes == null || maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("callvault.attachments.max-bytes (ATTACHMENT_MAX_BYTES) must be a positive size");
        }
        types = types == null ? List.of() : types.stream()
            .map(String::trim)
            .filter(type -> !type.isEmpty())
            .map(type -> type.toLowerCase(Locale.ROOT))
            .toList();
        dir = dir.toAbsolutePath().normalize();
    }

    /** Whether an upload of this media type is accepted: its {@code type/subtype} is on the list. */
    boolean allows(MediaType type) {
        return types.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
    }
}

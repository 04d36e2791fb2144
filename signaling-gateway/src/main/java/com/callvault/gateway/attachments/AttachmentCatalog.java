package com.callvault.gateway.attachments;

import com.callvault.api.identity.Address;
import io.r2dbc.spi.Readable;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code attachment} table, over R2DBC. Not an event-sourced model: an upload is a file plus its metadata,
 * and the fact that matters to conversations (a message refers to it) is in the message's event.
 */
@Component
class AttachmentCatalog {

    private static final String COLUMNS = "attachment_id, uploader, name, content_type, size, sha256, storage_key";

    private final DatabaseClient db;

    AttachmentCatalog(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(StoredAttachment attachment) {
        return db.sql("INSERT INTO attachment (" + COLUMNS + ") VALUES (:id, :uploader, :name, :contentType, :size, :sha256, :storageKey)")
            .bind("id", attachment.attachmentId())
            .bind("uploader", attachment.uploader())
            .bind("name", attachment.name())
            .bind("contentType", attachment.contentType())
            .bind("size", attachment.size())
            .bind("sha256", attachment.sha256())
            .bind("storageKey", attachment.storageKey().value())
            .then();
    }

    Mono<StoredAttachment> find(String attachmentId) {
        return db.sql("SELECT " + COLUMNS + " FROM attachment WHERE attachment_id = :id")
            .bind("id", attachmentId)
            .map(AttachmentCatalog::read)
            .one();
    }

    /** Those of {@code attachmentIds} that {@code uploader} uploaded, in no particular order. */
    Flux<StoredAttachment> findUploadedBy(Address uploader, List<String> attachmentIds) {
        return db.sql("SELECT " + COLUMNS + " FROM attachment WHERE attachment_id = ANY(:ids) AND lower(uploader) = :uploader")
            .bind("ids", attachmentIds.toArray(String[]::new))
            .bind("uploader", uploader.lowerCase())
            .map(AttachmentCatalog::read)
            .all();
    }

    private static StoredAttachment read(Readable row) {
        return new StoredAttachment(row.get("attachment_id", String.class), row.get("uploader", String.class), row.get("name", String.class),
            row.get("content_type", String.class), row.get("size", Long.class), row.get("sha256", String.class),
            new StorageKey(row.get("storage_key", String.class)));
    }
}

package com.callvault.projection.messaging;

import com.callvault.api.messaging.AttachmentRef;
import com.callvault.query.messaging.AttachmentView;
import io.r2dbc.spi.Readable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Attachments travel between Java and the JSONB column as parallel arrays, and PostgreSQL builds and
 * takes apart the JSON: no JSON library on this module's path, and no hand-written escaping of file names.
 * The JSON has the field names of {@link AttachmentRef}, like the event payload.
 */
final class AttachmentsSql {

    /** A JSONB array built from the parameters {@link #bind} sets ({@code []} for none). */
    static final String BUILD = """
        SELECT coalesce(jsonb_agg(jsonb_build_object('attachmentId', a.id, 'name', a.name, 'contentType', a.type,
                                                     'size', a.size, 'sha256', a.sha256) ORDER BY a.n), '[]')
          FROM unnest(CAST(:attachmentIds AS text[]), CAST(:attachmentNames AS text[]), CAST(:attachmentTypes AS text[]),
                      CAST(:attachmentSizes AS bigint[]), CAST(:attachmentDigests AS text[]))
               WITH ORDINALITY AS a(id, name, type, size, sha256, n)
        """;

    /** A lateral join over message {@code m} that yields the arrays {@link #read} takes back. */
    static final String SPLIT = """
        LEFT JOIN LATERAL (
            SELECT array_agg(e.a->>'attachmentId' ORDER BY e.n) AS attachment_ids,
                   array_agg(e.a->>'name' ORDER BY e.n) AS attachment_names,
                   array_agg(e.a->>'contentType' ORDER BY e.n) AS attachment_types,
                   array_agg(CAST(e.a->>'size' AS bigint) ORDER BY e.n) AS attachment_sizes,
                   array_agg(e.a->>'sha256' ORDER BY e.n) AS attachment_digests
              FROM jsonb_array_elements(m.attachments) WITH ORDINALITY AS e(a, n)) att ON true
        """;

    private AttachmentsSql() {
    }

    static MapSqlParameterSource bind(List<AttachmentRef> attachments, MapSqlParameterSource params) {
        int n = attachments.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        String[] types = new String[n];
        long[] sizes = new long[n];
        String[] digests = new String[n];
        for (int i = 0; i < n; i++) {
            AttachmentRef a = attachments.get(i);
            ids[i] = a.attachmentId();
            names[i] = a.name();
            types[i] = a.contentType();
            sizes[i] = a.size();
            digests[i] = a.sha256();
        }
        return params.addValue("attachmentIds", ids).addValue("attachmentNames", names).addValue("attachmentTypes", types)
            .addValue("attachmentSizes", sizes).addValue("attachmentDigests", digests);
    }

    /** The attachments of the row {@link #SPLIT} joined to (empty when the message has none). */
    static List<AttachmentView> read(Readable row) {
        String[] ids = row.get("attachment_ids", String[].class);
        if (ids == null) {
            return List.of();
        }
        String[] names = row.get("attachment_names", String[].class);
        String[] types = row.get("attachment_types", String[].class);
        Long[] sizes = row.get("attachment_sizes", Long[].class);
        String[] digests = row.get("attachment_digests", String[].class);
        List<AttachmentView> attachments = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            attachments.add(new AttachmentView(ids[i], names[i], types[i], sizes[i], digests[i]));
        }
        return attachments;
    }
}

package com.callvault.projection.calls;

import com.callvault.query.calls.CallHistoryPage;
import com.callvault.query.calls.CallView;
import com.callvault.query.calls.FindCallHistory;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Answers call history from {@code call_fact} through R2DBC, newest first, by keyset pages. */
@Component
class CallFactsQueries {

    private static final String SELECT = "SELECT * FROM call_fact WHERE (caller_key = :me OR callee_key = :me)";
    private static final String OLDER_THAN = """
         AND (invited_at, call_id) < (SELECT invited_at, call_id FROM call_fact WHERE call_id = :before)""";
    private static final String PAGE = " ORDER BY invited_at DESC, call_id DESC LIMIT :limit";

    private final DatabaseClient db;

    CallFactsQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<CallHistoryPage> handle(FindCallHistory query) {
        String me = query.address().toLowerCase(Locale.ROOT);
        var spec = db.sql(SELECT + (query.before() == null ? "" : OLDER_THAN) + PAGE).bind("me", me).bind("limit", query.limit() + 1);
        if (query.before() != null) {
            spec = spec.bind("before", query.before());
        }
        return spec.map(row -> view(row, me)).all().collectList().map(calls -> {
            boolean more = calls.size() > query.limit();
            List<CallView> page = more ? calls.subList(0, query.limit()) : calls;
            return new CallHistoryPage(page, more ? page.getLast().callId() : null);
        }).toFuture();
    }

    private static CallView view(Readable row, String me) {
        boolean outgoing = me.equals(row.get("caller_key", String.class));
        long samples = row.get("quality_samples", Long.class);
        CallView.Quality quality = samples == 0 ? null : new CallView.Quality(samples, row.get("mos_avg", Double.class),
            row.get("mos_min", Double.class), row.get("rtt_avg_ms", Double.class), row.get("jitter_avg_ms", Double.class),
            row.get("loss_avg_percent", Double.class), row.get("loss_max_percent", Double.class), row.get("bitrate_avg_kbps", Double.class),
            row.get("poor_samples", Long.class));
        return new CallView(row.get("call_id", String.class), outgoing ? "outgoing" : "incoming",
            row.get(outgoing ? "callee" : "caller", String.class), row.get("media", String.class), instant(row, "invited_at"),
            instant(row, "accepted_at"), instant(row, "connected_at"), instant(row, "ended_at"), row.get("outcome", String.class),
            row.get("end_reason", String.class), row.get("ended_by", String.class), row.get("ringing_ms", Long.class),
            row.get("setup_ms", Long.class), row.get("connected_ms", Long.class), row.get("relayed", Boolean.class),
            row.get("local_candidate_type", String.class), row.get("remote_candidate_type", String.class), row.get("transport", String.class),
            quality, row.get("push_sent", Boolean.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

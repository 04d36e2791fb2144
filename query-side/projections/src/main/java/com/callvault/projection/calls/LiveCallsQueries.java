package com.callvault.projection.calls;

import com.callvault.query.calls.FindLiveCall;
import com.callvault.query.calls.FindLiveCalls;
import com.callvault.query.calls.LiveCallView;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Answers queries on {@code live_call} through R2DBC. */
@Component
class LiveCallsQueries {

    private static final String COLUMNS = "call_id, caller, callee, media, state, caller_device, callee_device, invited_at, rings_until, accepted_at";

    private final DatabaseClient db;

    LiveCallsQueries(DatabaseClient db) {
        this.db = db;
    }

    @QueryHandler
    CompletableFuture<List<LiveCallView>> handle(FindLiveCalls query) {
        String key = query.address().toLowerCase(Locale.ROOT);
        return db.sql("SELECT " + COLUMNS + " FROM live_call WHERE caller_key = :key OR callee_key = :key ORDER BY call_id")
            .bind("key", key)
            .map(LiveCallsQueries::view)
            .all()
            .collectList()
            .toFuture();
    }

    @QueryHandler
    CompletableFuture<Optional<LiveCallView>> handle(FindLiveCall query) {
        return db.sql("SELECT " + COLUMNS + " FROM live_call WHERE call_id = :id")
            .bind("id", query.callId())
            .map(LiveCallsQueries::view)
            .one()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .toFuture();
    }

    private static LiveCallView view(Readable row) {
        return new LiveCallView(row.get("call_id", String.class), row.get("caller", String.class), row.get("callee", String.class),
            row.get("media", String.class), row.get("state", String.class), row.get("caller_device", String.class),
            row.get("callee_device", String.class), row.get("invited_at", OffsetDateTime.class).toInstant(),
            row.get("rings_until", OffsetDateTime.class).toInstant(), instant(row.get("accepted_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

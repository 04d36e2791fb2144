package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.gateway.testing.TestWallet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** What a subscription's row records of pushes the push service accepted or gave up on. */
class PushSuccessRecordingTest extends PushIntegrationTest {

    @Autowired
    PushSubscriptionStore store;
    @Autowired
    DatabaseClient db;

    String endpoint;

    @BeforeEach
    void aSubscription() {
        endpoint = "https://push.example.test/" + UUID.randomUUID();
        db.sql("INSERT INTO push_subscription (endpoint, address, p256dh, auth) VALUES (:endpoint, :address, :p256dh, :auth)")
            .bind("endpoint", endpoint).bind("address", TestWallet.random().address())
            .bind("p256dh", new byte[65]).bind("auth", new byte[16])
            .then().block();
    }

    @Test
    void a_device_that_keeps_accepting_is_written_once_per_interval_not_once_per_push() {
        store.delivered(endpoint).block();
        Map<String, Object> first = row();
        assertThat(first.get("last_success_at")).isNotNull();

        db.sql("UPDATE push_subscription SET last_success_at = '2000-01-01T00:00:00Z' WHERE endpoint = :endpoint")
            .bind("endpoint", endpoint).then().block();
        store.delivered(endpoint).block();

        assertThat(row().get("last_success_at")).as("a second success inside the interval writes nothing")
            .isEqualTo(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
    }

    @Test
    void the_first_success_after_a_failure_is_written_at_once_and_resets_the_failure_count() {
        store.delivered(endpoint).block();
        OffsetDateTime before = (OffsetDateTime) row().get("last_success_at");

        store.failed(endpoint).block();
        assertThat(row()).containsEntry("failures", 1);
        assertThat(row().get("last_failure_at")).isNotNull();

        store.delivered(endpoint).block();
        Map<String, Object> after = row();
        assertThat(after).containsEntry("failures", 0);
        assertThat((OffsetDateTime) after.get("last_success_at")).isAfter(before);
    }

    private Map<String, Object> row() {
        return db.sql("SELECT last_success_at, last_failure_at, failures FROM push_subscription WHERE endpoint = :endpoint")
            .bind("endpoint", endpoint).fetch().one().block();
    }
}

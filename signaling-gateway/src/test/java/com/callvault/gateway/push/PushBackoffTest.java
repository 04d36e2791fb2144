package com.callvault.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a failed push is tried again. */
class PushBackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void without_retry_after_each_retry_waits_about_twice_as_long_never_more_than_the_maximum() {
        assertThat(backoff.after(1, null, now)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(backoff.after(2, null, now)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
        assertThat(backoff.after(4, null, now)).isBetween(Duration.ofMillis(8000), Duration.ofMillis(9600));
        assertThat(backoff.after(30, null, now)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void retry_after_in_seconds_or_as_a_date_wins_up_to_the_maximum() {
        assertThat(backoff.after(1, "7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(1, "Tue, 24 Nov 2026 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1, "Tue, 24 Nov 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(backoff.after(1, "86400", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1, "soon", now)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    }

    @Test
    void topics_are_at_most_32_characters_of_the_url_safe_alphabet() {
        String call = Topics.call("call:01a20ec9-4fc3-72ae-8b60-d41f9c3e5a07");
        assertThat(call).matches("c[A-Za-z0-9_-]{22}");
        assertThat(Topics.call("call:01a20ec9-4fc3-72ae-8b60-d41f9c3e5a07")).isEqualTo(call);
        assertThat(Topics.conversation("conversation:5b1e0a9c-4a43-3d5f-9a57-6a1d2c3b4e5f")).matches("m[A-Za-z0-9_-]{22}");
    }

    @Test
    void a_message_preview_is_the_first_hundred_characters_on_one_line() {
        assertThat(PushNotifier.preview("  hi\n\nthere ")).isEqualTo("hi there");
        assertThat(PushNotifier.preview("🍉".repeat(150))).isEqualTo("🍉".repeat(100) + "…");
    }
}

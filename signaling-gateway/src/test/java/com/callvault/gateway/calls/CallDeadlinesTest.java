package com.callvault.gateway.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.api.calls.AcceptCall;
import com.callvault.api.calls.CallId;
import com.callvault.api.calls.CallMedia;
import com.callvault.api.calls.CallStatus;
import com.callvault.api.calls.CandidateType;
import com.callvault.api.calls.InviteCall;
import com.callvault.api.calls.MarkCallConnected;
import com.callvault.api.calls.TransportProtocol;
import com.callvault.api.identity.Address;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ring timeouts are durable deadlines in PostgreSQL (db-scheduler through Axon's deadline manager): they end
 * an unanswered call on time, and still do when the instance that placed the call is gone.
 */
class CallDeadlinesTest extends GatewayIntegrationTest {

    private static final String CALL_ENDED = "com.callvault.api.calls.CallEnded";

    @Autowired CommandGateway commands;
    @Autowired DeadlineManager deadlineManager;
    @Autowired JdbcTemplate jdbc;
    @Autowired List<Task<?>> schedulerTasks;

    @Test
    void deadlines_are_kept_by_db_scheduler_in_postgresql() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(schedulerTasks).extracting(Task::getName).containsOnlyOnce("AxonDeadline");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scheduled_tasks'", Long.class))
            .isEqualTo(1L);
    }

    @Test
    void an_unanswered_call_ends_with_no_answer_when_its_ring_timeout_expires() {
        CallId call = CallId.newId();
        Instant invitedAt = Instant.now();

        CallStatus status = commands.sendAndWait(invite(call, invitedAt, Duration.ofSeconds(2)));

        assertThat(status.state()).isEqualTo("invited");
        assertThat(pendingDeadlines()).isPositive();
        Map<String, Object> ended = awaitCallEnded(call);
        assertThat(ended.get("reason")).isEqualTo("no-answer");
        assertThat(ended.get("ended_by")).isEqualTo("server");
        assertThat(Instant.parse((String) ended.get("ended_at"))).isEqualTo(invitedAt.plusSeconds(2));
        assertFiredOnTime(ended, invitedAt.plusSeconds(2));
    }

    @Test
    void a_ring_timeout_set_by_an_instance_that_stops_fires_on_the_instance_still_running() {
        CallId call = CallId.newId();
        Instant due;
        try (ConfigurableApplicationContext other = startAnotherInstance()) {
            Instant invitedAt = Instant.now();
            due = invitedAt.plusSeconds(6);
            other.getBean(CommandGateway.class).sendAndWait(invite(call, invitedAt, Duration.ofSeconds(6)));
        }
        assertThat(Instant.now()).as("the second instance must be gone before the deadline is due").isBefore(due);
        assertThat(callEnded(call)).as("nothing fired on the stopped instance").isEmpty();

        Map<String, Object> ended = awaitCallEnded(call);

        assertThat(ended.get("reason")).isEqualTo("no-answer");
        assertThat(Instant.parse((String) ended.get("ended_at"))).isEqualTo(due);
        assertFiredOnTime(ended, due);
    }

    @Test
    void an_instance_stopped_and_started_again_keeps_firing_deadlines() {
        CallId call = CallId.newId();
        try (ConfigurableApplicationContext other = startAnotherInstance()) {
            other.stop(); // as Spring does to idle cached contexts; a db-scheduler Scheduler cannot be restarted once stopped
            other.start();
            Instant invitedAt = Instant.now();
            other.getBean(CommandGateway.class).sendAndWait(invite(call, invitedAt, Duration.ofSeconds(1)));

            Map<String, Object> ended = awaitCallEnded(call);

            assertThat(ended.get("reason")).isEqualTo("no-answer");
            assertFiredOnTime(ended, invitedAt.plusSeconds(1));
        }
    }

    @Test
    void answering_cancels_the_ring_timeout_and_connecting_cancels_the_connect_timeout() {
        CallId call = CallId.newId();
        Address caller = Address.of(TestWallet.random().address());
        Address callee = Address.of(TestWallet.random().address());
        commands.sendAndWait(new InviteCall(call, caller, callee, CallMedia.AUDIO, "caller-tab", Instant.now(), Duration.ofSeconds(30)));
        String ringTimeout = deadlineId(call, "CallInvited", "ringTimeoutId");
        assertThat(scheduled(ringTimeout)).isTrue();

        commands.sendAndWait(new AcceptCall(call, callee, "callee-tab", Instant.now()));
        String connectTimeout = deadlineId(call, "CallAccepted", "connectTimeoutId");
        assertThat(scheduled(ringTimeout)).as("the ring timeout, cancelled by the answer").isFalse();
        assertThat(scheduled(connectTimeout)).isTrue();

        commands.sendAndWait(new MarkCallConnected(call, caller, "caller-tab", 300, CandidateType.HOST, CandidateType.HOST,
            TransportProtocol.UDP, Instant.now()));
        assertThat(scheduled(connectTimeout)).as("the connect timeout, cancelled by the connection").isFalse();
    }

    private String deadlineId(CallId call, String event, String key) {
        return jdbc.queryForObject("SELECT meta_data ->> ? FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
            String.class, key, call.toString(), "com.callvault.api.calls." + event);
    }

    private boolean scheduled(String deadlineId) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Long.class, deadlineId) == 1;
    }

    private static InviteCall invite(CallId call, Instant at, Duration ringTimeout) {
        Address caller = Address.of(TestWallet.random().address());
        Address callee = Address.of(TestWallet.random().address());
        return new InviteCall(call, caller, callee, CallMedia.AUDIO, "caller-tab", at, ringTimeout);
    }

    private long pendingDeadlines() {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE NOT picked", Long.class);
    }

    private List<Map<String, Object>> callEnded(CallId call) {
        return jdbc.queryForList("""
            SELECT payload->>'reason' AS reason, payload->>'endedBy' AS ended_by, payload->>'endedAt' AS ended_at,
                   time_stamp AS stored_at
              FROM domain_event_entry
             WHERE aggregate_identifier = ? AND payload_type = ?""", call.value(), CALL_ENDED);
    }

    private Map<String, Object> awaitCallEnded(CallId call) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
            .until(() -> callEnded(call), rows -> rows.size() == 1).getFirst();
    }

    /** Never early; late by the 1 s polling interval plus the handler (0.7-1.0 s measured; 3 s leaves room for a busy CI). */
    private static void assertFiredOnTime(Map<String, Object> ended, Instant due) {
        Duration late = Duration.between(due, Instant.parse((String) ended.get("stored_at")));
        System.out.println("ring timeout fired " + late.toMillis() + " ms after it was due");
        assertThat(late).isBetween(Duration.ZERO, Duration.ofSeconds(3));
    }
}

package com.callvault.gateway.messaging;

import static org.awaitility.Awaitility.await;

import com.callvault.api.messaging.ConversationStarted;
import com.callvault.api.messaging.MessageSent;
import com.callvault.api.messaging.MessagesDelivered;
import com.callvault.api.messaging.MessagesRead;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many conversation events per second each projection applies: events are stored directly (no command
 * side), then the processors are started and timed until they reach the head. Opt-in, it fills the database:
 * {@code ./mvnw -pl signaling-gateway test -Dtest=ProjectionThroughputBenchmark -Dcallvault.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "callvault.benchmark", matches = "true")
class ProjectionThroughputBenchmark extends GatewayIntegrationTest {

    private static final int CONVERSATIONS = 1000;
    private static final int MESSAGES_EACH = 40;

    @Autowired EventStorageEngine storage;
    @Autowired TransactionManager transactions;
    @Autowired EventProcessingConfiguration processing;
    @Autowired JdbcTemplate jdbc;

    @Test
    void measure() {
        List<TrackingEventProcessor> processors = List.of(processor("conversation-timeline"), processor("conversation-inbox"));
        processors.forEach(TrackingEventProcessor::shutDown);
        store(CONVERSATIONS / 5);
        catchUp(processors); // warm-up: JIT, connections, prepared statements
        long events = store(CONVERSATIONS);
        Map<String, Double> seconds = catchUp(processors);
        seconds.forEach((name, s) -> System.out.printf("BENCHMARK %s: %d events in %.2f s = %.0f events/s (both processors running)%n",
            name, events, s, events / s));
        processors.forEach(TrackingEventProcessor::start);
    }

    /** Starts the stopped processors together, answers each one's time to the head, and stops them again. */
    private Map<String, Double> catchUp(List<TrackingEventProcessor> processors) {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long start = System.nanoTime();
        Map<String, Double> seconds = new ConcurrentHashMap<>();
        processors.forEach(TrackingEventProcessor::start);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
            processors.stream().filter(p -> caughtUp(p, head))
                .forEach(p -> seconds.putIfAbsent(p.getName(), (System.nanoTime() - start) / 1e9));
            return seconds.size() == processors.size();
        });
        processors.forEach(TrackingEventProcessor::shutDown);
        return seconds;
    }

    private long store(int conversations) {
        Instant now = Instant.now();
        long count = 0;
        for (int c = 0; c < conversations; c++) {
            String id = "conversation:" + UUID.randomUUID();
            String a = TestWallet.random().address();
            String b = TestWallet.random().address();
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            batch.add(event(id, batch.size(), new ConversationStarted(id, "direct", List.of(a, b), a, now)));
            for (int m = 1; m <= MESSAGES_EACH; m++) {
                String sender = m % 2 == 0 ? a : b;
                String reader = m % 2 == 0 ? b : a;
                batch.add(event(id, batch.size(), new MessageSent(id, m, "c" + m, sender, "message number " + m + " of a chat", List.of(), now)));
                if (m % 2 == 0) {
                    batch.add(event(id, batch.size(), new MessagesDelivered(id, reader, m, now)));
                }
                if (m % 3 == 0) {
                    batch.add(event(id, batch.size(), new MessagesRead(id, reader, m, now)));
                }
            }
            transactions.executeInTransaction(() -> storage.appendEvents(batch));
            count += batch.size();
        }
        return count;
    }

    private static DomainEventMessage<?> event(String id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Conversation", id, sequence, payload);
    }

    private static boolean caughtUp(TrackingEventProcessor processor, long head) {
        return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
            .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
    }

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
    }
}

package com.callvault.gateway.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.callvault.api.identity.Address;
import com.callvault.api.identity.GrantRole;
import com.callvault.api.identity.RegisterUser;
import com.callvault.api.identity.Role;
import com.callvault.api.identity.UserId;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import com.callvault.query.identity.FindUser;
import com.callvault.query.identity.UserView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** Command → event in PostgreSQL → read model written in the processor's transaction → query through R2DBC. */
class EventStoreTest extends GatewayIntegrationTest {

    @Autowired CommandGateway commands;
    @Autowired QueryGateway queries;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionManager axonTransactionManager;
    @Autowired EventStorageEngine storageEngine;
    @Autowired @Qualifier("eventSerializer") Serializer eventSerializer;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void axon_runs_in_springs_transactions_on_the_jdbc_store_with_json_events() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void a_command_becomes_a_readable_json_event_a_read_model_row_and_a_query_answer() {
        Address address = Address.of(TestWallet.random().address());
        UserId id = UserId.of(address);
        Instant at = Instant.parse("2026-11-24T10:15:30Z");

        commands.sendAndWait(new RegisterUser(id, at));
        commands.sendAndWait(new GrantRole(id, Role.CREATOR, "0x0000000000000000000000000000000000000001", at));

        Map<String, Object> stored = jdbc.queryForMap("""
            SELECT payload_type, payload->>'address' AS address, payload->>'registeredAt' AS registered_at
              FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", id.value());
        assertThat(stored).containsEntry("payload_type", "com.callvault.api.identity.UserRegistered")
            .containsEntry("address", address.value())
            .containsEntry("registered_at", "2026-11-24T10:15:30Z");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(find(address)).contains(new UserView(address.value(), List.of("user", "creator"), at)));
    }

    @Test
    void the_user_directory_is_rebuilt_from_events_after_a_reset() {
        Address address = Address.of(TestWallet.random().address());
        Instant at = Instant.parse("2026-11-24T11:00:00Z");
        commands.sendAndWait(new RegisterUser(UserId.of(address), at));
        await().atMost(Duration.ofSeconds(10)).until(() -> find(address).isPresent());

        TrackingEventProcessor processor = processing.eventProcessor("user-directory", TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_account", Long.class)).isZero();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(find(address)).contains(new UserView(address.value(), List.of("user"), at)));
    }

    private Optional<UserView> find(Address address) {
        return queries.query(new FindUser(address.value()), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }
}

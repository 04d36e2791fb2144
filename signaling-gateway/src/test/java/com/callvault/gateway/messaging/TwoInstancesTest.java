package com.callvault.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.callvault.api.identity.Address;
import com.callvault.api.messaging.ChangeApplied;
import com.callvault.api.messaging.ConversationId;
import com.callvault.api.messaging.MessageAccepted;
import com.callvault.gateway.testing.GatewayIntegrationTest;
import com.callvault.gateway.testing.TestWallet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database each keep the conversation cached; the two members act through different
 * instances, as they would behind a load balancer. Every send lands, numbered without gaps, and a decision on the
 * other instance's message is made on the stored conversation, not on the older copy cached here.
 */
class TwoInstancesTest extends GatewayIntegrationTest {

    @Autowired MessagingService here;

    @Test
    void members_sending_through_two_instances_alternately_all_succeed_with_gap_free_numbers() {
        Address alice = Address.of(TestWallet.random().address());
        Address bob = Address.of(TestWallet.random().address());
        ConversationId id = ConversationId.parse(here.start(alice, bob).block().conversationId());

        try (ConfigurableApplicationContext other = startAnotherInstance()) {
            MessagingService there = other.getBean(MessagingService.class);
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                MessageAccepted accepted = i % 2 == 0
                    ? here.send(alice, id, "here-" + i, "from instance one", List.of()).block()
                    : there.send(bob, id, "there-" + i, "from instance two", List.of()).block();
                seqs.add(accepted.seq());
            }
            assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    @Test
    void a_message_sent_through_one_instance_is_read_and_edited_through_the_other_which_had_the_conversation_cached() {
        Address alice = Address.of(TestWallet.random().address());
        Address bob = Address.of(TestWallet.random().address());
        ConversationId id = ConversationId.parse(here.start(alice, bob).block().conversationId()); // cached here

        try (ConfigurableApplicationContext other = startAnotherInstance()) {
            MessagingService there = other.getBean(MessagingService.class);
            long seq = there.send(bob, id, "there-1", "sent through instance two", List.of()).block().seq();

            // the copy cached here has no message yet: read up to it and edit it must still be decided on the stored one
            ChangeApplied read = here.receipt(alice, id, MessagingService.ReceiptKind.READ, seq).block();
            ChangeApplied edited = here.edit(bob, id, seq, "edited through instance one").block();

            assertThat(read.changed()).as("the read receipt moves").isTrue();
            assertThat(edited.changed()).isTrue();
        }
    }
}

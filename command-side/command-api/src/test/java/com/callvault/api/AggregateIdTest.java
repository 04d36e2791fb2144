package com.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.callvault.api.calls.CallId;
import com.callvault.api.identity.Address;
import com.callvault.api.identity.UserId;
import com.callvault.api.messaging.ConversationId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AggregateIdTest {

    private static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static final Address BOB = Address.of("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    /** Every id type of the one event store; add each new aggregate id type here. */
    private static final List<AggregateId> ONE_OF_EACH_TYPE = List.of(UserId.of(ALICE), ConversationId.direct(ALICE, BOB), CallId.newId());

    @Test
    void ids_of_different_aggregate_types_never_clash_because_their_prefixes_differ() {
        assertThat(ONE_OF_EACH_TYPE.stream().map(AggregateId::prefix)).doesNotHaveDuplicates();
        assertThat(ONE_OF_EACH_TYPE).allSatisfy(id -> assertThat(id.value()).startsWith(id.prefix() + ":"));
    }

    @Test
    void a_user_id_is_the_lower_case_address_whatever_case_it_came_in() {
        assertThat(UserId.of(ALICE).value()).isEqualTo("user:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(new UserId("user:0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED".replace("0X", "0x"))).isEqualTo(UserId.of(ALICE));
        assertThat(UserId.of(ALICE).address()).isEqualTo(ALICE);
    }

    @Test
    void a_user_id_refuses_a_value_of_another_type() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId("call:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
    }

    @Test
    void a_new_call_id_is_a_time_ordered_uuid_version_7() {
        CallId first = CallId.newId();
        CallId later = CallId.newId();
        String local = AggregateId.localPart(CallId.PREFIX, first.value());
        assertThat(UUID.fromString(local).version()).isEqualTo(7);
        assertThat(UUID.fromString(local).variant()).isEqualTo(2);
        assertThat(first).isNotEqualTo(later);
        assertThat(local.substring(0, 8)).isLessThanOrEqualTo(AggregateId.localPart(CallId.PREFIX, later.value()).substring(0, 8));
    }

    @Test
    void in_glare_the_lower_call_id_wins_whichever_side_asks() {
        CallId lower = CallId.parse("call:019aa3b4-0000-7000-8000-000000000001");
        CallId higher = CallId.parse("call:019aa3b4-0000-7000-8000-000000000002");
        assertThat(lower.winsGlareAgainst(higher)).isTrue();
        assertThat(higher.winsGlareAgainst(lower)).isFalse();
    }

    @Test
    void a_call_id_refuses_another_type_or_upper_case() {
        assertThatIllegalArgumentException().isThrownBy(() -> CallId.parse("conversation:019aa3b4-0000-7000-8000-000000000001"));
        assertThatIllegalArgumentException().isThrownBy(() -> CallId.parse("call:019AA3B4-0000-7000-8000-000000000001"));
    }
}

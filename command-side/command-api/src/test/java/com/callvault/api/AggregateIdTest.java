package com.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.callvault.api.identity.Address;
import com.callvault.api.identity.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateIdTest {

    private static final Address ALICE = Address.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    /** Every id type of the one event store; add each new aggregate id type here. */
    private static final List<AggregateId> ONE_OF_EACH_TYPE = List.of(UserId.of(ALICE));

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
}

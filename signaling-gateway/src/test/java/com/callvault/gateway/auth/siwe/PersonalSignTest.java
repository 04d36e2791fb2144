package com.callvault.gateway.auth.siwe;

import static com.callvault.gateway.auth.siwe.SignInFixtures.ADDRESS;
import static com.callvault.gateway.auth.siwe.SignInFixtures.WALLET;
import static com.callvault.gateway.auth.siwe.SignInFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

/**
 * Cross-implementation vector from the web3.js documentation of {@code web3.eth.accounts.sign}
 * (https://docs.web3js.org/api/web3-eth-accounts/function/sign): 'Some data' signed with private key
 * 0x4c0883a6…f362318, whose account is 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23.
 */
class PersonalSignTest {

    private static final String WEB3JS_SIGNATURE = "0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd"
            + "6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c";

    @Test
    void recovers_the_signer_of_the_web3js_documented_signature() {
        assertThat(PersonalSign.recoverSigner("Some data", PersonalSign.decode(WEB3JS_SIGNATURE))).isEqualTo(ADDRESS);
    }

    @Test
    void the_test_wallet_is_the_web3js_documented_account() {
        assertThat(Eip55.checksum("0x" + Keys.getAddress(WALLET))).isEqualTo(ADDRESS);
    }

    @Test
    void signs_like_web3js_so_test_signatures_are_what_wallets_send() {
        // Both sides use deterministic RFC 6979 nonces, so the same key and text give the same bytes.
        assertThat(sign("Some data", WALLET)).isEqualTo(WEB3JS_SIGNATURE);
    }

    @Test
    void recovers_a_different_signer_for_different_text() {
        assertThat(PersonalSign.recoverSigner("Some data!", PersonalSign.decode(WEB3JS_SIGNATURE))).isNotEqualTo(ADDRESS);
    }
}

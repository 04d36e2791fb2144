package com.callvault.gateway.browser;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Calls as people make them, in Chromium with fake camera and microphone, against the whole app and a real coturn
 * (web/e2e/calls.spec.ts): a video call with media both ways, the same call relayed through TURN, decline, cancel,
 * no answer, peer offline and answered on another tab.
 */
class BrowserCallTest extends BrowserTest {

    @Test
    void two_people_call_directly_and_through_turn_and_every_way_a_call_ends_is_shown_in_words() throws IOException, InterruptedException {
        runSpec("calls.spec.ts");
    }
}

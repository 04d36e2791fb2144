package com.callvault.gateway.ice.stun;

import java.io.IOException;

/** The server did not answer a request in time (after every retransmission, over UDP). */
public class StunTimeoutException extends IOException {

    public StunTimeoutException(String message) {
        super(message);
    }
}

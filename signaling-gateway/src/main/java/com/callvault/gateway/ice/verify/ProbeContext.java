package com.callvault.gateway.ice.verify;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;

/** What every check shares: the credentials, the expected relay addresses, the TLS trust and the clock. */
record ProbeContext(CheckCredentials credentials, List<InetAddress> externalIps, SSLContext tls, Clock clock) {

    ProbeContext {
        externalIps = List.copyOf(externalIps);
    }
}

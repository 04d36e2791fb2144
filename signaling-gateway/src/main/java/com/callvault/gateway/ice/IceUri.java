package com.callvault.gateway.ice;

import com.callvault.gateway.settings.InvalidSettingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A STUN or TURN URI as browsers accept them in {@code RTCIceServer.urls} (RFC 7064, RFC 7065):
 * {@code stun:host[:port]}, {@code stuns:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]},
 * {@code turns:host[:port][?transport=udp|tcp]}. The host is a name, an IPv4 address or a bracketed IPv6 address;
 * there is no {@code //}, no path and no user info.
 *
 * @param scheme    {@code stun}, {@code stuns}, {@code turn} or {@code turns}
 * @param host      as written, without brackets for IPv6
 * @param port      the explicit port, or -1
 * @param transport {@code udp}, {@code tcp} or null (TURN only)
 */
public record IceUri(String scheme, String host, int port, String transport) {

    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+(?:%[a-z0-9]+)?");

    /** Parses one URI from the variable {@code variable}; the message of any rejection names the variable. */
    public static IceUri parse(String value, String variable) {
        String uri = value.strip();
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("stun") || scheme.equals("stuns") || scheme.equals("turn") || scheme.equals("turns"))) {
            throw invalid(variable, value, "it must start with stun:, stuns:, turn: or turns:");
        }
        String rest = uri.substring(colon + 1);
        if (rest.startsWith("//")) {
            throw invalid(variable, value, "write " + scheme + ":host:port, without '//'");
        }
        String transport = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            String query = rest.substring(question + 1);
            rest = rest.substring(0, question);
            if (scheme.startsWith("stun")) {
                throw invalid(variable, value, "a STUN URI takes no '?' parameters");
            }
            String lower = query.toLowerCase(Locale.ROOT);
            if (!(lower.equals("transport=udp") || lower.equals("transport=tcp"))) {
                throw invalid(variable, value, "the only parameter is ?transport=udp or ?transport=tcp");
            }
            transport = lower.substring("transport=".length());
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(variable, value, "an IPv6 address needs a closing ']'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(variable, value, "only ':port' may follow the IPv6 address");
                }
                portText = after.substring(1);
            }
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw invalid(variable, value, "'" + host + "' is not an IPv6 address");
            }
        } else {
            int portColon = rest.lastIndexOf(':');
            host = portColon < 0 ? rest : rest.substring(0, portColon);
            portText = portColon < 0 ? null : rest.substring(portColon + 1);
            if (host.contains(":")) {
                throw invalid(variable, value, "put an IPv6 address in brackets, e.g. " + scheme + ":[2001:db8::1]:3478");
            }
            if (!HOST_NAME.matcher(host).matches() || (host.matches("[0-9.]+") && !ipv4(host))) {
                throw invalid(variable, value, host.isEmpty() ? "the host is missing" : "'" + host + "' is not a host name or IPv4 address");
            }
        }
        int port = -1;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65_535) {
                throw invalid(variable, value, "the port must be a number from 1 to 65535");
            }
            port = Integer.parseInt(portText);
        }
        return new IceUri(scheme, host, port, transport);
    }

    private static boolean ipv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static InvalidSettingException invalid(String variable, String value, String why) {
        return new InvalidSettingException(variable + " holds an invalid URI '" + value.strip() + "': " + why);
    }

    public boolean turn() {
        return scheme.startsWith("turn");
    }

    /** {@code stuns:} or {@code turns:}: TLS (or DTLS) to the server. */
    public boolean secure() {
        return scheme.endsWith("s");
    }

    /** The port in use: the explicit one, else 3478 (5349 with TLS). */
    public int effectivePort() {
        return port > 0 ? port : secure() ? 5349 : 3478;
    }

    /** The transport to the server: the explicit one, else UDP for {@code stun:}/{@code turn:} and TCP (TLS) otherwise. */
    public String effectiveTransport() {
        return transport != null ? transport : secure() ? "tcp" : "udp";
    }

    /** The URI as browsers take it: lower-case scheme, brackets around IPv6, the port and transport only when written. */
    @Override
    public String toString() {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return scheme + ":" + authority + (port > 0 ? ":" + port : "") + (transport == null ? "" : "?transport=" + transport);
    }
}

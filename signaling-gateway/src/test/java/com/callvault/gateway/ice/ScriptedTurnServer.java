package com.callvault.gateway.ice;

import com.callvault.gateway.ice.stun.AttributeType;
import com.callvault.gateway.ice.stun.ErrorCode;
import com.callvault.gateway.ice.stun.StunAttribute;
import com.callvault.gateway.ice.stun.StunClass;
import com.callvault.gateway.ice.stun.StunMessage;
import com.callvault.gateway.ice.stun.StunMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A TURN server over UDP on loopback that answers as coturn never does, so that ice-verify's verdicts for those answers
 * can be seen: the authenticated Allocate gets {@link Answer}; a Refresh always succeeds. Encoded with our STUN codec.
 */
final class ScriptedTurnServer implements AutoCloseable {

    enum Answer {
        /** 403 Forbidden to the authenticated Allocate. */
        FORBIDDEN,
        /** 508 Insufficient Capacity to the authenticated Allocate. */
        NO_CAPACITY,
        /** Success without XOR-RELAYED-ADDRESS. */
        NO_RELAYED_ADDRESS,
        /** Success to the first Allocate, without asking for credentials. */
        OPEN_RELAY,
        /**
         * 437 Allocation Mismatch to the authenticated Allocate from the first client address and port it hears (as coturn
         * answers a client whose port still has an allocation of an earlier one), success with a relayed address from any other.
         */
        TAKEN_FIRST_PORT
    }

    private final DatagramSocket socket;
    private final Answer answer;
    private final Thread thread;
    private java.net.SocketAddress firstClient;

    ScriptedTurnServer(Answer answer) {
        this.answer = answer;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = Thread.ofVirtual().start(this::serve);
    }

    String uri() {
        return "turn:127.0.0.1:" + socket.getLocalPort() + "?transport=udp";
    }

    private void serve() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                StunMessage request = StunMessage.decode(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (firstClient == null) {
                    firstClient = packet.getSocketAddress();
                }
                byte[] reply = reply(request, packet.getSocketAddress().equals(firstClient)).encode(null, true);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private StunMessage reply(StunMessage request, boolean fromFirstClient) {
        boolean authenticated = request.attribute(AttributeType.MESSAGE_INTEGRITY).isPresent();
        if (request.method() == StunMethod.REFRESH) {
            return success(request, List.of(StunAttribute.unsignedInt(AttributeType.LIFETIME, 0)));
        }
        if (!authenticated && answer != Answer.OPEN_RELAY) {
            return error(request, new ErrorCode(401, "Unauthorized"), List.of(StunAttribute.text(AttributeType.REALM, "scripted"),
                StunAttribute.text(AttributeType.NONCE, "0123456789abcdef")));
        }
        return switch (answer) {
            case FORBIDDEN -> error(request, new ErrorCode(403, "Forbidden IP"), List.of());
            case NO_CAPACITY -> error(request, new ErrorCode(508, "Cannot create socket"), List.of());
            case NO_RELAYED_ADDRESS -> success(request, List.of(StunAttribute.unsignedInt(AttributeType.LIFETIME, 600)));
            case OPEN_RELAY -> relayed(request);
            case TAKEN_FIRST_PORT -> fromFirstClient
                ? error(request, new ErrorCode(ErrorCode.ALLOCATION_MISMATCH, "Mismatched allocation: wrong transaction ID"), List.of())
                : relayed(request);
        };
    }

    private static StunMessage relayed(StunMessage request) {
        return success(request, List.of(new StunAttribute(AttributeType.XOR_RELAYED_ADDRESS,
            com.callvault.gateway.ice.stun.AddressAttribute.encodeXor(new InetSocketAddress("127.0.0.1", 40000), request.transactionId()))));
    }

    private static StunMessage success(StunMessage request, List<StunAttribute> attributes) {
        return new StunMessage(request.method(), StunClass.SUCCESS_RESPONSE, request.transactionId(), attributes);
    }

    private static StunMessage error(StunMessage request, ErrorCode code, List<StunAttribute> more) {
        List<StunAttribute> attributes = new ArrayList<>(more);
        attributes.add(code.toAttribute());
        return new StunMessage(request.method(), StunClass.ERROR_RESPONSE, request.transactionId(), attributes);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}

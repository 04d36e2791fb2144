package com.callvault.gateway.ice.stun;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Address attributes (RFC 5389 §15.1–15.2): family, port and address. In XOR-MAPPED-ADDRESS and its TURN siblings
 * (XOR-RELAYED-ADDRESS, XOR-PEER-ADDRESS) the port is XORed with the cookie's high 16 bits and the address with
 * the cookie (IPv4) or the cookie followed by the transaction id (IPv6); MAPPED-ADDRESS is plain.
 */
public final class AddressAttribute {

    private static final int IPV4 = 0x01;
    private static final int IPV6 = 0x02;

    private AddressAttribute() {
    }

    public static InetSocketAddress decodeXor(byte[] value, byte[] transactionId) {
        return decode(value, mask(transactionId), StunMessage.MAGIC_COOKIE >>> 16);
    }

    public static InetSocketAddress decodePlain(byte[] value) {
        return decode(value, new byte[16], 0);
    }

    public static byte[] encodeXor(InetSocketAddress socketAddress, byte[] transactionId) {
        byte[] address = socketAddress.getAddress().getAddress();
        byte[] mask = mask(transactionId);
        ByteBuffer value = ByteBuffer.allocate(4 + address.length);
        value.put((byte) 0).put((byte) (socketAddress.getAddress() instanceof Inet4Address ? IPV4 : IPV6));
        value.putShort((short) (socketAddress.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16)));
        for (int i = 0; i < address.length; i++) {
            value.put((byte) (address[i] ^ mask[i]));
        }
        return value.array();
    }

    private static InetSocketAddress decode(byte[] value, byte[] mask, int portMask) {
        if (value.length < 4) {
            throw new StunFormatException("an address attribute has at least 4 bytes, got " + value.length);
        }
        int family = value[1] & 0xFF;
        int size = switch (family) {
            case IPV4 -> 4;
            case IPV6 -> 16;
            default -> throw new StunFormatException("unknown address family " + family);
        };
        if (value.length != 4 + size) {
            throw new StunFormatException("an address of family " + family + " has " + (4 + size) + " bytes, got " + value.length);
        }
        int port = (((value[2] & 0xFF) << 8) | (value[3] & 0xFF)) ^ portMask;
        byte[] address = new byte[size];
        for (int i = 0; i < size; i++) {
            address[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new StunFormatException("bad address: " + e.getMessage());
        }
    }

    private static byte[] mask(byte[] transactionId) {
        return ByteBuffer.allocate(16).putInt(StunMessage.MAGIC_COOKIE).put(transactionId).array();
    }
}

package com.callvault.gateway.ice.stun;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A STUN message (RFC 5389 §6): method, class, 96-bit transaction id and attributes in wire order.
 * {@link #encode(byte[], boolean)} appends MESSAGE-INTEGRITY and FINGERPRINT; {@link #decode(byte[])} checks the
 * framing (leading zero bits, magic cookie, lengths, padding) but not integrity: use {@link MessageIntegrity} and
 * {@link Fingerprint} on the received bytes.
 */
public record StunMessage(int method, StunClass messageClass, byte[] transactionId, List<StunAttribute> attributes) {

    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    public StunMessage {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("method out of range: " + method);
        }
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("a transaction id has 12 bytes, not " + transactionId.length);
        }
        transactionId = transactionId.clone();
        attributes = List.copyOf(attributes);
    }

    /** A request with a fresh random transaction id. */
    public static StunMessage request(int method, List<StunAttribute> attributes) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return new StunMessage(method, StunClass.REQUEST, id, attributes);
    }

    @Override
    public byte[] transactionId() {
        return transactionId.clone();
    }

    public boolean sameTransaction(byte[] id) {
        return Arrays.equals(transactionId, id);
    }

    /** The first attribute of this type (RFC 5389 §15: later duplicates are ignored). */
    public Optional<StunAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    public Optional<String> text(int type) {
        return attribute(type).map(StunAttribute::asText);
    }

    /** The ERROR-CODE of an error response. */
    public Optional<ErrorCode> errorCode() {
        return attribute(AttributeType.ERROR_CODE).map(ErrorCode::decode);
    }

    /** An XOR-MAPPED-ADDRESS, XOR-RELAYED-ADDRESS or XOR-PEER-ADDRESS. */
    public Optional<java.net.InetSocketAddress> xorAddress(int type) {
        return attribute(type).map(a -> AddressAttribute.decodeXor(a.value(), transactionId));
    }

    static int messageType(int method, StunClass messageClass) {
        int c = messageClass.bits();
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2) | ((c & 0b01) << 4) | ((c & 0b10) << 7);
    }

    /**
     * The message on the wire; with a key, a MESSAGE-INTEGRITY (HMAC-SHA1) is appended, then, if asked, a
     * FINGERPRINT. Padding bytes are zero.
     */
    public byte[] encode(byte[] integrityKey, boolean fingerprint) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[HEADER_BYTES]);
        for (StunAttribute attribute : attributes) {
            writeAttribute(out, attribute.type(), attribute.value());
        }
        byte[] message = out.toByteArray();
        if (integrityKey != null) {
            message = append(message, AttributeType.MESSAGE_INTEGRITY, MessageIntegrity.compute(header(message, 24), integrityKey));
        }
        if (fingerprint) {
            message = append(message, AttributeType.FINGERPRINT, Fingerprint.compute(header(message, 8)));
        }
        return header(message, 0);
    }

    /** A copy of {@code message} whose header announces {@code extra} more bytes than it holds (see §15.4, §15.5). */
    private byte[] header(byte[] message, int extra) {
        byte[] copy = message.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        int length = copy.length - HEADER_BYTES + extra;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("STUN message too long: " + length + " bytes of attributes");
        }
        buffer.putShort((short) messageType(method, messageClass));
        buffer.putShort((short) length);
        buffer.putInt(MAGIC_COOKIE);
        buffer.put(transactionId);
        return copy;
    }

    private static byte[] append(byte[] message, int type, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(message);
        writeAttribute(out, type, value);
        return out.toByteArray();
    }

    private static void writeAttribute(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type >>> 8);
        out.write(type);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.writeBytes(value);
        out.writeBytes(new byte[padding(value.length)]);
    }

    static int padding(int length) {
        return (4 - length % 4) % 4;
    }

    /** Parses one whole message; anything malformed is a {@link StunFormatException}. */
    public static StunMessage decode(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new StunFormatException("a STUN message has at least 20 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int type = buffer.getShort() & 0xFFFF;
        int length = buffer.getShort() & 0xFFFF;
        int cookie = buffer.getInt();
        if ((type & 0xC000) != 0) {
            throw new StunFormatException("not a STUN message: the first two bits are not zero");
        }
        if (cookie != MAGIC_COOKIE) {
            throw new StunFormatException("not a STUN message: no magic cookie");
        }
        if (length % 4 != 0 || length != bytes.length - HEADER_BYTES) {
            throw new StunFormatException("the header announces " + length + " bytes of attributes, the message has " + (bytes.length - HEADER_BYTES));
        }
        byte[] transactionId = new byte[12];
        buffer.get(transactionId);
        int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        StunClass messageClass = StunClass.of(((type & 0x0010) >> 4) | ((type & 0x0100) >> 7));
        List<StunAttribute> attributes = new ArrayList<>();
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 4) {
                throw new StunFormatException("truncated attribute header");
            }
            int attributeType = buffer.getShort() & 0xFFFF;
            int attributeLength = buffer.getShort() & 0xFFFF;
            if (attributeLength + padding(attributeLength) > buffer.remaining()) {
                throw new StunFormatException(AttributeType.name(attributeType) + " runs past the end of the message");
            }
            byte[] value = new byte[attributeLength];
            buffer.get(value);
            buffer.position(buffer.position() + padding(attributeLength));
            attributes.add(new StunAttribute(attributeType, value));
        }
        return new StunMessage(method, messageClass, transactionId, attributes);
    }

    /** Whether these bytes look like STUN (RFC 7983 demultiplexing plus the magic cookie). */
    public static boolean looksLikeStun(byte[] bytes) {
        return bytes.length >= HEADER_BYTES && (bytes[0] & 0xC0) == 0 && ByteBuffer.wrap(bytes, 4, 4).getInt() == MAGIC_COOKIE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StunMessage that && method == that.method && messageClass == that.messageClass
            && Arrays.equals(transactionId, that.transactionId) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method + messageClass.hashCode()) + Arrays.hashCode(transactionId);
    }

    @Override
    public String toString() {
        return StunMethod.name(method) + " " + messageClass + " " + HexFormat.of().formatHex(transactionId) + " " + attributes;
    }
}

package com.callvault.api.messaging;

import com.callvault.api.AggregateId;
import com.callvault.api.identity.Address;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a {@code Conversation}. A direct (1:1) conversation's id is derived from its two members, so
 * "start or find" needs no lookup and both sides arrive at the same conversation.
 */
public record ConversationId(String value) implements AggregateId {

    public static final String PREFIX = "conversation";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public ConversationId {
        String local = AggregateId.localPart(PREFIX, value);
        if (!UUID_TEXT.matcher(local).matches()) {
            throw new IllegalArgumentException("a conversation id is conversation:<lower-case uuid>, got " + value);
        }
    }

    public static ConversationId parse(String value) {
        return new ConversationId(value);
    }

    /** The direct conversation of two addresses: the same whichever of them starts it. */
    public static ConversationId direct(Address a, Address b) {
        String first = a.lowerCase().compareTo(b.lowerCase()) <= 0 ? a.lowerCase() : b.lowerCase();
        String second = first.equals(a.lowerCase()) ? b.lowerCase() : a.lowerCase();
        UUID uuid = UUID.nameUUIDFromBytes(("callvault:direct:" + first + ":" + second).getBytes(StandardCharsets.UTF_8));
        return new ConversationId(AggregateId.compose(PREFIX, uuid.toString()));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String toString() {
        return value;
    }
}

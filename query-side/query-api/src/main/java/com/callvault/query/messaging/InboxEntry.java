package com.callvault.query.messaging;

import java.time.Instant;

/**
 * One conversation as its member's inbox shows it.
 *
 * @param peer         the other member, with how far they have received and read (the ticks on my messages)
 * @param me           the asking member's own marks
 * @param lastMessage  the newest message, or null before the first one
 * @param unread       messages from others after my read mark that are not deleted
 * @param lastPosition the conversation's change position, the cursor a sync continues from
 * @param activityAt   when the last message was sent, else when the conversation started: the inbox order
 */
public record InboxEntry(String conversationId, String kind, MemberView peer, MemberView me, LastMessage lastMessage, long unread,
                         long lastSeq, long lastPosition, Instant activityAt) {
}

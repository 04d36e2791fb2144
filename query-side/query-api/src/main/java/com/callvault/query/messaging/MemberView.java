package com.callvault.query.messaging;

/**
 * A member of a conversation and their receipt marks: every message up to {@code deliveredSeq} has reached
 * one of their devices, every one up to {@code readSeq} has been read. Each mark comes with the change
 * position it was set at (0 until it first moves), so a sync can tell whether it is news.
 *
 * @param address EIP-55
 */
public record MemberView(String address, long deliveredSeq, long deliveredPosition, long readSeq, long readPosition) {
}

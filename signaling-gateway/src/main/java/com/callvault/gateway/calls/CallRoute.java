package com.callvault.gateway.calls;

import com.callvault.gateway.protocol.ServerFrames.CallSignalFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where one call's signals go on this instance: its two parties and devices, as the call's committed events set
 * them, and the little the relay itself must remember (never stored): which side has an offer outstanding, and
 * the caller's signals held until a device of the callee accepts. All access is under the route's lock.
 */
final class CallRoute {

    enum Side { CALLER, CALLEE }

    /** What the relay may hold for a callee device that has not accepted yet. */
    static final int MAX_HELD_SIGNALS = 64;
    static final int MAX_HELD_CHARS = 256 * 1024;

    final String callId;
    final String caller;
    final String callee;
    final String media;
    private final String callerDevice;
    private String calleeDevice;
    private Instant ringsUntil;
    private boolean ended;
    private final Set<Side> offersOutstanding = EnumSet.noneOf(Side.class);
    private final List<CallSignalFrame> held = new ArrayList<>();
    private int heldChars;

    CallRoute(String callId, String caller, String callee, String media, String callerDevice, String calleeDevice, Instant ringsUntil) {
        this.callId = callId;
        this.caller = caller;
        this.callee = callee;
        this.media = media;
        this.callerDevice = callerDevice;
        this.calleeDevice = calleeDevice;
        this.ringsUntil = ringsUntil;
    }

    String callerDevice() {
        return callerDevice;
    }

    synchronized String calleeDevice() {
        return calleeDevice;
    }

    synchronized Instant ringsUntil() {
        return ringsUntil;
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The callee accepted on {@code device}: answers what was held for it, in the order it came. */
    synchronized List<CallSignalFrame> accept(String device) {
        calleeDevice = device;
        List<CallSignalFrame> release = List.copyOf(held);
        held.clear();
        heldChars = 0;
        return release;
    }

    /** Ends the route; answers whether it was live until now. */
    synchronized boolean end() {
        boolean wasLive = !ended;
        ended = true;
        held.clear();
        heldChars = 0;
        offersOutstanding.clear();
        return wasLive;
    }

    /** Which side {@code address} on {@code device} is in this call, or null when that device is not in it. */
    synchronized Side sideOf(String address, String device) {
        if (caller.equalsIgnoreCase(address) && callerDevice != null && callerDevice.equals(device)) {
            return Side.CALLER;
        }
        if (callee.equalsIgnoreCase(address) && calleeDevice != null && calleeDevice.equals(device)) {
            return Side.CALLEE;
        }
        return null;
    }

    synchronized boolean answered() {
        return calleeDevice != null;
    }

    /** Notes an offer from {@code side}; an answer is only relayed while the other side has one outstanding. */
    synchronized void offered(Side side) {
        offersOutstanding.add(side);
    }

    synchronized boolean answers(Side side) {
        return offersOutstanding.remove(other(side));
    }

    /** Holds a caller's signal for the callee's device to come; false when the hold is full. */
    synchronized boolean hold(CallSignalFrame signal, int chars) {
        if (held.size() >= MAX_HELD_SIGNALS || heldChars + chars > MAX_HELD_CHARS) {
            return false;
        }
        held.add(signal);
        heldChars += chars;
        return true;
    }

    static Side other(Side side) {
        return side == Side.CALLER ? Side.CALLEE : Side.CALLER;
    }

    String address(Side side) {
        return side == Side.CALLER ? caller : callee;
    }

    synchronized String device(Side side) {
        return side == Side.CALLER ? callerDevice : calleeDevice;
    }
}

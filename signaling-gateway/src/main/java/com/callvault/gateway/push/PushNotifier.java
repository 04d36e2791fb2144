package com.callvault.gateway.push;

import com.callvault.api.calls.CallAccepted;
import com.callvault.api.calls.CallEnded;
import com.callvault.api.calls.CallInvited;
import com.callvault.api.calls.CalleeFoundOffline;
import com.callvault.api.calls.EndReason;
import com.callvault.api.messaging.ConversationStarted;
import com.callvault.api.messaging.MessageSent;
import com.callvault.gateway.live.LiveChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.martijndwars.webpush.Urgency;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides what to push, from the events (a tracking processor, {@value #PROCESSING_GROUP}, that starts at the head of
 * the stream and never replays: a push is a side effect). It only hands pushes to the {@link PushOutbox}, which sends
 * them later, so neither the processor nor signaling waits for a push service.
 * <ul>
 *   <li>The callee was found offline and the caller was told a push went out: a {@code call} push, urgent, living as
 *       long as the call rings, with the call's topic.</li>
 *   <li>That call ended, or was answered on a device: a {@code call-ended} push with the same topic, which replaces the
 *       ringing one (a missed call, or nothing to show when it was answered or declined).</li>
 *   <li>A message to someone with no open session on this instance: a {@code message} push, with a preview of its
 *       text unless {@code PUSH_MESSAGE_PREVIEW=false}.</li>
 * </ul>
 * What a call looked like when invited, and which calls were pushed, is kept in memory until the call ends (an invite
 * not seen since a restart is read back from the event store).
 */
@Component
@ProcessingGroup(PushNotifier.PROCESSING_GROUP)
@DisallowReplay
class PushNotifier {

    static final String PROCESSING_GROUP = "push-notifications";
    static final Duration MISSED_CALL_TTL = Duration.ofDays(1);
    static final Duration MESSAGE_TTL = Duration.ofDays(1);
    static final int PREVIEW_CODE_POINTS = 100;
    private static final int REMEMBERED = 10_000;

    /** What the callee's device needs to show the call. */
    private record Invite(String callId, String caller, String callee, String media, String ringsUntil, Duration ringTimeout) {

        static Invite of(CallInvited event) {
            return new Invite(event.callId(), event.caller(), event.callee(), event.media(), event.ringsUntil().toString(),
                Duration.ofMillis(event.ringTimeoutMillis()));
        }
    }

    private final PushSettings settings;
    private final PushOutbox outbox;
    private final LiveChannel live;
    private final EventStore events;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Invite> invites = bounded();
    private final Map<String, Invite> pushedCalls = bounded();
    private final Map<String, List<String>> members = bounded();

    PushNotifier(PushSettings settings, PushOutbox outbox, LiveChannel live, EventStore events, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.live = live;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(CallInvited event) {
        if (settings.enabled()) {
            invites.put(event.callId(), Invite.of(event));
        }
    }

    @EventHandler
    void on(CalleeFoundOffline event) {
        if (!settings.enabled() || !event.pushSent()) {
            return;
        }
        Invite invite = invites.get(event.callId());
        if (invite == null) {
            invite = readInvite(event.callId());
        }
        if (invite == null) {
            return;
        }
        pushedCalls.put(invite.callId(), invite);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "call");
        payload.put("callId", invite.callId());
        payload.put("caller", invite.caller());
        payload.put("media", invite.media());
        payload.put("ringsUntil", invite.ringsUntil());
        offer(invite.callee(), "call", payload, Urgency.HIGH, ceilSeconds(invite.ringTimeout()), Topics.call(invite.callId()));
    }

    @EventHandler
    void on(CallAccepted event) {
        Invite invite = pushedCalls.remove(event.callId());
        if (invite != null) {
            ended(invite, EndReason.ANSWERED_ELSEWHERE.wireName(), false, event.acceptedAt().toString());
        }
    }

    @EventHandler
    void on(CallEnded event) {
        invites.remove(event.callId());
        Invite invite = pushedCalls.remove(event.callId());
        if (invite != null) {
            EndReason reason = EndReason.fromWireName(event.reason());
            boolean missed = reason.unanswered() && reason != EndReason.DECLINED && reason != EndReason.GLARE_REPLACED;
            ended(invite, event.reason(), missed, event.endedAt().toString());
        }
    }

    @EventHandler
    void on(MessageSent event) {
        if (!settings.enabled()) {
            return;
        }
        for (String member : members(event.conversationId())) {
            if (member.equalsIgnoreCase(event.sender()) || live.sessions(member) > 0) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "message");
            payload.put("conversationId", event.conversationId());
            payload.put("seq", event.seq());
            payload.put("sender", event.sender());
            payload.put("sentAt", event.sentAt().toString());
            if (settings.messagePreview() && event.body() != null && !event.body().isEmpty()) {
                payload.put("preview", preview(event.body()));
            }
            payload.put("attachments", event.attachments().size());
            offer(member, "message", payload, Urgency.NORMAL, MESSAGE_TTL, Topics.conversation(event.conversationId()));
        }
    }

    /** Replaces the ringing notification: a missed call to show, or (answered, declined) nothing. */
    private void ended(Invite invite, String reason, boolean missed, String endedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "call-ended");
        payload.put("callId", invite.callId());
        payload.put("caller", invite.caller());
        payload.put("media", invite.media());
        payload.put("reason", reason);
        payload.put("missed", missed);
        payload.put("endedAt", endedAt);
        // urgent like the ring it replaces, so a device in power saving does not keep ringing
        offer(invite.callee(), "call-ended", payload, Urgency.HIGH, missed ? MISSED_CALL_TTL : ceilSeconds(invite.ringTimeout()),
            Topics.call(invite.callId()));
    }

    private void offer(String recipient, String kind, Map<String, Object> payload, Urgency urgency, Duration ttl, String topic) {
        outbox.offer(new PushIntent(recipient, kind, json.writeValueAsBytes(payload), urgency, ttl, topic, clock.instant()));
    }

    static String preview(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= PREVIEW_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW_CODE_POINTS)) + "…";
    }

    private List<String> members(String conversationId) {
        List<String> known = members.get(conversationId);
        if (known != null) {
            return known;
        }
        DomainEventStream stream = events.readEvents(conversationId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ConversationStarted started) {
                members.put(conversationId, started.members());
                return started.members();
            }
        }
        return List.of();
    }

    private Invite readInvite(String callId) {
        DomainEventStream stream = events.readEvents(callId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof CallInvited invited) {
                return Invite.of(invited);
            }
        }
        return null;
    }

    private static Duration ceilSeconds(Duration duration) {
        long seconds = (duration.toMillis() + 999) / 1000;
        return Duration.ofSeconds(seconds);
    }

    private static <V> Map<String, V> bounded() {
        return java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}

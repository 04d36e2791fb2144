import { describe, expect, it } from 'vitest';
import { notificationFor, shortAddress } from './notifications';
import { parsePushPayload } from './payload';

const CALLER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const CALL_ID = 'call:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';
const CONVERSATION = 'conversation:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';
const NOW = Date.parse('2026-11-24T10:00:00Z');

/** The payloads as PushNotifier writes them (docs/push.md), instants with the server's nanoseconds. */
const call = { type: 'call', callId: CALL_ID, caller: CALLER, media: 'video', ringsUntil: '2026-11-24T10:00:45.123456789Z' };
const missed = { type: 'call-ended', callId: CALL_ID, caller: CALLER, media: 'audio', reason: 'no-answer', missed: true, endedAt: '2026-11-24T10:00:45.2Z' };
const answeredElsewhere = { ...missed, reason: 'answered-elsewhere', missed: false };
const message = { type: 'message', conversationId: CONVERSATION, seq: 7, sender: CALLER, sentAt: '2026-11-24T09:59:58.5Z', preview: 'See you at 5…', attachments: 0 };

function planFor(payload: object, now = NOW) {
  const parsed = parsePushPayload(JSON.stringify(payload));
  if (parsed === null) throw new Error(`not parsed: ${JSON.stringify(payload)}`);
  return notificationFor(parsed, now);
}

describe('push payloads', () => {
  it('reads the three shapes the server sends', () => {
    expect(parsePushPayload(JSON.stringify(call))).toEqual(call);
    expect(parsePushPayload(JSON.stringify(missed))).toEqual(missed);
    expect(parsePushPayload(JSON.stringify(message))).toEqual(message);
  });

  it('leaves out a hidden preview, and counts missing attachments as none', () => {
    const { preview: _, attachments: __, ...hidden } = message;
    expect(parsePushPayload(JSON.stringify(hidden))).toEqual({ ...hidden, attachments: 0 });
  });

  it('refuses what is not one of them', () => {
    for (const text of [null, '', 'not json', '[]', '{"type":"call"}', JSON.stringify({ ...call, callId: 'x' }), JSON.stringify({ ...call, media: 'fax' }),
      JSON.stringify({ ...message, seq: 0 }), JSON.stringify({ ...message, preview: 3 }), JSON.stringify({ ...missed, missed: 'yes' }),
      JSON.stringify({ ...message, type: 'receipt' })]) {
      expect(parsePushPayload(text), String(text)).toBeNull();
    }
  });
});

describe('notifications for pushes', () => {
  it('rings a call until it is answered: caller, answer and decline, tagged with the call', () => {
    expect(planFor(call)).toEqual({
      kind: 'show',
      title: 'Incoming video call',
      options: {
        body: '0x5aAe…eAed is calling you.',
        tag: CALL_ID,
        data: { kind: 'call', callId: CALL_ID, caller: CALLER, media: 'video' },
        requireInteraction: true,
        renotify: true,
        actions: [{ action: 'accept', title: 'Answer' }, { action: 'decline', title: 'Decline' }],
        timestamp: NOW,
      },
    });
  });

  it('shows a call that arrives after it stopped ringing as missed', () => {
    const plan = planFor(call, Date.parse(call.ringsUntil) + 1);
    expect(plan).toMatchObject({ kind: 'show', title: 'Missed video call', options: { tag: CALL_ID, requireInteraction: false, actions: [] } });
  });

  it('turns the ringing notification into a missed call with the same tag', () => {
    expect(planFor(missed)).toEqual({
      kind: 'show',
      title: 'Missed voice call',
      options: {
        body: '0x5aAe…eAed called you.',
        tag: CALL_ID,
        data: { kind: 'missed-call', callId: CALL_ID, caller: CALLER },
        requireInteraction: false,
        renotify: false,
        actions: [],
        timestamp: Date.parse('2026-11-24T10:00:45.2Z'),
      },
    });
  });

  it('closes the ringing notification when the call was answered elsewhere or declined', () => {
    expect(planFor(answeredElsewhere)).toEqual({ kind: 'close', tag: CALL_ID });
    expect(planFor({ ...answeredElsewhere, reason: 'declined' })).toEqual({ kind: 'close', tag: CALL_ID });
  });

  it('shows a message with its sender and preview, one notification per conversation', () => {
    expect(planFor(message)).toEqual({
      kind: 'show',
      title: '0x5aAe…eAed',
      options: {
        body: 'See you at 5…',
        tag: CONVERSATION,
        data: { kind: 'message', conversationId: CONVERSATION, seq: 7 },
        requireInteraction: false,
        renotify: true,
        actions: [],
        timestamp: Date.parse(message.sentAt),
      },
    });
  });

  it('says no more than the server sent when content is hidden', () => {
    const { preview: _, ...hidden } = message;
    expect(planFor(hidden)).toMatchObject({ options: { body: 'New message' } });
    expect(planFor({ ...hidden, attachments: 1 })).toMatchObject({ options: { body: 'Sent an attachment' } });
    expect(planFor({ ...hidden, attachments: 3 })).toMatchObject({ options: { body: 'Sent 3 attachments' } });
  });

  it('shortens addresses the way the app does', () => {
    expect(shortAddress(CALLER)).toBe('0x5aAe…eAed');
  });
});

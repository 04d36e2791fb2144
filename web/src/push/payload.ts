/**
 * What the server pushes (docs/push.md, "What is pushed"): the JSON inside each Web Push message, decrypted by the
 * browser before the service worker sees it. Parsed defensively: a push that is not one of these is shown as a plain
 * notice rather than trusted.
 */
import { type Address, type Instant, isAddress, isBoolean, isInstant, isInteger, isObject, isOneOf, isString } from '../protocol-base';

export type CallMedia = 'audio' | 'video';

/** Someone calls a user who has no device connected; the call rings on until `ringsUntil`. */
export interface CallPush {
  readonly type: 'call';
  readonly callId: string;
  readonly caller: Address;
  readonly media: CallMedia;
  readonly ringsUntil: Instant;
}

/** That call ended or was answered on another device; replaces the ringing notification (same `callId`). */
export interface CallEndedPush {
  readonly type: 'call-ended';
  readonly callId: string;
  readonly caller: Address;
  readonly media: CallMedia;
  /** An end reason wire name, e.g. `no-answer`, `cancelled`, `declined`, `answered-elsewhere`. */
  readonly reason: string;
  /** True when the callee should learn they missed it; false when answered or declined. */
  readonly missed: boolean;
  readonly endedAt: Instant;
}

/** A new message to a user with no session open. `preview` is absent when the server hides message content. */
export interface MessagePush {
  readonly type: 'message';
  readonly conversationId: string;
  readonly seq: number;
  readonly sender: Address;
  readonly sentAt: Instant;
  readonly preview?: string;
  readonly attachments: number;
}

export type PushPayload = CallPush | CallEndedPush | MessagePush;

const CALL_ID = /^call:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONVERSATION_ID = /^conversation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isMedia = isOneOf<CallMedia>(['audio', 'video']);

export const isCallId = (x: unknown): x is string => isString(x) && CALL_ID.test(x);
export const isConversationId = (x: unknown): x is string => isString(x) && CONVERSATION_ID.test(x);

/** The payload, or null when it is not JSON of a known shape (unknown extra fields are ignored). */
export function parsePushPayload(text: string | null | undefined): PushPayload | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'call':
      return isCallId(raw.callId) && isAddress(raw.caller) && isMedia(raw.media) && isInstant(raw.ringsUntil)
        ? { type: 'call', callId: raw.callId, caller: raw.caller, media: raw.media, ringsUntil: raw.ringsUntil }
        : null;
    case 'call-ended':
      return isCallId(raw.callId) && isAddress(raw.caller) && isMedia(raw.media) && isString(raw.reason) && isBoolean(raw.missed) &&
        isInstant(raw.endedAt)
        ? { type: 'call-ended', callId: raw.callId, caller: raw.caller, media: raw.media, reason: raw.reason, missed: raw.missed, endedAt: raw.endedAt }
        : null;
    case 'message':
      if (!isConversationId(raw.conversationId) || !isInteger(raw.seq, 1) || !isAddress(raw.sender) || !isInstant(raw.sentAt)) return null;
      if (raw.preview !== undefined && !isString(raw.preview)) return null;
      return {
        type: 'message',
        conversationId: raw.conversationId,
        seq: raw.seq,
        sender: raw.sender,
        sentAt: raw.sentAt,
        ...(isString(raw.preview) && raw.preview !== '' ? { preview: raw.preview } : {}),
        attachments: isInteger(raw.attachments, 0) ? raw.attachments : 0,
      };
    default:
      return null;
  }
}

/**
 * What the service worker shows for each push (pure: tested without a browser). Tags make later pushes replace
 * earlier ones on the device as the push service's topics do on the way: one notification per call (its `callId`),
 * one per conversation (its `conversationId`).
 */
import type { CallMedia, PushPayload } from './payload';

/** What a notification remembers for its click (kept in `Notification.data`). */
export type NotificationData =
  | { readonly kind: 'call'; readonly callId: string; readonly caller: string; readonly media: CallMedia }
  | { readonly kind: 'missed-call'; readonly callId: string; readonly caller: string }
  | { readonly kind: 'message'; readonly conversationId: string; readonly seq: number };

export interface NotificationActionSpec {
  readonly action: string;
  readonly title: string;
}

/** The options of `ServiceWorkerRegistration.showNotification` this client uses (the DOM typings lack some). */
export interface NotificationSpecOptions {
  readonly body: string;
  readonly tag: string;
  readonly data: NotificationData | null;
  /** Stays until the user acts: a ringing call. */
  readonly requireInteraction: boolean;
  /** Alert again when replacing a notification with the same tag. */
  readonly renotify: boolean;
  readonly actions: readonly NotificationActionSpec[];
  /** Milliseconds since the epoch: when the thing happened. */
  readonly timestamp?: number;
}

export type NotificationPlan =
  | { readonly kind: 'show'; readonly title: string; readonly options: NotificationSpecOptions }
  /** Close the notifications with this tag and show nothing (a call answered elsewhere or declined). */
  | { readonly kind: 'close'; readonly tag: string };

export const CALL_ACTIONS: readonly NotificationActionSpec[] = [
  { action: 'accept', title: 'Answer' },
  { action: 'decline', title: 'Decline' },
];

/** A push that could not be read: something must still be shown (pushes are user-visible only). */
export const UNREADABLE: NotificationPlan = {
  kind: 'show',
  title: 'CallVault',
  options: { body: 'You have something new.', tag: 'callvault', data: null, requireInteraction: false, renotify: false, actions: [] },
};

/** `0x5aAe…eAed`: enough to recognise an address in a notification. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

const callWord = (media: CallMedia) => (media === 'video' ? 'video call' : 'voice call');

function timeOf(iso: string): { timestamp?: number } {
  const millis = Date.parse(iso);
  return Number.isNaN(millis) ? {} : { timestamp: millis };
}

function missedCall(callId: string, caller: string, media: CallMedia, at: string): NotificationPlan {
  return {
    kind: 'show',
    title: `Missed ${callWord(media)}`,
    options: {
      body: `${shortAddress(caller)} called you.`,
      tag: callId,
      data: { kind: 'missed-call', callId, caller },
      requireInteraction: false,
      renotify: false,
      actions: [],
      ...timeOf(at),
    },
  };
}

function attachmentsText(count: number): string {
  if (count <= 0) return 'New message';
  return count === 1 ? 'Sent an attachment' : `Sent ${count} attachments`;
}

/** The notification for `payload`, at `now` (ms since the epoch): a call that no longer rings is shown as missed. */
export function notificationFor(payload: PushPayload, now: number): NotificationPlan {
  switch (payload.type) {
    case 'call': {
      if (now >= Date.parse(payload.ringsUntil)) return missedCall(payload.callId, payload.caller, payload.media, payload.ringsUntil);
      return {
        kind: 'show',
        title: `Incoming ${callWord(payload.media)}`,
        options: {
          body: `${shortAddress(payload.caller)} is calling you.`,
          tag: payload.callId,
          data: { kind: 'call', callId: payload.callId, caller: payload.caller, media: payload.media },
          requireInteraction: true,
          renotify: true,
          actions: CALL_ACTIONS,
          timestamp: now,
        },
      };
    }
    case 'call-ended':
      return payload.missed
        ? missedCall(payload.callId, payload.caller, payload.media, payload.endedAt)
        : { kind: 'close', tag: payload.callId };
    case 'message':
      return {
        kind: 'show',
        title: shortAddress(payload.sender),
        options: {
          body: payload.preview ?? attachmentsText(payload.attachments),
          tag: payload.conversationId,
          data: { kind: 'message', conversationId: payload.conversationId, seq: payload.seq },
          requireInteraction: false,
          renotify: true,
          actions: [],
          ...timeOf(payload.sentAt),
        },
      };
  }
}

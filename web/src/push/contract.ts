/**
 * The contract between the service worker and the app's pages. A notification click reaches the app one of two ways:
 * - a window of the app is open: the worker focuses it and posts a {@link PageMessage} to it;
 * - none is open: the worker opens the URL of {@link callActionUrl} or {@link conversationUrl}, which the page reads
 *   when it starts (bridge.ts), so the outcome is the same.
 * The calls UI learns of "Answer"/"Decline" through `onPushAction` (bridge.ts), never from these shapes directly.
 */
import { isObject, isOneOf } from '../protocol-base';
import { isCallId, isConversationId } from './payload';

/** What the user chose on an incoming-call notification. */
export type PushAction = 'accept' | 'decline';
export const PUSH_ACTIONS: readonly PushAction[] = ['accept', 'decline'];
export const isPushAction = isOneOf<PushAction>(PUSH_ACTIONS);

/** Answer or decline the call `callId`, which rang while no window was open. */
export interface PushActionMessage {
  readonly type: 'push-action';
  readonly action: PushAction;
  readonly callId: string;
}

/** Show the conversation `conversationId` (a message notification was clicked). */
export interface PushOpenMessage {
  readonly type: 'push-open';
  readonly conversationId: string;
}

export type PageMessage = PushActionMessage | PushOpenMessage;

export function isPageMessage(data: unknown): data is PageMessage {
  if (!isObject(data)) return false;
  if (data.type === 'push-action') return isPushAction(data.action) && isCallId(data.callId);
  if (data.type === 'push-open') return isConversationId(data.conversationId);
  return false;
}

const ACTION_PARAM = 'callAction';
const CALL_PARAM = 'callId';

/** `/?callAction=accept&callId=call:…`: what the worker opens to hand an action to a page that is not open yet. */
export function callActionUrl(action: PushAction, callId: string): string {
  return `/?${new URLSearchParams({ [ACTION_PARAM]: action, [CALL_PARAM]: callId }).toString()}`;
}

/** `#/conversations/conversation:…`: the app's own route to a conversation. */
export function conversationHash(conversationId: string): string {
  return `#/conversations/${conversationId}`;
}

/** The app at a conversation: what the worker opens for a message notification when no window is open. */
export function conversationUrl(conversationId: string): string {
  return `/${conversationHash(conversationId)}`;
}

/**
 * The action a page was opened with, and its address without it (so a reload does not answer the call again);
 * null when the address carries none (or a malformed one, which is dropped all the same).
 */
export function takeCallAction(href: string): { action: PushActionMessage | null; cleaned: string } | null {
  const url = new URL(href);
  if (!url.searchParams.has(ACTION_PARAM) && !url.searchParams.has(CALL_PARAM)) return null;
  const action = url.searchParams.get(ACTION_PARAM);
  const callId = url.searchParams.get(CALL_PARAM);
  url.searchParams.delete(ACTION_PARAM);
  url.searchParams.delete(CALL_PARAM);
  const cleaned = `${url.pathname}${url.search}${url.hash}`;
  return {
    action: isPushAction(action) && isCallId(callId) ? { type: 'push-action', action, callId } : null,
    cleaned,
  };
}

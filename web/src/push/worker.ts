/**
 * The service worker's decisions, against a small {@link WorkerHost} (sw.ts adapts the real worker scope to it), so
 * they are tested without a browser: which notification a push shows or closes, where a click goes, and how a
 * subscription the browser renewed reaches the server again.
 */
import { base64UrlToBytes } from './base64url';
import { type PageMessage, callActionUrl, conversationUrl, isPushAction } from './contract';
import { type NotificationSpecOptions, UNREADABLE, notificationFor } from './notifications';
import { isCallId, isConversationId, parsePushPayload } from './payload';
import { isObject } from '../protocol-base';

export interface ShownNotification {
  readonly data: unknown;
  close(): void;
}

/** A window of the app (a `WindowClient`). */
export interface AppWindow {
  readonly focused: boolean;
  readonly visibilityState: string;
  focus(): Promise<unknown>;
  postMessage(message: PageMessage): void;
}

export interface WorkerSubscription {
  readonly endpoint: string;
  toJSON(): unknown;
}

export interface WorkerHost {
  now(): number;
  show(title: string, options: NotificationSpecOptions): Promise<void>;
  /** The notifications shown with this tag. */
  shown(tag: string): Promise<readonly ShownNotification[]>;
  /** The app's windows, controlled by this worker or not. */
  windows(): Promise<readonly AppWindow[]>;
  openWindow(url: string): Promise<unknown>;
  /** A same-origin request with the session cookie. */
  fetch(path: string, init: RequestInit): Promise<Response>;
  subscribe(applicationServerKey: Uint8Array<ArrayBuffer> | ArrayBuffer): Promise<WorkerSubscription>;
}

/** Shows (or closes) what a push says. A message is not shown while a window of the app has the focus: it is on screen. */
export async function handlePush(host: WorkerHost, text: string | null): Promise<void> {
  const payload = parsePushPayload(text);
  if (payload?.type === 'message' && (await host.windows()).some((window) => window.focused)) return;
  const plan = payload ? notificationFor(payload, host.now()) : UNREADABLE;
  if (plan.kind === 'close') {
    (await host.shown(plan.tag)).forEach((notification) => notification.close());
    return;
  }
  await host.show(plan.title, plan.options);
}

/** Where a click on a notification with `data` leads: a message for an open window, and the URL to open otherwise. */
export function clickTarget(data: unknown, action: string): { message: PageMessage | null; url: string } {
  if (isObject(data) && data.kind === 'call' && isCallId(data.callId) && isPushAction(action)) {
    return { message: { type: 'push-action', action, callId: data.callId }, url: callActionUrl(action, data.callId) };
  }
  if (isObject(data) && data.kind === 'message' && isConversationId(data.conversationId)) {
    return { message: { type: 'push-open', conversationId: data.conversationId }, url: conversationUrl(data.conversationId) };
  }
  // a click on a ringing call's body opens the app, which rings itself once connected; a missed call opens the app
  return { message: null, url: '/' };
}

/**
 * Brings the app forward with what was clicked: the focused (else a visible, else any) window gets the message and
 * the focus; with no window, one opens at the target's URL. The message goes first, so a refused focus loses nothing.
 */
export async function handleClick(host: WorkerHost, data: unknown, action: string): Promise<void> {
  const target = clickTarget(data, action);
  const windows = await host.windows();
  const window = windows.find((w) => w.focused) ?? windows.find((w) => w.visibilityState === 'visible') ?? windows[0];
  if (!window) {
    await host.openWindow(target.url);
    return;
  }
  if (target.message) window.postMessage(target.message);
  await window.focus().catch(() => undefined);
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' };

/**
 * The browser renewed (or dropped) this device's subscription: subscribe again if it did not, then tell the server
 * (`POST /api/push/subscriptions`, the session cookie goes along) and forget the old endpoint there.
 */
export async function handleSubscriptionChange(
  host: WorkerHost,
  old: { endpoint: string; applicationServerKey: ArrayBuffer | null } | null,
  renewed: WorkerSubscription | null,
): Promise<void> {
  const subscription = renewed ?? (await host.subscribe(old?.applicationServerKey ?? (await vapidKey(host))));
  const saved = await host.fetch('/api/push/subscriptions', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(subscription.toJSON()) });
  if (!saved.ok) throw new Error(`The server did not take the renewed push subscription (HTTP ${saved.status})`);
  if (old && old.endpoint !== subscription.endpoint) {
    // best effort: the server also drops it once its push service answers 404/410
    await host.fetch(`/api/push/subscriptions?endpoint=${encodeURIComponent(old.endpoint)}`, { method: 'DELETE', headers: JSON_HEADERS });
  }
}

async function vapidKey(host: WorkerHost): Promise<Uint8Array<ArrayBuffer>> {
  const response = await host.fetch('/api/push/vapid-public-key', { method: 'GET', headers: JSON_HEADERS });
  if (!response.ok) throw new Error(`No VAPID key from the server (HTTP ${response.status})`);
  const body: unknown = await response.json();
  if (!isObject(body) || typeof body.publicKey !== 'string') throw new Error('The server sent no VAPID key');
  return base64UrlToBytes(body.publicKey);
}

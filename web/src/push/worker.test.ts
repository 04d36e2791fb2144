import { describe, expect, it } from 'vitest';
import type { PageMessage } from './contract';
import type { NotificationSpecOptions } from './notifications';
import { type AppWindow, type WorkerHost, type WorkerSubscription, clickTarget, handleClick, handlePush, handleSubscriptionChange } from './worker';

const CALLER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const CALL_ID = 'call:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';
const CONVERSATION = 'conversation:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';
const NOW = Date.parse('2026-11-24T10:00:00Z');

const callPush = JSON.stringify({ type: 'call', callId: CALL_ID, caller: CALLER, media: 'audio', ringsUntil: '2026-11-24T10:00:45Z' });
const ended = (missed: boolean) =>
  JSON.stringify({ type: 'call-ended', callId: CALL_ID, caller: CALLER, media: 'audio', reason: missed ? 'cancelled' : 'answered-elsewhere', missed, endedAt: '2026-11-24T10:00:05Z' });
const messagePush = JSON.stringify({ type: 'message', conversationId: CONVERSATION, seq: 3, sender: CALLER, sentAt: '2026-11-24T10:00:00Z', preview: 'Hi', attachments: 0 });

class FakeWindow implements AppWindow {
  readonly received: PageMessage[] = [];
  focusCalls = 0;
  constructor(readonly focused: boolean, readonly visibilityState: string, private readonly focusWorks = true) {}
  focus(): Promise<unknown> {
    this.focusCalls++;
    return this.focusWorks ? Promise.resolve(this) : Promise.reject(new Error('Not allowed to focus a window.'));
  }
  postMessage(message: PageMessage): void {
    this.received.push(message);
  }
}

/** A worker scope that keeps notifications by tag, as browsers do (a new one with a tag replaces the old). */
class FakeHost implements WorkerHost {
  readonly notifications = new Map<string, { title: string; options: NotificationSpecOptions }>();
  readonly opened: string[] = [];
  readonly requests: { path: string; method: string; body?: unknown }[] = [];
  readonly subscribedWith: (Uint8Array | ArrayBuffer)[] = [];
  windowList: AppWindow[] = [];
  answers: Record<string, Response> = {};

  now = () => NOW;
  show = async (title: string, options: NotificationSpecOptions) => void this.notifications.set(options.tag, { title, options });
  shown = async (tag: string) => {
    const shown = this.notifications.get(tag);
    return shown ? [{ data: shown.options.data, close: () => this.notifications.delete(tag) }] : [];
  };
  windows = async () => this.windowList;
  openWindow = async (url: string) => this.opened.push(url);
  fetch = async (path: string, init: RequestInit) => {
    this.requests.push({ path, method: init.method ?? 'GET', ...(init.body ? { body: JSON.parse(init.body as string) as unknown } : {}) });
    return this.answers[`${init.method} ${path.split('?')[0]}`] ?? new Response(null, { status: 204 });
  };
  subscribe = async (key: Uint8Array | ArrayBuffer): Promise<WorkerSubscription> => {
    this.subscribedWith.push(key);
    return subscription('https://push.example/new');
  };
}

function subscription(endpoint: string): WorkerSubscription {
  return { endpoint, toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } }) };
}

describe('the service worker shows pushes', () => {
  it('rings, then replaces the ringing notification with a missed call', async () => {
    const host = new FakeHost();
    await handlePush(host, callPush);
    expect(host.notifications.get(CALL_ID)).toMatchObject({ title: 'Incoming voice call', options: { requireInteraction: true } });

    await handlePush(host, ended(true));
    expect([...host.notifications.values()]).toEqual([expect.objectContaining({ title: 'Missed voice call' })]);
  });

  it('closes the ringing notification when the call was answered on another device', async () => {
    const host = new FakeHost();
    await handlePush(host, callPush);
    await handlePush(host, messagePush);
    await handlePush(host, ended(false));
    expect([...host.notifications.keys()]).toEqual([CONVERSATION]);
  });

  it('does not show a message while a window of the app has the focus, but still rings', async () => {
    const host = new FakeHost();
    host.windowList = [new FakeWindow(true, 'visible')];
    await handlePush(host, messagePush);
    await handlePush(host, callPush);
    expect([...host.notifications.keys()]).toEqual([CALL_ID]);
  });

  it('shows a message when the app is only open in the background', async () => {
    const host = new FakeHost();
    host.windowList = [new FakeWindow(false, 'hidden')];
    await handlePush(host, messagePush);
    expect(host.notifications.get(CONVERSATION)?.title).toBe('0x5aAe…eAed');
  });

  it('shows a plain notice for a push it cannot read', async () => {
    const host = new FakeHost();
    await handlePush(host, '{"type":"unknown"}');
    expect(host.notifications.get('callvault')?.title).toBe('CallVault');
  });
});

describe('clicks on notifications', () => {
  const callData = { kind: 'call', callId: CALL_ID, caller: CALLER, media: 'audio' };

  it('hands answer or decline to the focused window, then focuses it', async () => {
    const host = new FakeHost();
    const background = new FakeWindow(false, 'hidden');
    const focused = new FakeWindow(true, 'visible');
    host.windowList = [background, focused];
    await handleClick(host, callData, 'accept');
    await handleClick(host, callData, 'decline');
    expect(focused.received).toEqual([
      { type: 'push-action', action: 'accept', callId: CALL_ID },
      { type: 'push-action', action: 'decline', callId: CALL_ID },
    ]);
    expect(focused.focusCalls).toBe(2);
    expect(background.received).toEqual([]);
    expect(host.opened).toEqual([]);
  });

  it('still hands the action over when the browser refuses the focus', async () => {
    const host = new FakeHost();
    const window = new FakeWindow(false, 'hidden', false);
    host.windowList = [window];
    await handleClick(host, callData, 'accept');
    expect(window.received).toEqual([{ type: 'push-action', action: 'accept', callId: CALL_ID }]);
  });

  it('opens the app with the action in its address when no window is open', async () => {
    const host = new FakeHost();
    await handleClick(host, callData, 'accept');
    await handleClick(host, { kind: 'message', conversationId: CONVERSATION, seq: 1 }, '');
    expect(host.opened).toEqual([`/?callAction=accept&callId=${encodeURIComponent(CALL_ID)}`, `/#/conversations/${CONVERSATION}`]);
  });

  it('opens the conversation of a message in the open window', async () => {
    const host = new FakeHost();
    const window = new FakeWindow(false, 'visible');
    host.windowList = [window];
    await handleClick(host, { kind: 'message', conversationId: CONVERSATION, seq: 1 }, '');
    expect(window.received).toEqual([{ type: 'push-open', conversationId: CONVERSATION }]);
  });

  it('just opens the app for a missed call, a click on a ringing call body, or unknown data', () => {
    expect(clickTarget({ kind: 'missed-call', callId: CALL_ID, caller: CALLER }, '')).toEqual({ message: null, url: '/' });
    expect(clickTarget(callData, '')).toEqual({ message: null, url: '/' });
    expect(clickTarget(null, 'accept')).toEqual({ message: null, url: '/' });
    expect(clickTarget({ kind: 'call', callId: 'nope' }, 'accept')).toEqual({ message: null, url: '/' });
  });
});

describe('a subscription the browser changed', () => {
  const saved = () => new Response('{"created":true}', { status: 201, headers: { 'Content-Type': 'application/json' } });

  it('sends the new subscription as it is and forgets the old endpoint', async () => {
    const host = new FakeHost();
    host.answers['POST /api/push/subscriptions'] = saved();
    await handleSubscriptionChange(host, { endpoint: 'https://push.example/old', applicationServerKey: null }, subscription('https://push.example/renewed'));
    expect(host.requests).toEqual([
      { path: '/api/push/subscriptions', method: 'POST', body: { endpoint: 'https://push.example/renewed', expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } } },
      { path: `/api/push/subscriptions?endpoint=${encodeURIComponent('https://push.example/old')}`, method: 'DELETE' },
    ]);
  });

  it('subscribes again with the old key when the browser gave no new subscription', async () => {
    const host = new FakeHost();
    host.answers['POST /api/push/subscriptions'] = saved();
    const oldKey = new Uint8Array([4, 1, 2]).buffer;
    await handleSubscriptionChange(host, { endpoint: 'https://push.example/old', applicationServerKey: oldKey }, null);
    expect(host.subscribedWith).toEqual([oldKey]);
    expect(host.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['POST /api/push/subscriptions', 'DELETE /api/push/subscriptions']);
  });

  it('asks the server for its key when the old one is unknown', async () => {
    const host = new FakeHost();
    host.answers['GET /api/push/vapid-public-key'] = new Response('{"publicKey":"BAEC"}', { headers: { 'Content-Type': 'application/json' } });
    host.answers['POST /api/push/subscriptions'] = saved();
    await handleSubscriptionChange(host, null, null);
    expect(host.subscribedWith).toEqual([new Uint8Array([4, 1, 2])]);
    expect(host.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('fails (so the browser may retry) when the server refuses it, e.g. signed out', async () => {
    const host = new FakeHost();
    host.answers['POST /api/push/subscriptions'] = new Response(null, { status: 401 });
    const change = handleSubscriptionChange(host, { endpoint: 'https://push.example/old', applicationServerKey: null }, subscription('https://push.example/renewed'));
    await expect(change).rejects.toThrow('HTTP 401');
    expect(host.requests.map((r) => r.method)).toEqual(['POST']); // the old endpoint stays known until the new one is
  });
});

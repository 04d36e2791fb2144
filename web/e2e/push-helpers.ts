/**
 * What push.spec.ts drives the browser with: a stand-in for `pushManager.subscribe` (headless Chromium has no push
 * service to subscribe at), the DevTools protocol to deliver pushes to the service worker, the worker's notifications,
 * and raw `/ws` sockets for the call frames the calls UI will send.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { BASE_URL } from './browser';
import type { StandInDevice } from './push-service';

/** What the stand-in recorded in a page: each subscribe and permission request, and whether a click was under way. */
export interface PushLog {
  subscribes: { active: boolean }[];
  permissionRequests: { active: boolean }[];
}

/**
 * Grants notifications (when asked) and replaces `PushManager.subscribe`/`getSubscription` in every page of the
 * context with a subscription at `device` (kept in localStorage, as the browser keeps a real one).
 */
export async function standInPush(context: BrowserContext, device: StandInDevice, grant: boolean): Promise<void> {
  if (grant) await context.grantPermissions(['notifications'], { origin: BASE_URL });
  await context.addInitScript((device: StandInDevice) => {
    if (!('PushManager' in window)) return;
    const KEY = 'e2e.push-subscription-key';
    const log: PushLog = { subscribes: [], permissionRequests: [] };
    (window as unknown as { __push: PushLog }).__push = log;
    const make = (key: number[]) => ({
      endpoint: device.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(key).buffer },
      toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: { p256dh: device.p256dh, auth: device.auth } }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      log.subscribes.push({ active: navigator.userActivation.isActive });
      const key = [...new Uint8Array(options?.applicationServerKey as Uint8Array)];
      localStorage.setItem(KEY, JSON.stringify(key));
      return make(key) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      const key = localStorage.getItem(KEY);
      return (key === null ? null : make(JSON.parse(key) as number[])) as unknown as PushSubscription | null;
    };
    const request = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args: Parameters<typeof Notification.requestPermission>) => {
      log.permissionRequests.push({ active: navigator.userActivation.isActive });
      return request(...args);
    };
  }, device);
}

export const pushLog = (page: Page): Promise<PushLog> => page.evaluate(() => (window as unknown as { __push: PushLog }).__push);

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  requireInteraction: boolean;
  actions: string[];
  data: unknown;
}

/** The notifications the site's service worker shows, read from any page of the site. */
export function notifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/');
    const shown = (await registration?.getNotifications()) ?? [];
    return shown.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      requireInteraction: n.requireInteraction,
      actions: (n as unknown as { actions: { action: string; title: string }[] }).actions.map((a) => `${a.action}:${a.title}`),
      data: n.data as unknown,
    }));
  });
}

/**
 * Delivers pushes to a person's service worker as their browser's push service would (the DevTools protocol's
 * `ServiceWorker.deliverPushMessage`), through a blank page: no window of the site is open, so the person is offline
 * for the server and the worker sees no window of the app.
 */
export class PushDeliverer {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly registrationId: string,
  ) {}

  static async open(context: BrowserContext): Promise<PushDeliverer> {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === `${BASE_URL}/` && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    return new PushDeliverer(context, page, cdp, await registration);
  }

  /**
   * The push as the browser hands it to the worker (the decrypted payload); returns once the worker has handled it.
   * DevTools answers as soon as the event is dispatched, and Chromium's getNotifications() run while a notification
   * is still being shown can drop it from its records, so the test waits for the event's waitUntil() to settle: it
   * counts them in the worker's scope (test instrumentation, installed from here; the worker's code knows nothing of it).
   */
  async deliver(payload: unknown): Promise<void> {
    const worker = serviceWorker(this.context);
    const before = await worker.evaluate(() => {
      type Counted = { settledPushes?: number };
      const scope = globalThis as unknown as Counted & { ExtendableEvent: { prototype: { waitUntil(p: Promise<unknown>): void } } };
      if (scope.settledPushes === undefined) {
        scope.settledPushes = 0;
        const waitUntil = scope.ExtendableEvent.prototype.waitUntil;
        scope.ExtendableEvent.prototype.waitUntil = function (this: Event, promise: Promise<unknown>) {
          if (this.type === 'push') void promise.finally(() => (scope.settledPushes = (scope.settledPushes ?? 0) + 1)).catch(() => undefined);
          return waitUntil.call(this, promise);
        };
      }
      return scope.settledPushes;
    });
    await this.cdp.send('ServiceWorker.deliverPushMessage', { origin: BASE_URL, registrationId: this.registrationId, data: JSON.stringify(payload) });
    await expect
      .poll(() => worker.evaluate(() => (globalThis as unknown as { settledPushes: number }).settledPushes), { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(before);
  }

  /** What the worker shows, asked in the worker itself. */
  notifications(): Promise<ShownNotification[]> {
    return serviceWorker(this.context).evaluate(async () => {
      const scope = globalThis as unknown as { registration: { getNotifications(): Promise<Notification[]> } };
      return (await scope.registration.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        requireInteraction: n.requireInteraction,
        actions: (n as unknown as { actions: { action: string; title: string }[] }).actions.map((a) => `${a.action}:${a.title}`),
        data: n.data as unknown,
      }));
    });
  }

  async close(): Promise<void> {
    await this.cdp.detach();
    await this.page.close();
  }
}

/** The site's service worker in `context` (the newest, should the browser have stopped and restarted it). */
export function serviceWorker(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().filter((w) => w.url() === `${BASE_URL}/sw.js`).at(-1);
  if (!worker) throw new Error('no service worker runs for the site');
  return worker;
}

/**
 * A click on the notification tagged `tag` (on `action`, '' for its body). Pages cannot click notifications and
 * headless Chromium shows none, so the worker gets the event a click raises, dispatched in its own scope. Such an
 * event carries no user activation: the browser refuses it focus() and openWindow(), so this reaches open windows only.
 */
export async function clickNotification(context: BrowserContext, tag: string, action: string): Promise<void> {
  await serviceWorker(context).evaluate(
    async ({ tag, action }) => {
      type Scope = {
        registration: { getNotifications(filter: { tag: string }): Promise<Notification[]> };
        dispatchEvent(event: Event): boolean;
      };
      type NotificationEventClass = new (type: string, init: { notification: Notification; action: string }) => Event;
      const scope = globalThis as unknown as Scope & { NotificationEvent: NotificationEventClass };
      const [notification] = await scope.registration.getNotifications({ tag });
      if (!notification) throw new Error(`no notification tagged ${tag}`);
      try {
        scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification, action }));
      } catch {
        // waitUntil() throws on an event made by a script; the handler has started all the same
      }
    },
    { tag, action },
  );
}

/** A raw `/ws` socket in `page` (another device of its user), collecting every frame. */
export async function openSocket(page: Page, device: string): Promise<void> {
  await page.evaluate(
    (device) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { sockets?: Record<string, WebSocket>; frames?: Record<string, Record<string, unknown>[]> };
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws?device=${device}`);
        (w.sockets ??= {})[device] = socket;
        const frames = ((w.frames ??= {})[device] = [] as Record<string, unknown>[]);
        socket.onmessage = (event) => frames.push(JSON.parse(event.data as string) as Record<string, unknown>);
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error(`socket ${device} failed`));
      }),
    device,
  );
}

/** Closes a raw socket and waits until the close handshake is done (the server has seen it). */
export async function closeSocket(page: Page, device: string): Promise<void> {
  await page.evaluate(
    (device) =>
      new Promise<void>((resolve) => {
        const socket = (window as unknown as { sockets: Record<string, WebSocket> }).sockets[device];
        if (!socket || socket.readyState === WebSocket.CLOSED) return resolve();
        socket.addEventListener('close', () => resolve());
        socket.close(1000, 'done');
      }),
    device,
  );
}

export async function sendFrame(page: Page, device: string, frame: Record<string, unknown>): Promise<void> {
  await page.evaluate(({ device, frame }) => (window as unknown as { sockets: Record<string, WebSocket> }).sockets[device]?.send(JSON.stringify(frame)), {
    device,
    frame,
  });
}

export function frames(page: Page, device: string): Promise<Record<string, unknown>[]> {
  return page.evaluate((device) => (window as unknown as { frames: Record<string, Record<string, unknown>[]> }).frames[device] ?? [], device);
}

/**
 * The service worker (built on its own as `/sw.js`, scope `/`): shows the pushes, hands notification clicks to the
 * app, and renews the subscription when the browser changes it. Its decisions are in worker.ts; this file only
 * connects them to the worker's events.
 */
/// <reference lib="webworker" />
import type { NotificationSpecOptions } from './notifications';
import { type AppWindow, type WorkerHost, handleClick, handlePush, handleSubscriptionChange } from './worker';

declare const self: ServiceWorkerGlobalScope;

/** Not in TypeScript's worker typings yet (Push API §11.4). */
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly newSubscription: PushSubscription | null;
  readonly oldSubscription: PushSubscription | null;
}

const host: WorkerHost = {
  now: () => Date.now(),
  // the DOM typings lack `actions`, `renotify` and `timestamp`, which browsers take
  show: (title, options: NotificationSpecOptions) => self.registration.showNotification(title, options as NotificationOptions),
  shown: (tag) => self.registration.getNotifications({ tag }),
  windows: async (): Promise<readonly AppWindow[]> => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
  openWindow: (url) => self.clients.openWindow(url),
  fetch: (path, init) => fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' }),
  subscribe: (applicationServerKey) => self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey }),
};

// Nothing is cached, so a new version can take over at once.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => event.waitUntil(handlePush(host, event.data?.text() ?? null)));

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(handleClick(host, event.notification.data, event.action));
});

self.addEventListener('pushsubscriptionchange', (event) => {
  const change = event as PushSubscriptionChangeEvent;
  const old = change.oldSubscription;
  change.waitUntil(
    handleSubscriptionChange(host, old ? { endpoint: old.endpoint, applicationServerKey: old.options.applicationServerKey } : null, change.newSubscription),
  );
});

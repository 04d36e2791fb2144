/**
 * The browser's push, notification and service worker APIs, behind the small interfaces the push modules use
 * (subscription.ts, bridge.ts). The service worker is `/sw.js`, registered once per page with scope `/`.
 */
import type { BridgeEnvironment } from './bridge';
import { conversationHash } from './contract';
import type { BrowserSubscription, PushBrowser, PushPermission } from './subscription';

const OWNER_KEY = 'callvault.push-owner.v1';
const WORKER_URL = '/sw.js';

let registration: Promise<ServiceWorkerRegistration> | undefined;

/** Registers the service worker (once) and waits until it is active. */
export function serviceWorker(): Promise<ServiceWorkerRegistration> {
  registration ??= navigator.serviceWorker
    .register(WORKER_URL, { scope: '/', updateViaCache: 'none' })
    .then(() => navigator.serviceWorker.ready);
  return registration;
}

function adapt(subscription: PushSubscription | null): BrowserSubscription | null {
  if (subscription === null) return null;
  return {
    endpoint: subscription.endpoint,
    applicationServerKey: subscription.options.applicationServerKey,
    toJSON: () => subscription.toJSON(),
    unsubscribe: () => subscription.unsubscribe(),
  };
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const browserPush: PushBrowser = {
  supported: () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window,
  permission: () => Notification.permission as PushPermission,
  requestPermission: async () => (await Notification.requestPermission()) as PushPermission,
  current: async () => adapt(await (await serviceWorker()).pushManager.getSubscription()),
  subscribe: async (applicationServerKey) =>
    adapt(await (await serviceWorker()).pushManager.subscribe({ userVisibleOnly: true, applicationServerKey })) as BrowserSubscription,
  owner: () => storage()?.getItem(OWNER_KEY) ?? null,
  setOwner: (address) => {
    try {
      if (address === null) storage()?.removeItem(OWNER_KEY);
      else storage()?.setItem(OWNER_KEY, address);
    } catch {
      // storage refused: the next check asks the server instead
    }
  },
};

export const browserBridge: BridgeEnvironment = {
  listen: (handler) => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.addEventListener('message', (event) => handler(event.data));
  },
  href: () => location.href,
  replaceUrl: (url) => history.replaceState(history.state, '', url),
  openConversation: (conversationId) => {
    location.hash = conversationHash(conversationId);
  },
};

/**
 * This device's push subscription, kept in step with the server's list. Permission is asked for only in
 * {@link PushSubscriptions.enable}, which the page calls from a click; {@link PushSubscriptions.check} never asks.
 * The browser APIs come in through {@link PushBrowser} (browser.ts), so the rules are tested with fakes.
 */
import { base64UrlToBytes } from './base64url';
import type { PushApi } from './push-api';

export type PushPermission = 'default' | 'granted' | 'denied';

export interface BrowserSubscription {
  readonly endpoint: string;
  /** The VAPID key it was made with. */
  readonly applicationServerKey: ArrayBuffer | null;
  toJSON(): unknown;
  unsubscribe(): Promise<boolean>;
}

export interface PushBrowser {
  /** Service workers, the Push API and notifications are all there. */
  supported(): boolean;
  permission(): PushPermission;
  requestPermission(): Promise<PushPermission>;
  current(): Promise<BrowserSubscription | null>;
  subscribe(applicationServerKey: Uint8Array<ArrayBuffer>): Promise<BrowserSubscription>;
  /** The address this device's subscription was made for (kept across visits), null when none. */
  owner(): string | null;
  setOwner(address: string | null): void;
}

export type PushState =
  /** This browser cannot receive pushes. */
  | { readonly kind: 'unsupported' }
  /** The server has push turned off (no VAPID keys). */
  | { readonly kind: 'unavailable' }
  /** The user blocked notifications for this site; only the browser's settings can undo that. */
  | { readonly kind: 'blocked' }
  /** `otherDevices`: this user's other devices that receive pushes. */
  | { readonly kind: 'off'; readonly otherDevices: number }
  | { readonly kind: 'on'; readonly otherDevices: number };

type Api = Pick<PushApi, 'vapidPublicKey' | 'save' | 'remove' | 'list'>;

const sameAddress = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

function sameBytes(a: ArrayBuffer | null, b: Uint8Array): boolean {
  if (a === null || a.byteLength !== b.byteLength) return false;
  const view = new Uint8Array(a);
  return view.every((byte, i) => byte === b[i]);
}

export class PushSubscriptions {
  constructor(
    private readonly me: string,
    private readonly api: Api,
    private readonly browser: PushBrowser,
  ) {}

  /**
   * Where this device stands. A subscription the server lost (or dropped for a newer device), or holds under an
   * earlier session of this user (pushes stop when that session ends), is sent again; one made for someone else who
   * used this browser is cancelled, so their notifications never show on this user's screen. Other devices count
   * when they receive pushes (their session is signed in).
   */
  async check(): Promise<PushState> {
    if (!this.browser.supported()) return { kind: 'unsupported' };
    const listed = await this.api.list();
    if (!listed.pushEnabled) return { kind: 'unavailable' };
    const permission = this.browser.permission();
    if (permission === 'denied') return { kind: 'blocked' };
    const current = permission === 'granted' ? await this.browser.current() : null;
    const otherDevices = listed.subscriptions.filter((device) => device.endpoint !== current?.endpoint && device.signedIn).length;
    if (current === null) return { kind: 'off', otherDevices };
    const here = listed.subscriptions.find((device) => device.endpoint === current.endpoint);
    if (here !== undefined || sameAddress(this.browser.owner(), this.me)) {
      if (!here?.thisSession) await this.api.save(current.toJSON());
      this.browser.setOwner(this.me);
      return { kind: 'on', otherDevices };
    }
    await current.unsubscribe();
    this.browser.setOwner(null);
    return { kind: 'off', otherDevices };
  }

  /** Call from a click: asks for permission (first, while the click still counts), subscribes, tells the server. */
  async enable(): Promise<PushState> {
    const permission = this.browser.permission() === 'granted' ? 'granted' : await this.browser.requestPermission();
    if (permission === 'denied') return { kind: 'blocked' };
    if (permission !== 'granted') return this.check(); // the prompt was dismissed
    const key = base64UrlToBytes(await this.api.vapidPublicKey());
    let subscription = await this.browser.current();
    if (subscription && !sameBytes(subscription.applicationServerKey, key)) {
      await subscription.unsubscribe(); // made with a key the server no longer signs with: its pushes would be refused
      subscription = null;
    }
    subscription ??= await this.browser.subscribe(key);
    await this.api.save(subscription.toJSON());
    this.browser.setOwner(this.me);
    return this.check();
  }

  /** Stops pushes to this device: the server forgets it, and the browser drops the subscription. */
  async disable(): Promise<PushState> {
    await forgetThisDevice(this.api, this.browser, false);
    return this.check();
  }
}

/** Removes this device's subscription; with `bestEffort` (signing out) failures are ignored. */
export async function forgetThisDevice(api: Pick<Api, 'remove'>, browser: PushBrowser, bestEffort: boolean): Promise<void> {
  if (!browser.supported() || browser.permission() !== 'granted') return;
  const current = await browser.current();
  if (current) {
    try {
      await api.remove(current.endpoint);
    } catch (error) {
      if (!bestEffort) throw error;
    }
    await current.unsubscribe().catch((error: unknown) => {
      if (!bestEffort) throw error;
    });
  }
  browser.setOwner(null);
}

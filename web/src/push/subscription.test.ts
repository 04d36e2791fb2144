import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { PushDevices } from './push-api';
import { type BrowserSubscription, type PushBrowser, type PushPermission, PushSubscriptions, forgetThisDevice } from './subscription';

const ME = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const SOMEONE_ELSE = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const KEY = 'BAEC'; // base64url of 04 01 02
const KEY_BYTES = new Uint8Array([4, 1, 2]);

class FakeSubscription implements BrowserSubscription {
  unsubscribed = false;
  constructor(readonly endpoint: string, readonly applicationServerKey: ArrayBuffer | null = KEY_BYTES.slice().buffer) {}
  toJSON() {
    return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: 'BPk', auth: 'au' } };
  }
  async unsubscribe() {
    this.unsubscribed = true;
    return true;
  }
}

class FakeBrowser implements PushBrowser {
  log: string[] = [];
  subscription: FakeSubscription | null = null;
  ownerAddress: string | null = null;
  constructor(public state: PushPermission = 'default', public answer: PushPermission = 'granted', public isSupported = true) {}
  supported = () => this.isSupported;
  permission = () => this.state;
  requestPermission = async () => {
    this.log.push('requestPermission');
    this.state = this.answer;
    return this.answer;
  };
  current = async () => (this.subscription?.unsubscribed ? null : this.subscription);
  subscribe = async (key: Uint8Array<ArrayBuffer>) => {
    this.log.push(`subscribe ${[...key].join(',')}`);
    this.subscription = new FakeSubscription('https://push.example/device-1');
    return this.subscription;
  };
  owner = () => this.ownerAddress;
  setOwner = (address: string | null) => void (this.ownerAddress = address);
}

class FakeApi {
  log: string[] = [];
  devices: PushDevices = { pushEnabled: true, subscriptions: [] };
  async vapidPublicKey() {
    this.log.push('key');
    if (!this.devices.pushEnabled) throw new ApiError({ title: 'Push is off', status: 503, code: 'push-disabled' });
    return KEY;
  }
  async save(subscription: unknown) {
    this.log.push(`save ${JSON.stringify(subscription)}`);
    const endpoint = (subscription as { endpoint: string }).endpoint;
    this.devices = { ...this.devices, subscriptions: [...this.devices.subscriptions.filter((d) => d.endpoint !== endpoint), device(endpoint)] };
  }
  async remove(endpoint: string) {
    this.log.push(`remove ${endpoint}`);
    this.devices = { ...this.devices, subscriptions: this.devices.subscriptions.filter((d) => d.endpoint !== endpoint) };
  }
  async list() {
    return this.devices;
  }
}

const device = (endpoint: string, signedIn = true, thisSession = true) => ({
  endpoint,
  createdAt: '2026-11-24T10:00:00Z',
  updatedAt: '2026-11-24T10:00:00Z',
  signedIn,
  thisSession,
});

describe('push subscriptions of this device', () => {
  it('never asks for permission when the app starts', async () => {
    const browser = new FakeBrowser('default');
    const api = new FakeApi();
    api.devices = { pushEnabled: true, subscriptions: [device('https://push.example/phone')] };
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'off', otherDevices: 1 });
    expect(browser.log).toEqual([]);
    expect(api.log).toEqual([]);
  });

  it('asks on enable, before anything else, then subscribes with the server key and sends the subscription as it is', async () => {
    const browser = new FakeBrowser('default', 'granted');
    const api = new FakeApi();
    const state = await new PushSubscriptions(ME, api, browser).enable();
    expect(state).toEqual({ kind: 'on', otherDevices: 0 });
    expect(browser.log).toEqual(['requestPermission', 'subscribe 4,1,2']);
    expect(api.log).toEqual(['key', `save ${JSON.stringify(new FakeSubscription('https://push.example/device-1').toJSON())}`]);
    expect(browser.ownerAddress).toBe(ME);
  });

  it('stays off when the prompt is dismissed, and says blocked when it is refused', async () => {
    const api = new FakeApi();
    expect(await new PushSubscriptions(ME, api, new FakeBrowser('default', 'default')).enable()).toEqual({ kind: 'off', otherDevices: 0 });
    expect(await new PushSubscriptions(ME, api, new FakeBrowser('default', 'denied')).enable()).toEqual({ kind: 'blocked' });
    expect(api.log).toEqual([]);
  });

  it('does not ask again once granted', async () => {
    const browser = new FakeBrowser('granted');
    await new PushSubscriptions(ME, new FakeApi(), browser).enable();
    expect(browser.log).toEqual(['subscribe 4,1,2']);
  });

  it('replaces a subscription made with another server key', async () => {
    const browser = new FakeBrowser('granted');
    const stale = new FakeSubscription('https://push.example/stale', new Uint8Array([4, 9, 9]).buffer);
    browser.subscription = stale;
    await new PushSubscriptions(ME, new FakeApi(), browser).enable();
    expect(stale.unsubscribed).toBe(true);
    expect(browser.subscription?.endpoint).toBe('https://push.example/device-1');
  });

  it('turns off: the server forgets the device and the browser drops it', async () => {
    const browser = new FakeBrowser('granted');
    const api = new FakeApi();
    const push = new PushSubscriptions(ME, api, browser);
    await push.enable();
    const subscription = browser.subscription;
    expect(await push.disable()).toEqual({ kind: 'off', otherDevices: 0 });
    expect(subscription?.unsubscribed).toBe(true);
    expect(api.log.at(-1)).toBe('remove https://push.example/device-1');
    expect(browser.ownerAddress).toBeNull();
  });

  it('sends its subscription again when the server lost it', async () => {
    const browser = new FakeBrowser('granted');
    browser.subscription = new FakeSubscription('https://push.example/device-1');
    browser.ownerAddress = ME.toLowerCase();
    const api = new FakeApi();
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'on', otherDevices: 0 });
    expect(api.log).toEqual([`save ${JSON.stringify(browser.subscription.toJSON())}`]);
  });

  it('cancels a subscription someone else made in this browser instead of taking it over', async () => {
    const browser = new FakeBrowser('granted');
    const theirs = new FakeSubscription('https://push.example/theirs');
    browser.subscription = theirs;
    browser.ownerAddress = SOMEONE_ELSE;
    const api = new FakeApi();
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'off', otherDevices: 0 });
    expect(theirs.unsubscribed).toBe(true);
    expect(api.log).toEqual([]);
  });

  it('is on when the server lists this device, whoever the browser remembers', async () => {
    const browser = new FakeBrowser('granted');
    browser.subscription = new FakeSubscription('https://push.example/device-1');
    const api = new FakeApi();
    api.devices = { pushEnabled: true, subscriptions: [device('https://push.example/device-1'), device('https://push.example/phone')] };
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'on', otherDevices: 1 });
    expect(browser.ownerAddress).toBe(ME);
  });

  it('renews a subscription the server holds under an earlier session, and counts only devices that receive pushes', async () => {
    const browser = new FakeBrowser('granted');
    browser.subscription = new FakeSubscription('https://push.example/device-1');
    browser.ownerAddress = ME;
    const api = new FakeApi();
    api.devices = {
      pushEnabled: true,
      subscriptions: [
        device('https://push.example/device-1', false, false),
        device('https://push.example/phone', true, false),
        device('https://push.example/old-laptop', false, false),
      ],
    };
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'on', otherDevices: 1 });
    expect(api.log).toEqual([`save ${JSON.stringify(browser.subscription.toJSON())}`]);

    api.log = [];
    expect(await new PushSubscriptions(ME, api, browser).check()).toEqual({ kind: 'on', otherDevices: 1 });
    expect(api.log).toEqual([]);
  });

  it('says when the browser or the server cannot do push, or notifications are blocked', async () => {
    const api = new FakeApi();
    expect(await new PushSubscriptions(ME, api, new FakeBrowser('default', 'granted', false)).check()).toEqual({ kind: 'unsupported' });
    expect(await new PushSubscriptions(ME, api, new FakeBrowser('denied')).check()).toEqual({ kind: 'blocked' });
    api.devices = { pushEnabled: false, subscriptions: [] };
    expect(await new PushSubscriptions(ME, api, new FakeBrowser('granted')).check()).toEqual({ kind: 'unavailable' });
  });

  it('forgets the device on sign-out even when the server cannot be reached', async () => {
    const browser = new FakeBrowser('granted');
    const subscription = new FakeSubscription('https://push.example/device-1');
    browser.subscription = subscription;
    browser.ownerAddress = ME;
    const failing = { remove: async () => Promise.reject(new ApiError({ title: 'Cannot reach the server', status: 0 })) };
    await forgetThisDevice(failing, browser, true);
    expect(subscription.unsubscribed).toBe(true);
    expect(browser.ownerAddress).toBeNull();
    await expect(forgetThisDevice(failing, Object.assign(new FakeBrowser('granted'), { subscription: new FakeSubscription('x') }), false)).rejects.toThrow(
      'Cannot reach the server',
    );
  });
});

/**
 * Web Push in real Chromium against the whole app. Headless Chromium has no push service: Bob's pages get a stand-in
 * `pushManager.subscribe` whose endpoint is a push service in this test (push-service.ts), which decrypts what the
 * gateway really pushes; the test then hands each payload to Bob's service worker as a browser's push service would
 * (DevTools' `ServiceWorker.deliverPushMessage`) and reads the notifications the worker shows. Covered: permission is
 * asked only on "Enable notifications", the subscription reaches the server, a message and a call to Bob while his
 * app is closed become notifications (replaced per conversation and per call), a click reaches the open app, an
 * action in the address is taken once, and signing out stops pushes to the device.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, type User, anotherTab, connected, launch, screenshot, signUp } from './browser';
import { PushDeliverer, clickNotification, closeSocket, frames, notifications, openSocket, pushLog, sendFrame, standInPush } from './push-helpers';
import { LocalPushService, type StandInDevice } from './push-service';

const WAIT = { timeout: 20_000, interval: 100 };
const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

let browser: Browser;
let pushService: LocalPushService;
let bobsDevice: StandInDevice;
let alice: User;
let bob: User;
let conversationId = '';

/** The server's list of the page's user's push subscriptions. */
function listed(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const body = (await (await fetch('/api/push/subscriptions')).json()) as { subscriptions: { endpoint: string }[] };
    return body.subscriptions.map((s) => s.endpoint);
  });
}

/** A new call id as clients make them: `call:` and a UUIDv7. */
function newCallId(): string {
  const hex = randomBytes(16).toString('hex').split('');
  const millis = Date.now().toString(16).padStart(12, '0');
  hex.splice(0, 12, ...millis.split(''));
  hex[12] = '7';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `call:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Alice calls Bob from a raw socket, ringing 45 s (the browser tests' configuration rings calls 8 s); answers the call's
 * id once the server says Bob is offline and was pushed.
 */
async function aliceCallsBob(requestId: string): Promise<string> {
  const callId = newCallId();
  await sendFrame(alice.page, 'alice-raw', { type: 'call.invite', id: requestId, callId, callee: bob.address, media: 'audio', ringTimeoutSeconds: 45 });
  await expect
    .poll(async () => {
      const ringing = (await frames(alice.page, 'alice-raw')).find((f) => f.type === 'call.ringing' && f.callId === callId);
      return ringing && { devices: ringing.devices, pushSent: ringing.pushSent };
    }, WAIT)
    .toEqual({ devices: 0, pushSent: true });
  return callId;
}

async function pushedTo(predicate: (payload: Record<string, unknown>) => boolean) {
  return pushService.next(bobsDevice, predicate);
}

describe('Web Push in the browser', () => {
  beforeAll(async () => {
    browser = await launch();
    pushService = await LocalPushService.start();
    bobsDevice = pushService.device('bob');
    [alice, bob] = await Promise.all([signUp(browser, 'alice'), signUp(browser, 'bob', (context) => standInPush(context, bobsDevice, true))]);
    await openSocket(alice.page, 'alice-raw');
  });

  afterAll(async () => {
    await browser?.close();
    await pushService?.close();
  });

  it('asks for permission only when "Enable notifications" is pressed', async () => {
    const carol = await signUp(browser, 'carol', (context) => standInPush(context, pushService.device('carol'), false));
    const enable = carol.page.getByRole('button', { name: 'Enable notifications' });
    await enable.waitFor();
    expect(await pushLog(carol.page)).toEqual({ subscribes: [], permissionRequests: [] });

    await enable.click();
    await expect.poll(async () => (await pushLog(carol.page)).permissionRequests, WAIT).toEqual([{ active: true }]);
    // headless Chromium answers the prompt itself; without a grant nothing is subscribed
    await carol.page.locator('.push-settings:is([data-push="off"], [data-push="blocked"])').waitFor(WAIT);
    expect((await pushLog(carol.page)).subscribes).toEqual([]);
    expect(await listed(carol.page)).toEqual([]);
    await carol.context.close();
  });

  it('subscribes within the click, and the server lists the device', async () => {
    const enable = bob.page.getByRole('button', { name: 'Enable notifications' });
    await enable.waitFor();
    expect(await pushLog(bob.page)).toEqual({ subscribes: [], permissionRequests: [] });
    expect(await listed(bob.page)).toEqual([]);

    await enable.click();
    await bob.page.locator('.push-settings[data-push="on"]').waitFor(WAIT);
    expect((await pushLog(bob.page)).subscribes).toEqual([{ active: true }]);
    expect(await listed(bob.page)).toEqual([bobsDevice.endpoint]);
    await screenshot(bob.page, 'push-enabled');
  });

  it('shows messages to Bob while his app is closed, one notification per conversation, and a click opens it', async () => {
    await alice.page.getByLabel('Start a conversation with an address').fill(bob.address);
    await alice.page.getByRole('button', { name: 'Start' }).click();
    await alice.page.locator('section.conversation').waitFor();
    await bob.page.close();
    const device = await PushDeliverer.open(bob.context);

    const box = alice.page.getByRole('textbox', { name: 'Message' });
    await box.fill('Are you there?');
    await box.press('Enter');
    const first = await pushedTo((p) => p.type === 'message' && p.preview === 'Are you there?');
    expect(first.headers).toMatchObject({ urgency: 'normal', ttl: '86400', 'content-encoding': 'aes128gcm' });
    expect(first.payload).toMatchObject({ sender: alice.address, seq: 1, attachments: 0 });
    conversationId = String(first.payload.conversationId);
    await device.deliver(first.payload);
    await expect.poll(() => device.notifications(), WAIT).toEqual([
      { title: short(alice.address), body: 'Are you there?', tag: conversationId, requireInteraction: false, actions: [], data: { kind: 'message', conversationId, seq: 1 } },
    ]);

    await box.fill('Hello?');
    await box.press('Enter');
    await device.deliver((await pushedTo((p) => p.preview === 'Hello?')).payload);
    await expect.poll(async () => (await device.notifications()).map((n) => `${n.tag} ${n.body}`), WAIT).toEqual([`${conversationId} Hello?`]);

    // Bob opens the app; the click on the notification brings its conversation up there
    bob = { ...bob, page: await anotherTab(bob, 'bob') };
    await device.close();
    await clickNotification(bob.context, conversationId, '');
    await bob.page.locator('section.conversation').waitFor(WAIT);
    expect(new URL(bob.page.url()).hash).toBe(`#/conversations/${conversationId}`);
    expect(await notifications(bob.page)).toEqual([]);
  });

  it('rings for a call while Bob is offline, with answer and decline, and turns it into a missed call when Alice gives up', async () => {
    await bob.page.close();
    const device = await PushDeliverer.open(bob.context);
    const callId = await aliceCallsBob('invite-1');
    const ring = await pushedTo((p) => p.type === 'call' && p.callId === callId);
    expect(ring.headers).toMatchObject({ urgency: 'high', ttl: '45' });
    expect(ring.headers.topic).toMatch(/^c[A-Za-z0-9_-]{22}$/);
    await device.deliver(ring.payload);
    await expect.poll(() => device.notifications(), WAIT).toEqual([
      {
        title: 'Incoming voice call',
        body: `${short(alice.address)} is calling you.`,
        tag: callId,
        requireInteraction: true,
        actions: ['accept:Answer', 'decline:Decline'],
        data: { kind: 'call', callId, caller: alice.address, media: 'audio' },
      },
    ]);

    await sendFrame(alice.page, 'alice-raw', { type: 'call.hangup', id: 'hangup-1', callId });
    const ended = await pushedTo((p) => p.type === 'call-ended' && p.callId === callId);
    expect(ended.payload).toMatchObject({ reason: 'cancelled', missed: true });
    expect(ended.headers.topic).toBe(ring.headers.topic);
    await device.deliver(ended.payload);
    await expect.poll(async () => (await device.notifications()).map((n) => [n.tag, n.title, n.requireInteraction, n.actions.length]), WAIT).toEqual([
      [callId, 'Missed voice call', false, 0],
    ]);
    await device.close();
  });

  it('closes the ringing notification when the call is answered on another device', async () => {
    const device = await PushDeliverer.open(bob.context);
    const callId = await aliceCallsBob('invite-2');
    await device.deliver((await pushedTo((p) => p.type === 'call' && p.callId === callId)).payload);
    await expect.poll(async () => (await device.notifications()).some((n) => n.tag === callId), { ...WAIT, message: 'ringing shown' }).toBe(true);

    // Bob's phone (another socket of his, in a page of the site that is not the app) answers
    const phone = await bob.context.newPage();
    await phone.goto(`${BASE_URL}/sw.js`);
    await openSocket(phone, 'bob-phone');
    await expect.poll(async () => (await frames(phone, 'bob-phone')).some((f) => f.type === 'call.incoming' && f.callId === callId), { ...WAIT, message: 'the phone rings' }).toBe(true);
    await sendFrame(phone, 'bob-phone', { type: 'call.accept', id: 'accept-2', callId });
    const ended = await pushedTo((p) => p.type === 'call-ended' && p.callId === callId);
    expect(ended.payload).toMatchObject({ reason: 'answered-elsewhere', missed: false });
    await device.deliver(ended.payload);
    await expect.poll(async () => (await device.notifications()).some((n) => n.tag === callId), WAIT).toBe(false);
    await sendFrame(alice.page, 'alice-raw', { type: 'call.hangup', id: 'hangup-2', callId });
    await closeSocket(phone, 'bob-phone');
    await phone.close();
    await device.close();
  });

  it('hands "Answer" on a ringing notification to the open app', async () => {
    const device = await PushDeliverer.open(bob.context);
    const callId = await aliceCallsBob('invite-3');
    await device.deliver((await pushedTo((p) => p.type === 'call' && p.callId === callId)).payload);
    await expect.poll(async () => (await device.notifications()).some((n) => n.tag === callId), WAIT).toBe(true);

    bob = { ...bob, page: await anotherTab(bob, 'bob') };
    await bob.page.evaluate(() => {
      const w = window as unknown as { fromWorker: unknown[] };
      w.fromWorker = [];
      navigator.serviceWorker.addEventListener('message', (event) => w.fromWorker.push(event.data));
    });
    await device.close(); // the app is then the only window the worker can choose
    const phase = () => bob.page.locator('.call-panel').getAttribute('data-phase');
    await expect.poll(phase, WAIT).toBe('incoming'); // the tab's socket rings too
    await clickNotification(bob.context, callId, 'accept');
    await expect.poll(() => bob.page.evaluate(() => (window as unknown as { fromWorker: unknown[] }).fromWorker), WAIT).toEqual([
      { type: 'push-action', action: 'accept', callId },
    ]);
    // the calls UI answers the call it names
    await expect.poll(phase, WAIT).toBe('connecting');
    expect((await notifications(bob.page)).filter((n) => n.tag === callId)).toEqual([]);
    await sendFrame(alice.page, 'alice-raw', { type: 'call.hangup', id: 'hangup-3', callId });

    // with no window open the worker opens /?callAction=…&callId=…; the app takes the action and cleans its address
    await bob.page.goto(`${BASE_URL}/?callAction=decline&callId=${encodeURIComponent(callId)}`);
    await connected(bob.page);
    expect(bob.page.url()).toBe(`${BASE_URL}/`);
  });

  it('stops pushes to this device when Bob signs out', async () => {
    await bob.page.locator('.push-settings[data-push="on"]').waitFor(WAIT);
    const removed = bob.page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/api/push/subscriptions'));
    await bob.page.getByRole('button', { name: 'Sign out' }).click();
    expect((await removed).status()).toBe(204);
    await bob.page.getByText('You have signed out.').waitFor(WAIT);
    expect(await bob.page.evaluate(() => localStorage.getItem('e2e.push-subscription-key'))).toBeNull();
  });
});

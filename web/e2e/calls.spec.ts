/**
 * Calls between two people in real Chromium (fake camera and microphone) against the real gateway and a real
 * coturn: a video call whose media flows both ways (inbound RTP bytes grow on both sides, from getStats), the same
 * call with "Relay calls" on both sides (the selected candidate pair is relay on both), and every other way a call
 * ends as people see it: declined, cancelled, no answer (the test configuration rings for RING_TIMEOUT_SECONDS),
 * peer offline, and answered on another tab of the callee. The page's RTCPeerConnections are only observed (an
 * init script keeps a list of them); the app makes and drives them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, type User, anotherTab, launch, screenshot, signUp } from './browser';

let browser: Browser;
let alice: User;
let bob: User;

const WAIT = { timeout: 20_000, interval: 100 };
const RING_TIMEOUT_MS = Number(process.env.RING_TIMEOUT_SECONDS ?? '8') * 1000;

/** Keeps every RTCPeerConnection the page makes in `window.__peers`, so the test can read their stats. */
async function observePeers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const peers: RTCPeerConnection[] = [];
    (window as unknown as { __peers: RTCPeerConnection[] }).__peers = peers;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(configuration);
        peers.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

const panel = (page: Page) => page.locator('.call-panel');
const phase = (page: Page) => panel(page).getAttribute('data-phase');
const status = (page: Page) => page.locator('.call-panel .call-status').textContent();

async function openConversation(user: User, peer: string): Promise<void> {
  await user.page.getByLabel('Start a conversation with an address').fill(peer);
  await user.page.getByRole('button', { name: 'Start' }).click();
  await user.page.locator('section.conversation').waitFor();
}

async function dial(page: Page, media: 'Audio' | 'Video'): Promise<void> {
  const button = page.getByRole('button', { name: `${media} call` });
  await expect.poll(() => button.isEnabled(), WAIT).toBe(true);
  await button.click();
}

/** Closes an ended call's screen, so the next call starts from a quiet tab. */
async function close(page: Page): Promise<void> {
  await expect.poll(() => phase(page), WAIT).toBe('ended');
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => phase(page), WAIT).toBe('idle');
}

/** Bytes received so far per media kind on the page's newest peer connection. */
function inboundBytes(page: Page): Promise<{ audio: number; video: number }> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { __peers: RTCPeerConnection[] }).__peers;
    const pc = peers[peers.length - 1];
    const totals = { audio: 0, video: 0 };
    if (!pc) return totals;
    (await pc.getStats()).forEach((report: { type: string; kind?: 'audio' | 'video'; bytesReceived?: number }) => {
      if (report.type === 'inbound-rtp' && report.kind) totals[report.kind] += report.bytesReceived ?? 0;
    });
    return totals;
  });
}

/** The candidate types of the selected pair on the page's newest peer connection. */
function selectedPair(page: Page): Promise<{ local?: string | undefined; remote?: string | undefined }> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { __peers: RTCPeerConnection[] }).__peers;
    const pc = peers[peers.length - 1];
    if (!pc) return {};
    const stats = await pc.getStats();
    let pairId: string | undefined;
    stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
      if (report.type === 'transport' && report.selectedCandidatePairId) pairId = report.selectedCandidatePairId;
    });
    const pair = pairId === undefined ? undefined : (stats.get(pairId) as { localCandidateId: string; remoteCandidateId: string });
    if (!pair) return {};
    return {
      local: (stats.get(pair.localCandidateId) as { candidateType?: string } | undefined)?.candidateType,
      remote: (stats.get(pair.remoteCandidateId) as { candidateType?: string } | undefined)?.candidateType,
    };
  });
}

/** `callvault_live_devices`: the sockets the gateway holds (its Prometheus endpoint). */
async function connectedDevices(): Promise<number> {
  const text = await (await fetch(`${BASE_URL}/actuator/prometheus`)).text();
  const line = text.split('\n').find((l) => l.startsWith('callvault_live_devices'));
  if (line === undefined) throw new Error('callvault_live_devices is not exported');
  return Number(line.split(' ').pop());
}

/** Media flows both ways: each side's received audio and video bytes grow. */
async function mediaFlowsBothWays(a: Page, b: Page): Promise<void> {
  for (const page of [a, b]) {
    const before = await inboundBytes(page);
    await expect.poll(async () => {
      const now = await inboundBytes(page);
      return now.audio > before.audio && now.video > before.video;
    }, WAIT).toBe(true);
  }
}

describe('calls in the browser', () => {
  beforeAll(async () => {
    browser = await launch();
    [alice, bob] = await Promise.all([signUp(browser, 'alice', observePeers), signUp(browser, 'bob', observePeers)]);
    await openConversation(alice, bob.address);
    await bob.page.locator(`.conversation-link[data-peer="${alice.address}"]`).click();
    await bob.page.locator('section.conversation').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('completes a video call with media both ways, then both see it end', async () => {
    await dial(alice.page, 'Video');
    await expect.poll(() => status(alice.page), WAIT).toBe('Ringing…');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    expect(await status(bob.page)).toBe('Incoming video call');
    await screenshot(bob.page, 'call-incoming');

    await panel(bob.page).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => phase(alice.page), WAIT).toBe('connected');
    await expect.poll(() => phase(bob.page), WAIT).toBe('connected');
    await mediaFlowsBothWays(alice.page, bob.page);
    // the server's word on the route, from both sides' reports
    await expect.poll(() => alice.page.locator('.call-route').textContent(), WAIT).toBe('Direct');
    await expect.poll(() => bob.page.locator('.call-timer').textContent(), WAIT).toMatch(/^0:\d\d$/);
    // quality: a sample every 5 s from getStats (the first has no delta yet), shown as bars
    const sampled = { timeout: 30_000, interval: 250 };
    await expect.poll(() => alice.page.locator('.call-quality .bars[data-bars]').count(), sampled).toBe(1);
    await screenshot(alice.page, 'call-connected');

    await panel(alice.page).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => panel(alice.page).getByRole('button', { name: 'Unmute' }).count(), WAIT).toBe(1);

    // Alice's socket drops (offline for the page's network requests; WebRTC is not affected): the call goes on
    await alice.context.setOffline(true);
    await expect.poll(() => status(bob.page), WAIT).toBe('Reconnecting: they lost their connection');
    await mediaFlowsBothWays(alice.page, bob.page);
    await alice.context.setOffline(false);
    await expect.poll(() => status(bob.page), WAIT).toBe('Connected');
    await expect.poll(() => status(alice.page), WAIT).toBe('Connected');
    await alice.page.locator('.connection[data-state="open"]').waitFor({ timeout: 20_000 });

    await panel(alice.page).getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => status(bob.page), WAIT).toBe('They hung up');
    await expect.poll(() => status(alice.page), WAIT).toBe('Call ended');
    await screenshot(bob.page, 'call-ended');
    await close(alice.page);
    await close(bob.page);
  });

  it('relays the call through TURN when both turn on "Relay calls"', async () => {
    for (const page of [alice.page, bob.page]) await page.getByLabel('Relay calls (hide my IP)').check();
    await dial(alice.page, 'Video');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    await panel(bob.page).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => phase(alice.page), WAIT).toBe('connected');
    await expect.poll(() => phase(bob.page), WAIT).toBe('connected');
    await mediaFlowsBothWays(alice.page, bob.page);
    for (const page of [alice.page, bob.page]) {
      expect(await selectedPair(page)).toEqual({ local: 'relay', remote: 'relay' });
      await expect.poll(() => page.locator('.call-route').textContent(), WAIT).toBe('Relayed (TURN)');
    }
    await screenshot(bob.page, 'call-relayed');
    await panel(bob.page).getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => status(alice.page), WAIT).toBe('They hung up');
    await close(alice.page);
    await close(bob.page);
    for (const page of [alice.page, bob.page]) await page.getByLabel('Relay calls (hide my IP)').uncheck();
  });

  it('upgrades an audio call to video', async () => {
    await dial(alice.page, 'Audio');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    await panel(bob.page).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => phase(alice.page), WAIT).toBe('connected');
    await expect.poll(() => phase(bob.page), WAIT).toBe('connected');
    expect((await inboundBytes(bob.page)).video).toBe(0);
    await panel(alice.page).getByRole('button', { name: 'Add video' }).click();
    // the renegotiation offer goes through the relay; Bob starts receiving Alice's camera
    await expect.poll(async () => (await inboundBytes(bob.page)).video, WAIT).toBeGreaterThan(0);
    await expect.poll(() => panel(alice.page).getByRole('button', { name: 'Camera off' }).isVisible(), WAIT).toBe(true);
    await panel(alice.page).getByRole('button', { name: 'Hang up' }).click();
    await close(alice.page);
    await close(bob.page);
  });

  it('shows a declined call to both', async () => {
    await dial(alice.page, 'Audio');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    expect(await status(bob.page)).toBe('Incoming call');
    await panel(bob.page).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => status(alice.page), WAIT).toBe('Declined');
    await expect.poll(() => status(bob.page), WAIT).toBe('You declined the call');
    await close(alice.page);
    await close(bob.page);
  });

  it('shows a cancelled call as missed', async () => {
    await dial(alice.page, 'Audio');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    await expect.poll(() => status(alice.page), WAIT).toBe('Ringing…');
    await panel(alice.page).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status(alice.page), WAIT).toBe('Call cancelled');
    await expect.poll(() => status(bob.page), WAIT).toBe('Missed call');
    await close(alice.page);
    await close(bob.page);
  });

  it('ends an unanswered call when the ring times out', async () => {
    await dial(alice.page, 'Audio');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    const patient = { timeout: RING_TIMEOUT_MS + 20_000, interval: 250 };
    await expect.poll(() => status(alice.page), patient).toBe('No answer');
    await expect.poll(() => status(bob.page), WAIT).toBe('Missed call');
    await close(alice.page);
    await close(bob.page);
  });

  it('stops ringing on the other tabs when one tab answers', async () => {
    const bobTab2 = await anotherTab(bob, 'bob, tab 2');
    await dial(alice.page, 'Video');
    await expect.poll(() => phase(bob.page), WAIT).toBe('incoming');
    await expect.poll(() => phase(bobTab2), WAIT).toBe('incoming');
    await panel(bobTab2).getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => status(bob.page), WAIT).toBe('Answered on another device');
    await expect.poll(() => phase(bobTab2), WAIT).toBe('connected');
    await expect.poll(() => phase(alice.page), WAIT).toBe('connected');
    await panel(bobTab2).getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => status(alice.page), WAIT).toBe('They hung up');
    await close(alice.page);
    await close(bob.page);
    await bobTab2.close();
  });

  it('tells the caller at once when the other person is offline', async () => {
    const carol = await signUp(browser, 'carol');
    const before = await connectedDevices();
    await carol.context.close();
    // the server has seen her socket close (a tab that vanishes without closing it is offline only after the heartbeat)
    await expect.poll(() => connectedDevices(), WAIT).toBe(before - 1);
    await openConversation(alice, carol.address);
    await dial(alice.page, 'Audio');
    await expect.poll(() => status(alice.page), WAIT).toBe('They are offline');
    await screenshot(alice.page, 'call-peer-offline');
    await close(alice.page);
  });
});

import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { LiveConnection, LiveError, type LiveState } from './connection';
import { isDeviceId, tabDeviceId } from './device';
import { FakeEnvironment, HELLO } from './fake-env';

const C = 'conversation:6d0c1b1e-7c55-3f0a-9a51-0f3b6c7d2e11';

function connected(options: { checkSession?: () => Promise<boolean> } = {}) {
  const env = new FakeEnvironment();
  const live = new LiveConnection({ url: 'ws://localhost/ws?device=tab-1', env, ...options });
  const states: LiveState['kind'][] = [];
  live.onState((s) => states.push(s.kind));
  live.start();
  env.socket.open();
  env.socket.receive(HELLO);
  return { env, live, states };
}

describe('backoff', () => {
  it('doubles from half a second up to the cap, with half of each delay random', () => {
    const lowest = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, 0));
    const highest = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, 0.999999));
    expect(lowest).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(highest).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('never waits longer than the cap, whatever the attempt', () => {
    expect(backoffDelay(1000, 1)).toBe(DEFAULT_BACKOFF.maxMs);
  });
});

describe('device id', () => {
  it('is made once per tab and kept in session storage', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const first = tabDeviceId(storage, () => 'a1b2');
    expect(first).toBe('a1b2');
    expect(tabDeviceId(storage, () => 'other')).toBe('a1b2');
    expect(isDeviceId('bad id')).toBe(false);
  });
});

describe('LiveConnection', () => {
  it('is open once hello arrives and tells its listeners on every connect', () => {
    const env = new FakeEnvironment();
    const live = new LiveConnection({ url: 'ws://x/ws?device=tab-1', env });
    const hellos: (string | undefined)[] = [];
    live.onOpen((hello) => hellos.push(hello.device));
    live.start();
    expect(live.state.kind).toBe('connecting');
    env.socket.open();
    env.socket.receive(HELLO);
    expect(live.state.kind).toBe('open');
    expect(hellos).toEqual(['tab-1']);
  });

  it('matches answers to requests by id, in whatever order they come', async () => {
    const { env, live } = connected();
    const first = live.request({ type: 'receipt', conversationId: C, kind: 'read', upToSeq: 1 });
    const second = live.request({ type: 'ping' });
    const [a, b] = env.socket.sent.map((f) => f.id);
    env.socket.receive({ type: 'pong', id: b });
    env.socket.receive({ type: 'ack', id: a, conversationId: C, seq: 1, position: 4, changed: true });
    await expect(second).resolves.toMatchObject({ type: 'pong' });
    await expect(first).resolves.toMatchObject({ type: 'ack', position: 4 });
  });

  it('rejects a request the server refuses, with its code and words', async () => {
    const { env, live } = connected();
    const edit = live.request({ type: 'edit', conversationId: C, seq: 3, body: 'x' });
    env.socket.receive({ type: 'error', id: env.socket.lastSent().id, code: 'not-your-message', message: 'That message is not yours.' });
    await expect(edit).rejects.toEqual(new LiveError('not-your-message', 'That message is not yours.'));
  });

  it('collects the errors a sync answers before its synced', async () => {
    const { env, live } = connected();
    const sync = live.sync({ [C]: 3 });
    const id = env.socket.lastSent().id;
    expect(env.socket.lastSent()).toEqual({ type: 'sync', conversations: { [C]: 3 }, id });
    env.socket.receive({ type: 'error', id, code: 'conversation-not-found', message: 'No such conversation.' });
    env.socket.receive({ type: 'synced', id, conversations: {}, limited: [] });
    const { synced, errors } = await sync;
    expect(synced.conversations).toEqual({});
    expect(errors.map((e) => e.code)).toEqual(['conversation-not-found']);
  });

  it('fails a request at once when not connected, and every waiting one when the socket drops', async () => {
    const { env, live } = connected();
    const waiting = live.request({ type: 'ping' });
    env.socket.drop(1011);
    await expect(waiting).rejects.toMatchObject({ code: 'connection-lost' });
    await expect(live.request({ type: 'ping' })).rejects.toMatchObject({ code: 'not-connected' });
  });

  it('reconnects with growing delays, and starts over once a connection says hello', () => {
    const { env, live, states } = connected();
    env.randomValue = 0;
    env.socket.drop(1006);
    expect(live.state).toMatchObject({ kind: 'waiting', attempt: 1 });
    env.advance(249);
    expect(env.sockets).toHaveLength(1);
    env.advance(1);
    expect(env.sockets).toHaveLength(2);
    env.socket.drop(1006); // fails before hello: the next wait is longer
    env.advance(499);
    expect(env.sockets).toHaveLength(2);
    env.advance(1);
    expect(env.sockets).toHaveLength(3);
    env.socket.open();
    env.socket.receive(HELLO);
    env.socket.drop(1001, 'no heartbeat');
    env.advance(250);
    expect(env.sockets).toHaveLength(4);
    expect(states).toContain('waiting');
  });

  it('stops when the server says the session is gone', () => {
    const { env, live } = connected();
    env.socket.drop(1008, 'not signed in');
    env.advance(60_000);
    expect(live.state.kind).toBe('signed-out');
    expect(env.sockets).toHaveLength(1);
  });

  it('asks whether the session is still good when reconnects keep failing before hello', async () => {
    let checked = 0;
    const { env, live } = connected({ checkSession: async () => (checked++, false) });
    env.socket.drop(1006);
    env.advance(1_000);
    env.socket.drop(1006); // a refused upgrade (401) looks like this to a browser
    await Promise.resolve();
    await Promise.resolve();
    expect(checked).toBe(1);
    expect(live.state.kind).toBe('signed-out');
  });

  it('pings after a quiet heartbeat and gives the socket up when no pong comes', () => {
    const { env, live } = connected();
    env.advance(25_000);
    expect(env.socket.lastSent()).toMatchObject({ type: 'ping' });
    env.advance(10_000);
    expect(env.socket.closedWith?.code).toBe(4000);
    expect(live.state.kind).toBe('waiting');
    env.advance(1_000);
    expect(env.sockets).toHaveLength(2);
  });

  it('keeps a healthy socket: a pong is a sign of life', () => {
    const { env, live } = connected();
    env.advance(25_000);
    env.socket.receive({ type: 'pong', id: env.socket.lastSent().id });
    env.advance(30_000);
    expect(live.state.kind).toBe('open');
    expect(env.sockets).toHaveLength(1);
  });

  it('waits for the network while offline and reconnects at once when it is back', () => {
    const { env, live } = connected();
    live.networkChanged(false);
    expect(env.socket.closedWith).toBeDefined();
    env.advance(120_000);
    expect(live.state.kind).toBe('offline');
    expect(env.sockets).toHaveLength(1);
    live.networkChanged(true);
    expect(env.sockets).toHaveLength(2);
    expect(live.state.kind).toBe('connecting');
  });

  it('passes pushed frames to listeners and answers to their requests only', async () => {
    const { env, live } = connected();
    const pushed: string[] = [];
    live.onFrame((frame) => pushed.push(frame.type));
    const ping = live.request({ type: 'ping' });
    env.socket.receive({ type: 'pong', id: env.socket.lastSent().id });
    env.socket.receive({ type: 'typing', conversationId: C, from: HELLO.address, active: true });
    await ping;
    expect(pushed).toEqual(['typing']);
  });
});

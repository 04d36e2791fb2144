import { describe, expect, it } from 'vitest';
import { type CallEvent, type CallState, type Effect, IDLE, isLive, next } from './machine';

const ME = 'tab-1';
const BOB = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const CALL = 'call:0196f8e2-7c3a-7b21-9d4e-5a2f0c8b1e37';
const OTHER = 'call:0196f8e2-7c3a-7b21-9d4e-5a2f0c8b1e38';

/** Runs events from a state; answers the final state and every effect, in order. */
function run(from: CallState, ...events: CallEvent[]): { state: CallState; effects: Effect[] } {
  let state = from;
  const effects: Effect[] = [];
  for (const event of events) {
    const step = next(state, event, ME);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const sent = (effects: Effect[]) => effects.flatMap((e) => (e.kind === 'send' ? [e.frame] : []));
const dial: CallEvent = { type: 'dial', peer: BOB, media: 'video', requestId: 'r1', callId: CALL };
const ringingStatus: CallEvent = { type: 'call.status', id: 'r1', callId: CALL, state: 'ringing' };
const connected: CallEvent = { type: 'media-connected', atMs: 1_000, timeToConnectMs: 640, local: 'srflx', remote: 'host', protocol: 'udp' };
const incoming: CallEvent = { type: 'call.incoming', callId: CALL, caller: BOB, media: 'audio' };

describe('an outgoing call', () => {
  it('invites, offers while it rings, connects, reports and hangs up', () => {
    const placed = run(IDLE, dial);
    expect(placed.state.phase).toBe('placing');
    expect(sent(placed.effects)).toEqual([{ type: 'call.invite', id: 'r1', callId: CALL, callee: BOB, media: 'video' }]);

    const ringing = run(placed.state, ringingStatus, { type: 'call.ringing', callId: CALL, devices: 2 });
    expect(ringing.state.phase).toBe('ringing');
    expect(ringing.effects).toContainEqual({ kind: 'start-media', role: 'offerer', callId: CALL, media: 'video' });

    const live = run(ringing.state, { type: 'call.accepted', callId: CALL, device: 'bob-laptop' }, connected,
      { type: 'call.connected', callId: CALL, relayed: true });
    expect(live.state).toMatchObject({ phase: 'connected', connectedAt: 1_000, relayed: true });
    expect(live.effects).toContainEqual({ kind: 'report-connected', callId: CALL, timeToConnectMs: 640, local: 'srflx', remote: 'host', protocol: 'udp' });

    const over = run(live.state, { type: 'hangup', requestId: 'h1' });
    expect(over.state).toMatchObject({ phase: 'ended', endReason: 'hangup' });
    expect(over.effects).toContainEqual({ kind: 'stop-media' });
    expect(sent(over.effects)).toEqual([{ type: 'call.hangup', id: 'h1', callId: CALL }]);
    const confirmed = run(over.state, { type: 'call.ended', callId: CALL, reason: 'hangup', endedBy: '0xme' });
    expect(confirmed.state).toMatchObject({ phase: 'ended', endReason: 'hangup', endedBy: '0xme' });
    expect(confirmed.effects).toEqual([]);
  });

  it('starts its media when the invite is answered, also after call.ringing (or even call.accepted) came first', () => {
    const ringingFirst = run(IDLE, dial, { type: 'call.ringing', callId: CALL, devices: 1 }, ringingStatus);
    expect(ringingFirst.state).toMatchObject({ phase: 'ringing' });
    expect(ringingFirst.state.pending).toBeUndefined();
    expect(ringingFirst.effects).toContainEqual({ kind: 'start-media', role: 'offerer', callId: CALL, media: 'video' });

    const acceptedFirst = run(IDLE, dial, { type: 'call.accepted', callId: CALL, device: 'bob-laptop' }, ringingStatus);
    expect(acceptedFirst.state.phase).toBe('connecting');
    expect(acceptedFirst.effects.filter((e) => e.kind === 'start-media')).toHaveLength(1);
  });

  it('rings on when the callee is offline but was sent a push', () => {
    const { state } = run(IDLE, dial, { type: 'call.status', id: 'r1', callId: CALL, state: 'invited' },
      { type: 'call.ringing', callId: CALL, devices: 0, pushSent: true });
    expect(state).toMatchObject({ phase: 'ringing', pushSent: true });
    expect(run(state, { type: 'call.ringing', callId: CALL, devices: 1 }).state.phase).toBe('ringing');
  });

  it('hanging up before an answer cancels it', () => {
    const { state } = run(IDLE, dial, ringingStatus, { type: 'hangup', requestId: 'h1' });
    expect(state).toMatchObject({ phase: 'ended', endReason: 'cancelled' });
  });

  it('ends with the server reason: peer offline (and whether a push went out), busy, no answer, declined', () => {
    const offline = run(IDLE, dial, { type: 'call.status', id: 'r1', callId: CALL, state: 'ended', endReason: 'peer-offline', endedBy: 'server' },
      { type: 'call.ended', callId: CALL, reason: 'peer-offline', endedBy: 'server', pushSent: false });
    expect(offline.state).toMatchObject({ phase: 'ended', endReason: 'peer-offline', pushSent: false });
    for (const reason of ['busy', 'no-answer', 'declined']) {
      const { state, effects } = run(IDLE, dial, ringingStatus, { type: 'call.ended', callId: CALL, reason });
      expect(state).toMatchObject({ phase: 'ended', endReason: reason });
      expect(effects).toContainEqual({ kind: 'stop-media' });
    }
  });

  it('a refused invite ends with the server words and the next dial works', () => {
    const refused = run(IDLE, dial, { type: 'error', id: 'r1', code: 'cannot-call-self', message: 'you cannot call yourself' });
    expect(refused.state).toMatchObject({ phase: 'ended', error: 'you cannot call yourself' });
    expect(isLive(refused.state)).toBe(false);
    expect(run(refused.state, { type: 'dismiss' }).state).toEqual(IDLE);
    expect(run(refused.state, { ...dial, requestId: 'r2', callId: OTHER }).state.phase).toBe('placing');
  });
});

describe('an incoming call', () => {
  it('rings, is accepted here, answers the offer and connects', () => {
    const ringing = run(IDLE, incoming);
    expect(ringing.state).toMatchObject({ phase: 'incoming', peer: BOB, media: 'audio', direction: 'incoming' });
    expect(ringing.effects).toEqual([{ kind: 'ring', on: true }]);

    const accepting = run(ringing.state, { type: 'accept', requestId: 'a1' });
    expect(accepting.effects).toEqual([{ kind: 'ring', on: false }, { kind: 'send', frame: { type: 'call.accept', id: 'a1', callId: CALL } }]);

    const answered = run(accepting.state, { type: 'call.accepted', callId: CALL, device: ME },
      { type: 'call.status', id: 'a1', callId: CALL, state: 'accepted', calleeDevice: ME });
    expect(answered.state.phase).toBe('connecting');
    expect(answered.effects).toContainEqual({ kind: 'start-media', role: 'answerer', callId: CALL, media: 'audio' });
    expect(run(answered.state, connected).state.phase).toBe('connected');
  });

  it('stops ringing when another device answers it', () => {
    const { state, effects } = run(IDLE, incoming, { type: 'call.accepted', callId: CALL, device: 'bob-phone' });
    expect(state).toMatchObject({ phase: 'ended', endReason: 'answered-elsewhere' });
    expect(effects).toContainEqual({ kind: 'ring', on: false });
  });

  it('an accept that lost to another device ends as answered elsewhere', () => {
    const { state } = run(IDLE, incoming, { type: 'accept', requestId: 'a1' },
      { type: 'error', id: 'a1', code: 'call-already-answered', message: 'the call was answered on another device' });
    expect(state).toMatchObject({ phase: 'ended', endReason: 'answered-elsewhere' });
  });

  it('declining sends the decline and ends; the caller cancelling ends it too', () => {
    const declined = run(IDLE, incoming, { type: 'decline', requestId: 'd1' });
    expect(declined.state).toMatchObject({ phase: 'ended', endReason: 'declined' });
    expect(sent(declined.effects)).toEqual([{ type: 'call.decline', id: 'd1', callId: CALL }]);
    const cancelled = run(IDLE, incoming, { type: 'call.ended', callId: CALL, reason: 'cancelled' });
    expect(cancelled.state).toMatchObject({ phase: 'ended', endReason: 'cancelled' });
    expect(cancelled.effects).toContainEqual({ kind: 'ring', on: false });
  });

  it('a second incoming call while in a call is ignored; after the call it rings', () => {
    const inCall = run(IDLE, dial, ringingStatus).state;
    const other: CallEvent = { type: 'call.incoming', callId: OTHER, caller: '0x0000000000000000000000000000000000000001', media: 'audio' };
    expect(run(inCall, other).state).toBe(inCall);
    const after = run(inCall, { type: 'call.ended', callId: CALL, reason: 'no-answer' }, other);
    expect(after.state).toMatchObject({ phase: 'incoming', callId: OTHER });
  });
});

describe('glare', () => {
  const ourEnd: CallEvent = { type: 'call.ended', callId: CALL, reason: 'glare-replaced', endedBy: 'server', keptCallId: OTHER };
  const theirs: CallEvent = { type: 'call.incoming', callId: OTHER, caller: BOB, media: 'video' };

  it('answers the kept call when its ring came before our end', () => {
    const { state, effects } = run(IDLE, dial, ringingStatus, theirs, ourEnd);
    expect(state).toMatchObject({ phase: 'accepting', callId: OTHER, direction: 'incoming', peer: BOB, pending: `accept:${OTHER}` });
    expect(sent(effects)).toContainEqual({ type: 'call.accept', id: `accept:${OTHER}`, callId: OTHER });
  });

  it('answers the kept call when its ring came after our end', () => {
    const { state } = run(IDLE, dial, ringingStatus, ourEnd, theirs);
    expect(state).toMatchObject({ phase: 'accepting', callId: OTHER });
  });
});

describe('media and connections', () => {
  const live = run(IDLE, incoming, { type: 'accept', requestId: 'a1' }, { type: 'call.status', id: 'a1', callId: CALL, state: 'accepted' }).state;

  it('ICE failing before media flowed ends the call and reports what was gathered', () => {
    const { state, effects } = run(live, { type: 'media-failed', gathered: ['host', 'srflx'] });
    expect(state).toMatchObject({ phase: 'ended', endReason: 'ice-failed-before-connecting' });
    expect(effects).toContainEqual({ kind: 'report-ice-failed', callId: CALL, gathered: ['host', 'srflx'] });
    expect(run(live, connected, { type: 'media-failed', gathered: ['relay'] }).state.endReason).toBe('ice-failed-after-connecting');
  });

  it('a dropped peer or dropped media shows reconnecting until both are back; the timer keeps its start', () => {
    const up = run(live, connected).state;
    const away = run(up, { type: 'call.peer-disconnected', callId: CALL }, { type: 'media-disconnected' }).state;
    expect(away).toMatchObject({ phase: 'reconnecting', peerAway: true, mediaDown: true });
    const mediaBack = run(away, { ...connected, atMs: 9_000 }).state;
    expect(mediaBack).toMatchObject({ phase: 'reconnecting', connectedAt: 1_000 });
    expect(run(mediaBack, { type: 'call.peer-reconnected', callId: CALL }).state.phase).toBe('connected');
  });

  it('a call given back to this device that the tab no longer holds (it reloaded) is hung up', () => {
    const stale = run(IDLE, { type: 'call.accepted', callId: OTHER, device: ME });
    expect(stale.state).toEqual(IDLE);
    expect(sent(stale.effects)).toEqual([{ type: 'call.hangup', id: `hangup:${OTHER}`, callId: OTHER }]);
    expect(run(live, { type: 'call.accepted', callId: OTHER, device: ME }).effects).toEqual([]);
  });

  it('frames about another call change nothing', () => {
    expect(run(live, { type: 'call.ended', callId: OTHER, reason: 'hangup' }).state).toBe(live);
  });
});

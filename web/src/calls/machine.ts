/**
 * The call state machine of one tab: pure, no DOM and no WebRTC. It takes what happens (the user's actions,
 * the server's `call.*` frames, the media layer's reports) and answers the next state plus the effects to run
 * (frames to send, media to start or stop, the ringtone). Everything about a call's UI derives from its state.
 *
 * A tab holds at most one call. Frames about other calls are ignored, except an incoming call while idle, and
 * the glare hand-over: when both people call each other at once the server keeps the lower call id; the side
 * whose call was replaced answers the kept call by itself (request id `accept:<callId>`), since its user meant
 * to talk anyway.
 */

import { END_REASONS, type CallMedia, type CandidateType, type EndReason, type TransportProtocol } from '../protocol-calls';

export type Media = CallMedia;
export type { CandidateType, EndReason };
export type Transport = TransportProtocol;

export type Phase =
  | 'idle'
  /** Invite sent; the server has not answered yet. */
  | 'placing'
  /** The callee's devices ring. */
  | 'ringing'
  /** Someone calls this tab. */
  | 'incoming'
  /** This tab accepted; waiting for the server's answer. */
  | 'accepting'
  /** Answered; the peers are connecting (ICE). */
  | 'connecting'
  | 'connected'
  /** Media dropped (ICE disconnected or being restarted), or the peer's connection to the server did. */
  | 'reconnecting'
  | 'ended';

export interface CallState {
  readonly phase: Phase;
  readonly callId?: string;
  readonly direction?: 'outgoing' | 'incoming';
  /** The other party's address. */
  readonly peer?: string;
  readonly media: Media;
  /** The id of the request whose answer is awaited (invite or accept). */
  readonly pending?: string;
  /** Epoch milliseconds when media first connected: the call timer starts there. */
  readonly connectedAt?: number;
  readonly relayed?: boolean;
  /** The peer's connection to the server dropped; the server waits for it until `peerGraceUntil`. */
  readonly peerAway?: boolean;
  readonly mediaDown?: boolean;
  readonly endReason?: EndReason;
  readonly endedBy?: string;
  readonly pushSent?: boolean;
  /** With `glare-replaced`: the peer's call that goes on instead, which this tab answers by itself. */
  readonly keptCallId?: string;
  /** The peer's own call, ringing here while this tab's call to them was still live (glare in the making). */
  readonly crossing?: { readonly callId: string; readonly media: Media };
  /** A refusal from the server, in words (the call did not start, or a request failed). */
  readonly error?: string;
}

/** What the machine asks the caller of {@link next} to do. */
export type Effect =
  | { kind: 'send'; frame: Record<string, unknown> }
  /** Start local media and the peer connection; the caller offers, the callee answers. */
  | { kind: 'start-media'; role: 'offerer' | 'answerer'; callId: string; media: Media }
  | { kind: 'stop-media' }
  | { kind: 'ring'; on: boolean }
  /** Tell the server the media connected on this device (a `call.connected` report). */
  | { kind: 'report-connected'; callId: string; timeToConnectMs: number; local: CandidateType; remote: CandidateType; protocol: Transport }
  | { kind: 'report-ice-failed'; callId: string; gathered: CandidateType[] };

export type CallEvent =
  // the user
  | { type: 'dial'; peer: string; media: Media; requestId: string; callId: string }
  | { type: 'accept'; requestId: string }
  | { type: 'decline'; requestId: string }
  | { type: 'hangup'; requestId: string }
  | { type: 'dismiss' }
  // the server
  | { type: 'call.status'; id?: string; callId: string; state: string; endReason?: string; endedBy?: string; calleeDevice?: string }
  | { type: 'call.incoming'; callId: string; caller: string; media: string }
  | { type: 'call.ringing'; callId: string; devices: number; pushSent?: boolean }
  | { type: 'call.accepted'; callId: string; device: string }
  | { type: 'call.connected'; callId: string; relayed: boolean }
  | { type: 'call.peer-disconnected'; callId: string }
  | { type: 'call.peer-reconnected'; callId: string }
  | { type: 'call.ended'; callId: string; reason: string; endedBy?: string; pushSent?: boolean; keptCallId?: string }
  | { type: 'error'; id?: string; code: string; message: string }
  // the media layer
  | { type: 'media-connected'; atMs: number; timeToConnectMs: number; local: CandidateType; remote: CandidateType; protocol: Transport }
  | { type: 'media-disconnected' }
  | { type: 'media-failed'; gathered: CandidateType[] };

export interface Transition {
  readonly state: CallState;
  readonly effects: readonly Effect[];
}

export const IDLE: CallState = { phase: 'idle', media: 'audio' };

const LIVE: ReadonlySet<Phase> = new Set(['placing', 'ringing', 'incoming', 'accepting', 'connecting', 'connected', 'reconnecting']);

/** Whether a call is under way (anything but idle or ended). */
export function isLive(state: CallState): boolean {
  return LIVE.has(state.phase);
}

/** The next state and its effects. `device` is this tab's device id (to tell its own accept from another's). */
export function next(state: CallState, event: CallEvent, device: string): Transition {
  if ('callId' in event && event.type !== 'dial' && state.callId !== undefined && event.callId !== state.callId) {
    return otherCall(state, event);
  }
  switch (event.type) {
    case 'dial':
      if (isLive(state)) return stay(state);
      return {
        state: { phase: 'placing', callId: event.callId, direction: 'outgoing', peer: event.peer, media: event.media, pending: event.requestId },
        effects: [
          { kind: 'send', frame: { type: 'call.invite', id: event.requestId, callId: event.callId, callee: event.peer, media: event.media } },
        ],
      };
    case 'call.status':
      return status(state, event);
    case 'call.incoming':
      if (isLive(state)) return stay(state);
      return {
        state: { phase: 'incoming', callId: event.callId, direction: 'incoming', peer: event.caller, media: asMedia(event.media) },
        effects: [{ kind: 'ring', on: true }],
      };
    case 'call.ringing':
      if (state.phase !== 'placing' && state.phase !== 'ringing') return stay(state);
      return { state: { ...state, phase: 'ringing', ...(event.pushSent === true ? { pushSent: true } : {}) }, effects: [] };
    case 'accept':
      if (state.phase !== 'incoming' || state.callId === undefined) return stay(state);
      return {
        state: { ...state, phase: 'accepting', pending: event.requestId },
        effects: [{ kind: 'ring', on: false }, { kind: 'send', frame: { type: 'call.accept', id: event.requestId, callId: state.callId } }],
      };
    case 'decline':
      if (state.phase !== 'incoming' || state.callId === undefined) return stay(state);
      return {
        state: ended(state, 'declined'),
        effects: [{ kind: 'ring', on: false }, { kind: 'send', frame: { type: 'call.decline', id: event.requestId, callId: state.callId } }],
      };
    case 'hangup':
      if (!isLive(state) || state.callId === undefined || state.phase === 'incoming') return stay(state);
      return {
        state: ended(state, answered(state) ? 'hangup' : 'cancelled'),
        effects: [{ kind: 'stop-media' }, { kind: 'send', frame: { type: 'call.hangup', id: event.requestId, callId: state.callId } }],
      };
    case 'dismiss':
      return state.phase === 'ended' ? { state: IDLE, effects: [] } : stay(state);
    case 'call.accepted':
      return accepted(state, event, device);
    case 'call.connected':
      return isLive(state) ? { state: { ...state, relayed: event.relayed }, effects: [] } : stay(state);
    case 'call.peer-disconnected':
      return answered(state) ? { state: { ...state, peerAway: true, phase: 'reconnecting' }, effects: [] } : stay(state);
    case 'call.peer-reconnected':
      return answered(state) ? { state: { ...state, peerAway: false, phase: mediaPhase(state, false) }, effects: [] } : stay(state);
    case 'call.ended':
      return endedByServer(state, event);
    case 'error':
      return refused(state, event);
    case 'media-connected':
      if (!answered(state) || state.callId === undefined) return stay(state);
      return {
        state: { ...state, phase: state.peerAway ? 'reconnecting' : 'connected', mediaDown: false, connectedAt: state.connectedAt ?? event.atMs },
        effects: [{ kind: 'report-connected', callId: state.callId, timeToConnectMs: event.timeToConnectMs, local: event.local,
          remote: event.remote, protocol: event.protocol }],
      };
    case 'media-disconnected':
      return answered(state) ? { state: { ...state, mediaDown: true, phase: 'reconnecting' }, effects: [] } : stay(state);
    case 'media-failed':
      if (!answered(state) || state.callId === undefined) return stay(state);
      return {
        state: ended(state, state.connectedAt === undefined ? 'ice-failed-before-connecting' : 'ice-failed-after-connecting'),
        effects: [{ kind: 'stop-media' }, { kind: 'report-ice-failed', callId: state.callId, gathered: event.gathered }],
      };
  }
}

/**
 * Frames about a call that is not this tab's. An incoming call rings when the tab is free; from the person this tab
 * is calling it is glare: remembered, and answered once the server says which call is kept.
 */
function otherCall(state: CallState, event: CallEvent): Transition {
  if (event.type === 'call.accepted') return isLive(state) ? stay(state) : endStale(state, event.callId);
  if (event.type !== 'call.incoming') return stay(state);
  const samePeer = state.peer !== undefined && state.peer.toLowerCase() === event.caller.toLowerCase();
  if (samePeer && state.phase === 'ended' && state.endReason === 'glare-replaced' && state.keptCallId === event.callId) {
    return acceptKept(state, event.callId, asMedia(event.media));
  }
  if (samePeer && isLive(state) && state.direction === 'outgoing') {
    return { state: { ...state, crossing: { callId: event.callId, media: asMedia(event.media) } }, effects: [] };
  }
  return isLive(state) ? stay(state) : next(IDLE, event, '');
}

/**
 * `call.accepted` goes only to the devices in a call; one for a call this free tab does not hold is the server
 * giving the call back after a reconnect to a tab that lost it (it reloaded, and its media with it): end it.
 */
function endStale(state: CallState, callId: string): Transition {
  return { state, effects: [{ kind: 'send', frame: { type: 'call.hangup', id: `hangup:${callId}`, callId } }] };
}

/** Answers the peer's kept call after glare, with the request id `accept:<callId>`. */
function acceptKept(state: CallState, callId: string, media: Media): Transition {
  const requestId = `accept:${callId}`;
  return {
    state: { phase: 'accepting', callId, direction: 'incoming', peer: state.peer as string, media, pending: requestId },
    effects: [{ kind: 'send', frame: { type: 'call.accept', id: requestId, callId } }],
  };
}

function status(state: CallState, event: Extract<CallEvent, { type: 'call.status' }>): Transition {
  if (event.id === undefined || event.id !== state.pending) return stay(state);
  const settled = settle(state);
  if (event.state === 'ended') return endedByServer(settled, { type: 'call.ended', callId: event.callId, reason: event.endReason ?? 'hangup', ...(event.endedBy === undefined ? {} : { endedBy: event.endedBy }) });
  if (state.direction === 'outgoing' && (state.phase === 'placing' || state.phase === 'ringing' || state.phase === 'connecting')) {
    // the invite's answer; `call.ringing` (and even `call.accepted`) may have come before it
    const phase: Phase = state.phase === 'placing' && event.state === 'ringing' ? 'ringing' : state.phase;
    return {
      state: { ...settled, phase },
      // the offer goes out while it rings: the server holds it for the device that answers
      effects: [{ kind: 'start-media', role: 'offerer', callId: event.callId, media: state.media }],
    };
  }
  if (state.phase === 'accepting' && (event.state === 'accepted' || event.state === 'connected')) {
    return { state: { ...settled, phase: 'connecting' }, effects: [{ kind: 'start-media', role: 'answerer', callId: event.callId, media: state.media }] };
  }
  return { state: settled, effects: [] };
}

function accepted(state: CallState, event: Extract<CallEvent, { type: 'call.accepted' }>, device: string): Transition {
  if (state.callId === undefined) return endStale(state, event.callId);
  if (state.direction === 'outgoing' && (state.phase === 'ringing' || state.phase === 'placing')) {
    return { state: { ...state, phase: 'connecting' }, effects: [] };
  }
  if (state.direction === 'incoming' && state.phase === 'incoming' && event.device !== device) {
    return { state: ended(state, 'answered-elsewhere'), effects: [{ kind: 'ring', on: false }] };
  }
  return stay(state);
}

function endedByServer(state: CallState, event: Extract<CallEvent, { type: 'call.ended' }>): Transition {
  if (!isLive(state) && state.phase !== 'ended') return stay(state);
  const reason = asReason(event.reason);
  if (reason === 'glare-replaced' && event.keptCallId !== undefined && state.crossing?.callId === event.keptCallId) {
    const takeOver = acceptKept(state, state.crossing.callId, state.crossing.media);
    return { state: takeOver.state, effects: [{ kind: 'stop-media' }, ...takeOver.effects] };
  }
  const effects: Effect[] = [{ kind: 'ring', on: false }, { kind: 'stop-media' }];
  const end: CallState = {
    ...ended(state, reason),
    ...(event.endedBy === undefined ? {} : { endedBy: event.endedBy }),
    ...(event.pushSent === undefined ? {} : { pushSent: event.pushSent }),
    ...(event.keptCallId === undefined ? {} : { keptCallId: event.keptCallId }),
  };
  if (state.phase === 'ended') {
    // the local end came first (hang-up, decline); the server's words win for the reason
    return { state: end, effects: [] };
  }
  return { state: end, effects };
}

function refused(state: CallState, event: Extract<CallEvent, { type: 'error' }>): Transition {
  if (event.id === undefined || event.id !== state.pending) return stay(state);
  if (state.phase === 'placing') {
    return { state: { ...ended(state, 'cancelled'), error: event.message }, effects: [{ kind: 'stop-media' }] };
  }
  if (state.phase === 'accepting') {
    const elsewhere = event.code === 'call-already-answered';
    return { state: { ...ended(state, elsewhere ? 'answered-elsewhere' : 'cancelled'), ...(elsewhere ? {} : { error: event.message }) }, effects: [] };
  }
  return stay(state);
}

function ended(state: CallState, reason: EndReason): CallState {
  const { crossing: _crossing, ...rest } = settle(state);
  return { ...rest, phase: 'ended', endReason: reason, mediaDown: false, peerAway: false };
}

/** The state without the awaited request. */
function settle(state: CallState): CallState {
  const { pending: _pending, ...rest } = state;
  return rest;
}

function answered(state: CallState): boolean {
  return state.phase === 'connecting' || state.phase === 'connected' || state.phase === 'reconnecting';
}

function mediaPhase(state: CallState, peerAway: boolean): Phase {
  if (peerAway || state.mediaDown) return 'reconnecting';
  return state.connectedAt === undefined ? 'connecting' : 'connected';
}

function stay(state: CallState): Transition {
  return { state, effects: [] };
}

function asMedia(value: string): Media {
  return value === 'video' ? 'video' : 'audio';
}

const REASONS: ReadonlySet<string> = new Set<string>(END_REASONS);

function asReason(value: string): EndReason {
  return REASONS.has(value) ? (value as EndReason) : 'hangup';
}

/**
 * The call frames of the live API (`call.*` over `/ws`), as docs/protocol/asyncapi.yaml describes them (Calls):
 * placing, answering and ending 1:1 calls, and the WebRTC signaling the gateway relays between the caller's
 * device and the callee's device that accepted. protocol.ts re-exports everything here and adds these guards
 * to its own, so import from there.
 */
import {
  arrayOf,
  isAddress,
  isBoolean,
  isDeviceId,
  isInstant,
  isInteger,
  isNumber,
  isOneOf,
  isRequestId,
  isString,
  isText,
  optional,
  type Address,
  type DeviceId,
  type Fields,
  type Instant,
} from './protocol-base';

/** `call:` and a lower-case UUID (UUIDv7 for new calls, so ids sort by the time the call was placed). */
export type CallId = `call:${string}`;

export const CALL_MEDIA = ['audio', 'video'] as const;
export type CallMedia = (typeof CALL_MEDIA)[number];
/** `invited` → `ringing` → `accepted` (connecting) → `connected` → `ended`. */
export const CALL_STATES = ['invited', 'ringing', 'accepted', 'connected', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];
/** ICE candidate types (RFC 8445). */
export const CANDIDATE_TYPES = ['host', 'srflx', 'prflx', 'relay'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];
/** The transport of the selected candidate pair; `tls` is TURN over TLS. */
export const TRANSPORT_PROTOCOLS = ['udp', 'tcp', 'tls'] as const;
export type TransportProtocol = (typeof TRANSPORT_PROTOCOLS)[number];

/** Why a call ended. Append only: a newer reason this client does not know is still an end. */
export const END_REASONS = [
  'hangup',
  'declined',
  'cancelled',
  'busy',
  'no-answer',
  'peer-offline',
  'ice-failed-before-connecting',
  'ice-failed-after-connecting',
  'connection-lost',
  'answered-elsewhere',
  'glare-replaced',
  'insufficient-funds',
] as const;
export type EndReason = (typeof END_REASONS)[number];
/** The participant whose action or absence ended the call, or `server`. */
export type EndedBy = Address | 'server';

/** What the gateway enforces; a client that keeps to it is not refused. */
export const CallLimits = {
  /** `ringTimeoutSeconds` of `call.invite`; without it the server's default (45 s unless configured). */
  minRingTimeoutSeconds: 1,
  maxRingTimeoutSeconds: 120,
  /** How long a call waits for a device whose socket dropped (`call.peer-disconnected.graceUntil`). */
  reconnectGraceSeconds: 20,
  /** An accepted call that no device reports connected within this ends `ice-failed-before-connecting`. */
  connectTimeoutSeconds: 30,
  /** `call.quality` samples are kept at most this often per participant (faster ones are scored only). */
  qualitySampleIntervalSeconds: 5,
  /** The caller's signals held until a device accepts: how many, and how many characters in all. */
  maxHeldSignals: 64,
  maxHeldChars: 256 * 1024,
  maxSdpChars: 32_768,
  maxCandidateChars: 1024,
  maxSdpMidChars: 64,
  maxUsernameFragmentChars: 256,
  maxSdpMLineIndex: 1023,
} as const;

/** WebRTC signaling, as `RTCPeerConnection` produces it (a candidate as `RTCIceCandidate.toJSON()` gives it). */
export type Signal =
  | { kind: 'offer' | 'answer'; sdp: string }
  | { kind: 'candidate'; candidate: string; sdpMid?: string; sdpMLineIndex?: number; usernameFragment?: string }
  | { kind: 'end-of-candidates' };

// Client → server ---------------------------------------------------------------------------------

export interface ClientCallInvite {
  type: 'call.invite';
  id: string;
  /** Optional: a fresh UUIDv7 of the client's choosing makes a retry safe; the server picks one without it. */
  callId?: CallId;
  callee: Address;
  media: CallMedia;
  /** 1–120; the server's default without it. */
  ringTimeoutSeconds?: number;
}

export interface ClientCallAccept {
  type: 'call.accept';
  id: string;
  callId: CallId;
}

export interface ClientCallDecline {
  type: 'call.decline';
  id: string;
  callId: CallId;
}

/** Before an answer the caller's hang-up cancels the call and the callee's declines it. */
export interface ClientCallHangup {
  type: 'call.hangup';
  id: string;
  callId: CallId;
}

/** Relayed to the other device of the call; not answered unless it fails (an `error` repeating `id`). */
export type ClientCallSignal = { type: 'call.signal'; id?: string; callId: CallId } & Signal;

/** ICE connected on this device: how long it took and the selected candidate pair. */
export interface ClientCallConnected {
  type: 'call.connected';
  id: string;
  callId: CallId;
  /** 0–600,000. */
  timeToConnectMs: number;
  localCandidateType: CandidateType;
  remoteCandidateType: CandidateType;
  protocol: TransportProtocol;
}

/** A sample of WebRTC stats, every few seconds while the call is answered. */
export interface ClientCallQuality {
  type: 'call.quality';
  id: string;
  callId: CallId;
  /** 0–60,000. */
  rttMs: number;
  /** 0–60,000. */
  jitterMs: number;
  /** 0–100. */
  lossPercent: number;
  /** 0–100,000. */
  bitrateKbps: number;
}

/** ICE failed for good on this device; this ends the call. */
export interface ClientCallIceFailed {
  type: 'call.ice-failed';
  id: string;
  callId: CallId;
  gatheredCandidateTypes?: CandidateType[];
}

export type ClientCallFrame =
  | ClientCallInvite
  | ClientCallAccept
  | ClientCallDecline
  | ClientCallHangup
  | ClientCallSignal
  | ClientCallConnected
  | ClientCallQuality
  | ClientCallIceFailed;

// Server → client ---------------------------------------------------------------------------------

/** The answer to a call request: the call as it stands after it. */
export interface ServerCallStatus {
  type: 'call.status';
  id?: string;
  callId: CallId;
  state: CallState;
  media: CallMedia;
  caller: Address;
  callee: Address;
  callerDevice: DeviceId;
  /** The device that accepted; absent until one did. */
  calleeDevice?: DeviceId;
  /** Once ended; one of {@link END_REASONS}, or a newer reason. */
  endReason?: EndReason | (string & {});
  /** Once ended. */
  endedBy?: EndedBy;
  /** False when the request changed nothing (a repeat). */
  changed: boolean;
}

/** The answer to `call.quality`. */
export interface ServerCallScored {
  type: 'call.scored';
  id?: string;
  callId: CallId;
  /** MOS estimate, 1–4.5. */
  mos: number;
  /** Below 3.5. */
  poor: boolean;
  /** Whether the sample was stored. */
  recorded: boolean;
}

/** Someone calls you: ring until `ringsUntil`, then accept, decline or let it end. */
export interface ServerCallIncoming {
  type: 'call.incoming';
  callId: CallId;
  caller: Address;
  media: CallMedia;
  ringsUntil: Instant;
}

/**
 * To the caller: the call rings on `devices` more devices of the callee; `devices` 0 with `pushSent`: none is
 * online, a push notification went out, and the call rings on for a device it wakes.
 */
export interface ServerCallRinging {
  type: 'call.ringing';
  callId: CallId;
  callee: Address;
  devices: number;
  pushSent?: boolean;
}

/** The callee answered on `device`: to the caller's device and that device. */
export interface ServerCallAccepted {
  type: 'call.accepted';
  callId: CallId;
  device: DeviceId;
  acceptedAt: Instant;
}

/** Media flows; `relayed` when a TURN relay carries it. */
export interface ServerCallConnected {
  type: 'call.connected';
  callId: CallId;
  relayed: boolean;
  connectedAt: Instant;
}

/** The other participant's device dropped; the call ends at `graceUntil` unless it comes back. */
export interface ServerCallPeerDisconnected {
  type: 'call.peer-disconnected';
  callId: CallId;
  participant: Address;
  graceUntil: Instant;
}

export interface ServerCallPeerReconnected {
  type: 'call.peer-reconnected';
  callId: CallId;
  participant: Address;
}

/** The call is over for this device (`answered-elsewhere`: another device of yours accepted it). */
export interface ServerCallEnded {
  type: 'call.ended';
  callId: CallId;
  /** One of {@link END_REASONS}, or a newer reason: treat it as an end. */
  reason: EndReason | (string & {});
  endedBy: EndedBy;
  /** With `peer-offline`: whether the callee was sent a push notification. */
  pushSent?: boolean;
  /** With `glare-replaced`: the call between the same two people that goes on; accept it. */
  keptCallId?: CallId;
  endedAt: Instant;
}

/** A signal from the other participant's device. */
export type ServerCallSignal = { type: 'call.signal'; callId: CallId; from: Address } & Signal;

export type ServerCallFrame =
  | ServerCallStatus
  | ServerCallScored
  | ServerCallIncoming
  | ServerCallRinging
  | ServerCallAccepted
  | ServerCallConnected
  | ServerCallPeerDisconnected
  | ServerCallPeerReconnected
  | ServerCallEnded
  | ServerCallSignal;

// Guards ------------------------------------------------------------------------------------------

const CALL_ID = /^call:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isCallId = (x: unknown): x is CallId => isString(x) && CALL_ID.test(x);
const isCallMedia = isOneOf(CALL_MEDIA);
const isCallState = isOneOf(CALL_STATES);
const isCandidateType = isOneOf(CANDIDATE_TYPES);
const isTransportProtocol = isOneOf(TRANSPORT_PROTOCOLS);
const isReason = (x: unknown): boolean => isString(x) && x.length > 0;
const isEndedBy = (x: unknown): x is EndedBy => x === 'server' || isAddress(x);

/** The fields a signal's `kind` needs, within the relay's limits. */
function isSignal(f: Fields): boolean {
  const L = CallLimits;
  const fieldsFit =
    optional(f.sdpMid, (x) => isText(x, L.maxSdpMidChars)) &&
    optional(f.sdpMLineIndex, (x) => isInteger(x, 0, L.maxSdpMLineIndex)) &&
    optional(f.usernameFragment, (x) => isText(x, L.maxUsernameFragmentChars));
  switch (f.kind) {
    case 'offer':
    case 'answer':
      return fieldsFit && isText(f.sdp, L.maxSdpChars) && f.sdp.trim().length > 0;
    case 'candidate':
      return (
        fieldsFit && isText(f.candidate, L.maxCandidateChars) && (f.sdpMid !== undefined || f.sdpMLineIndex !== undefined)
      );
    case 'end-of-candidates':
      return fieldsFit;
    default:
      return false;
  }
}

const isCallRequest = (f: Fields): boolean => isRequestId(f.id) && isCallId(f.callId);

/** One check per call frame type a client sends; protocol.ts adds them to its own. */
export const callClientFrames: { [T in ClientCallFrame['type']]: (f: Fields) => boolean } = {
  'call.invite': (f) =>
    isRequestId(f.id) &&
    optional(f.callId, isCallId) &&
    isAddress(f.callee) &&
    isCallMedia(f.media) &&
    optional(f.ringTimeoutSeconds, (x) => isInteger(x, CallLimits.minRingTimeoutSeconds, CallLimits.maxRingTimeoutSeconds)),
  'call.accept': isCallRequest,
  'call.decline': isCallRequest,
  'call.hangup': isCallRequest,
  'call.signal': (f) => optional(f.id, isRequestId) && isCallId(f.callId) && isSignal(f),
  'call.connected': (f) =>
    isCallRequest(f) &&
    isInteger(f.timeToConnectMs, 0, 600_000) &&
    isCandidateType(f.localCandidateType) &&
    isCandidateType(f.remoteCandidateType) &&
    isTransportProtocol(f.protocol),
  'call.quality': (f) =>
    isCallRequest(f) &&
    isNumber(f.rttMs, 0, 60_000) &&
    isNumber(f.jitterMs, 0, 60_000) &&
    isNumber(f.lossPercent, 0, 100) &&
    isNumber(f.bitrateKbps, 0, 100_000),
  'call.ice-failed': (f) => isCallRequest(f) && optional(f.gatheredCandidateTypes, (a) => arrayOf(a, isCandidateType)),
};

/** One check per call frame type the server sends; protocol.ts adds them to its own. */
export const callServerFrames: { [T in ServerCallFrame['type']]: (f: Fields) => boolean } = {
  'call.status': (f) =>
    optional(f.id, isRequestId) &&
    isCallId(f.callId) &&
    isCallState(f.state) &&
    isCallMedia(f.media) &&
    isAddress(f.caller) &&
    isAddress(f.callee) &&
    isDeviceId(f.callerDevice) &&
    optional(f.calleeDevice, isDeviceId) &&
    isBoolean(f.changed) &&
    // an ended call says why and by whom; a live one does not
    (f.state === 'ended' ? isReason(f.endReason) && isEndedBy(f.endedBy) : f.endReason === undefined && f.endedBy === undefined),
  'call.scored': (f) =>
    optional(f.id, isRequestId) && isCallId(f.callId) && isNumber(f.mos, 1, 4.5) && isBoolean(f.poor) && isBoolean(f.recorded),
  'call.incoming': (f) => isCallId(f.callId) && isAddress(f.caller) && isCallMedia(f.media) && isInstant(f.ringsUntil),
  'call.ringing': (f) => isCallId(f.callId) && isAddress(f.callee) && isInteger(f.devices, 0) && optional(f.pushSent, isBoolean),
  'call.accepted': (f) => isCallId(f.callId) && isDeviceId(f.device) && isInstant(f.acceptedAt),
  'call.connected': (f) => isCallId(f.callId) && isBoolean(f.relayed) && isInstant(f.connectedAt),
  'call.peer-disconnected': (f) => isCallId(f.callId) && isAddress(f.participant) && isInstant(f.graceUntil),
  'call.peer-reconnected': (f) => isCallId(f.callId) && isAddress(f.participant),
  'call.ended': (f) =>
    isCallId(f.callId) &&
    isReason(f.reason) &&
    isEndedBy(f.endedBy) &&
    optional(f.pushSent, isBoolean) &&
    optional(f.keptCallId, isCallId) &&
    isInstant(f.endedAt),
  'call.signal': (f) => isCallId(f.callId) && isAddress(f.from) && isSignal(f),
};

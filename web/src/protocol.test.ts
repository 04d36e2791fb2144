/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import {
  CALL_MEDIA,
  CALL_STATES,
  CANDIDATE_TYPES,
  CLIENT_FRAME_TYPES,
  END_REASONS,
  ERROR_CODES,
  SERVER_FRAME_TYPES,
  TRANSPORT_PROTOCOLS,
  isClientFrame,
  isServerFrame,
  parseServerFrame,
  type ServerFrame,
} from './protocol';

/**
 * The golden examples of docs/protocol/examples (the same files the gateway's GoldenFramesTest reads and
 * writes), loaded by Vite at test time: file name → parsed JSON.
 */
const clientExamples = byType(
  import.meta.glob<unknown>('../../docs/protocol/examples/client/*.json', { eager: true, import: 'default' }),
);
const serverExamples = byType(
  import.meta.glob<unknown>('../../docs/protocol/examples/server/*.json', { eager: true, import: 'default' }),
);

/** docs/protocol/asyncapi.yaml as text, to hold the client's lists of codes and reasons to the document's. */
const asyncApi = Object.values(
  import.meta.glob<string>('../../docs/protocol/asyncapi.yaml', { eager: true, query: '?raw', import: 'default' }),
)[0];

/** The `enum` of a schema in components.schemas, written as a block list or as `[a, b]`. */
function documentedEnum(schema: string): string[] {
  const body = asyncApi?.split(`\n    ${schema}:\n`)[1]?.split(/\n {4}\S/)[0] ?? '';
  const flow = /\n {6}enum: \[(.*)\]/.exec(body);
  if (flow?.[1] !== undefined) return flow[1].split(',').map((value) => value.trim());
  return [...body.matchAll(/\n {8}- ([a-z-]+)/g)].map((match) => match[1] ?? '');
}

/** A copy of a golden client example with some fields changed (`undefined` removes one). */
function brokenClient(type: string, changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...clientExamples.get(type) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

function byType(modules: Record<string, unknown>): Map<string, Record<string, unknown>> {
  return new Map(
    Object.entries(modules).map(([path, json]) => [path.replace(/^.*\//, '').replace(/\.json$/, ''), json as Record<string, unknown>]),
  );
}

/** A copy of a golden server example with some fields changed (`undefined` removes one). */
function broken(type: string, changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...serverExamples.get(type) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

describe('the golden examples', () => {
  it('exist for exactly the frame types this client knows, in both directions', () => {
    expect([...clientExamples.keys()].sort()).toEqual([...CLIENT_FRAME_TYPES].sort());
    expect([...serverExamples.keys()].sort()).toEqual([...SERVER_FRAME_TYPES].sort());
  });

  it.each([...serverExamples])('server/%s.json is a server frame of its type', (type, frame) => {
    expect(isServerFrame(frame)).toBe(true);
    expect(frame.type).toBe(type);
  });

  it.each([...clientExamples])('client/%s.json is a client frame of its type', (type, frame) => {
    expect(isClientFrame(frame)).toBe(true);
    expect(frame.type).toBe(type);
  });

  it('name the call frames too, with their own guards', () => {
    expect(CLIENT_FRAME_TYPES).toContain('call.signal');
    expect(SERVER_FRAME_TYPES).toEqual(expect.arrayContaining(['call.status', 'call.incoming', 'call.ended', 'call.signal']));
  });

  it('are read from socket text as they are', () => {
    const message = serverExamples.get('message');
    const parsed: ServerFrame | null = parseServerFrame(JSON.stringify(message));
    expect(parsed).toEqual(message);
    expect(parsed?.type === 'message' && parsed.attachments[0]?.name).toBe('whiteboard.jpg');
  });
});

describe('the guards refuse', () => {
  it('what is not a frame at all', () => {
    for (const x of [null, undefined, 'message', 42, [], {}, { type: 'teleport' }]) {
      expect(isServerFrame(x)).toBe(false);
      expect(isClientFrame(x)).toBe(false);
    }
    expect(parseServerFrame('{not json')).toBeNull();
  });

  it('server frames with a field missing or of the wrong type', () => {
    expect(isServerFrame(broken('message', { seq: undefined }))).toBe(false);
    expect(isServerFrame(broken('message', { sentAt: 1795514551207 }))).toBe(false);
    expect(isServerFrame(broken('message', { deletedAt: '2026-11-24T10:03:40Z' }))).toBe(false); // deleted, yet with text
    expect(isServerFrame(broken('hello', { address: 'alice' }))).toBe(false);
    expect(isServerFrame(broken('receipt', { conversationId: 'ff1f51bc-479a-3b73-b8b2-516cd2efe7ae' }))).toBe(false);
    expect(isServerFrame(broken('receipt', { kind: 'seen' }))).toBe(false);
    expect(isServerFrame(broken('ack', { changed: true }))).toBe(false); // a send's answer and a change's at once
    expect(isServerFrame(broken('synced', { limited: undefined }))).toBe(false);
    expect(isServerFrame(broken('error', { code: 404 }))).toBe(false);
    expect(isServerFrame(broken('hello', { device: undefined }))).toBe(false);
    expect(isServerFrame(broken('hello', { device: 'no spaces/or slashes' }))).toBe(false);
  });

  it('call frames from the server with a field missing, of the wrong type or out of place', () => {
    expect(isServerFrame(broken('call.status', { callId: 'call:nope' }))).toBe(false);
    expect(isServerFrame(broken('call.status', { state: 'on-hold' }))).toBe(false);
    expect(isServerFrame(broken('call.status', { endReason: 'hangup', endedBy: 'server' }))).toBe(false); // ringing, yet ended
    expect(isServerFrame(broken('call.status', { state: 'ended' }))).toBe(false); // ended, but not why
    expect(isServerFrame(broken('call.incoming', { caller: undefined }))).toBe(false);
    expect(isServerFrame(broken('call.incoming', { ringsUntil: '45s' }))).toBe(false);
    expect(isServerFrame(broken('call.ringing', { devices: -1 }))).toBe(false);
    expect(isServerFrame(broken('call.ringing', { pushSent: 'yes' }))).toBe(false);
    expect(isServerFrame(broken('call.accepted', { device: 'bob laptop' }))).toBe(false);
    expect(isServerFrame(broken('call.ended', { endedBy: 'nobody' }))).toBe(false);
    expect(isServerFrame(broken('call.ended', { keptCallId: 'call:nope' }))).toBe(false);
    expect(isServerFrame(broken('call.scored', { mos: 5 }))).toBe(false);
    expect(isServerFrame(broken('call.signal', { sdp: undefined }))).toBe(false); // an offer without its sdp
    expect(isServerFrame(broken('call.signal', { from: undefined }))).toBe(false);
    expect(isServerFrame(broken('call.signal', { kind: 'telepathy' }))).toBe(false);
  });

  it('client frames a server would refuse as invalid', () => {
    const send = clientExamples.get('send');
    expect(isClientFrame({ ...send, clientMessageId: undefined })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('edit'), seq: 'three' })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('receipt'), kind: 'seen' })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('typing'), active: 'yes' })).toBe(false);
  });

  it('call frames the gateway would refuse', () => {
    expect(isClientFrame(brokenClient('call.invite', { callee: '0x1234' }))).toBe(false);
    expect(isClientFrame(brokenClient('call.invite', { media: 'hologram' }))).toBe(false);
    expect(isClientFrame(brokenClient('call.invite', { ringTimeoutSeconds: 600 }))).toBe(false);
    expect(isClientFrame(brokenClient('call.accept', { callId: undefined }))).toBe(false);
    expect(isClientFrame(brokenClient('call.signal', { sdp: ' ' }))).toBe(false);
    expect(isClientFrame(brokenClient('call.signal', { sdp: 'v=0\r\n' + 'a'.repeat(32_768) }))).toBe(false);
    const candidate = { type: 'call.signal', callId: clientExamples.get('call.signal')?.callId, kind: 'candidate' };
    expect(isClientFrame({ ...candidate, candidate: 'candidate:1 1 udp 1 10.0.0.1 1 typ host' })).toBe(false); // no sdpMid, no index
    expect(isClientFrame({ ...candidate, candidate: 'candidate:1 1 udp 1 10.0.0.1 1 typ host', sdpMLineIndex: 0 })).toBe(true);
    expect(isClientFrame({ ...candidate, candidate: 'candidate:1 1 udp 1 10.0.0.1 1 typ host', sdpMLineIndex: 1024 })).toBe(false);
    expect(isClientFrame(brokenClient('call.connected', { localCandidateType: 'wormhole' }))).toBe(false);
    expect(isClientFrame(brokenClient('call.connected', { timeToConnectMs: -1 }))).toBe(false);
    expect(isClientFrame(brokenClient('call.quality', { rttMs: '62' }))).toBe(false);
    expect(isClientFrame(brokenClient('call.quality', { lossPercent: 101 }))).toBe(false);
    expect(isClientFrame(brokenClient('call.ice-failed', { gatheredCandidateTypes: ['host', 'stun'] }))).toBe(false);
  });

  it('nothing that is merely new: unknown fields and error codes pass', () => {
    expect(isServerFrame(broken('message', { reactions: [] }))).toBe(true);
    expect(isServerFrame(broken('error', { code: 'call-not-found' }))).toBe(true);
    expect(isServerFrame(broken('call.ended', { reason: 'teleported' }))).toBe(true);
  });
});

describe('the lists of values', () => {
  it.each([
    ['ErrorCode', ERROR_CODES],
    ['EndReason', END_REASONS],
    ['CallState', CALL_STATES],
    ['CallMedia', CALL_MEDIA],
    ['CandidateType', CANDIDATE_TYPES],
    ['TransportProtocol', TRANSPORT_PROTOCOLS],
  ])('%s is the one in asyncapi.yaml', (schema, values) => {
    expect(documentedEnum(schema)).toEqual([...values]);
  });
});

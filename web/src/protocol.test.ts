/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import {
  CLIENT_FRAME_TYPES,
  SERVER_FRAME_TYPES,
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
  });

  it('client frames a server would refuse as invalid', () => {
    const send = clientExamples.get('send');
    expect(isClientFrame({ ...send, clientMessageId: undefined })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('edit'), seq: 'three' })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('receipt'), kind: 'seen' })).toBe(false);
    expect(isClientFrame({ ...clientExamples.get('typing'), active: 'yes' })).toBe(false);
  });

  it('nothing that is merely new: unknown fields and error codes pass', () => {
    expect(isServerFrame(broken('message', { reactions: [] }))).toBe(true);
    expect(isServerFrame(broken('error', { code: 'call-not-found' }))).toBe(true);
  });
});

/**
 * The frames of the live API (`/ws`, and the same shapes over RSocket at `/rsocket`) as
 * docs/protocol/asyncapi.yaml describes them: one JSON object per WebSocket text message, named by `type`.
 *
 * The guards check what a client relies on (the `type`, required fields and their types) and let unknown
 * fields through, as the protocol asks: new optional fields may appear without a new protocol version.
 * protocol.test.ts runs them over the golden examples in docs/protocol/examples. The call frames (`call.*`)
 * are in protocol-calls.ts and re-exported here.
 */
import { callClientFrames, callServerFrames, type ClientCallFrame, type ServerCallFrame } from './protocol-calls';
import { arrayOf, isAddress, isBoolean, isDeviceId, isInstant, isInteger, isObject, isRequestId, isString, optional } from './protocol-base';
import type { Address, DeviceId, Fields, Instant } from './protocol-base';

export type { Address, DeviceId, Instant } from './protocol-base';
export * from './protocol-calls';

/** `hello.protocolVersion` this client speaks. */
export const PROTOCOL_VERSION = 1;

/** `conversation:` and a lower-case UUID. */
export type ConversationId = `conversation:${string}`;
export type ReceiptKind = 'delivered' | 'read';

// Client → server ---------------------------------------------------------------------------------

export interface ClientSend {
  type: 'send';
  id: string;
  conversationId: ConversationId;
  /** Chosen by the client (1–64 of `A-Z a-z 0-9 . _ ~ : -`); a retry with the same one stores nothing new. */
  clientMessageId: string;
  body?: string;
  /** Ids from `POST /api/attachments`, at most 10. */
  attachments?: string[];
}

export interface ClientEdit {
  type: 'edit';
  id: string;
  conversationId: ConversationId;
  seq: number;
  body: string;
}

export interface ClientDelete {
  type: 'delete';
  id: string;
  conversationId: ConversationId;
  seq: number;
}

export interface ClientReceipt {
  type: 'receipt';
  id: string;
  conversationId: ConversationId;
  kind: ReceiptKind;
  upToSeq: number;
}

export interface ClientTyping {
  type: 'typing';
  id?: string;
  conversationId: ConversationId;
  active: boolean;
}

export interface ClientSync {
  type: 'sync';
  id: string;
  /** The highest position held per conversation; `-1` or `null` for none. */
  conversations: Record<ConversationId, number | null>;
}

export interface ClientPing {
  type: 'ping';
  id?: string;
}

export type ClientFrame = ClientSend | ClientEdit | ClientDelete | ClientReceipt | ClientTyping | ClientSync | ClientPing | ClientCallFrame;
export type ClientFrameType = ClientFrame['type'];

// Server → client ---------------------------------------------------------------------------------

export interface ServerHello {
  type: 'hello';
  address: Address;
  sessionId: string;
  /** The device this socket is: its `?device=`, or the id the server made up without one. */
  device: DeviceId;
  heartbeatSeconds: number;
  protocolVersion: number;
}

/** A conversation with you was started; always position 0. */
export interface ServerConversation {
  type: 'conversation';
  conversationId: ConversationId;
  position: number;
  members: Address[];
  startedBy: Address;
  startedAt: Instant;
}

export interface AttachmentRef {
  attachmentId: string;
  name: string;
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
}

/** A new message, or in a sync a message as it stands now (no `body` and `deletedAt` set once deleted). */
export interface ServerMessage {
  type: 'message';
  conversationId: ConversationId;
  position: number;
  seq: number;
  clientMessageId: string;
  sender: Address;
  body?: string;
  attachments: AttachmentRef[];
  sentAt: Instant;
  editedAt?: Instant;
  deletedAt?: Instant;
}

export interface ServerMessageEdited {
  type: 'message.edited';
  conversationId: ConversationId;
  position: number;
  seq: number;
  body: string;
  editedAt: Instant;
}

export interface ServerMessageDeleted {
  type: 'message.deleted';
  conversationId: ConversationId;
  position: number;
  seq: number;
  deletedAt: Instant;
}

export interface ServerReceipt {
  type: 'receipt';
  conversationId: ConversationId;
  position: number;
  member: Address;
  kind: ReceiptKind;
  upToSeq: number;
  at: Instant;
}

/** Relayed, never stored: no position. */
export interface ServerTyping {
  type: 'typing';
  conversationId: ConversationId;
  from: Address;
  active: boolean;
}

interface AckBase {
  type: 'ack';
  id?: string;
  conversationId: ConversationId;
  /** The message's number; for a receipt, its `upToSeq`. */
  seq: number;
  position: number;
}

/** The answer to `send`. */
export interface SendAck extends AckBase {
  clientMessageId: string;
  sentAt: Instant;
  /** True when this `clientMessageId` had been accepted before: nothing new was stored. */
  duplicate: boolean;
}

/** The answer to `edit`, `delete` and `receipt`. */
export interface ChangeAck extends AckBase {
  /** False when nothing needed to change. */
  changed: boolean;
}

export type ServerAck = SendAck | ChangeAck;

export interface ServerSynced {
  type: 'synced';
  id?: string;
  /** The position each synced conversation is now at. */
  conversations: Record<ConversationId, number>;
  /** Conversations with more changes than one sync sends: reload over HTTP, then sync again. */
  limited: ConversationId[];
}

export interface ServerPong {
  type: 'pong';
  id?: string;
}

export const ERROR_CODES = [
  'malformed-frame',
  'unknown-type',
  'invalid-frame',
  'frame-too-large',
  'not-a-member',
  'not-your-message',
  'conversation-not-found',
  'message-not-found',
  'message-deleted',
  'sequence-from-future',
  'message-empty',
  'message-too-long',
  'too-many-attachments',
  'cannot-converse-with-self',
  'invalid-client-message-id',
  'attachment-not-found',
  'not-in-call',
  'callee-only',
  'caller-only',
  'call-not-found',
  'call-ended',
  'call-already-answered',
  'call-not-answered',
  'call-already-ringing',
  'call-id-taken',
  'glare-keeps-this-call',
  'cannot-call-self',
  'invalid-ring-timeout',
  'invalid-device-id',
  'invalid-call-report',
  'signal-too-large',
  'signal-out-of-order',
  'signal-buffer-full',
  'internal-error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ServerError {
  type: 'error';
  /** The failed request's `id`; absent when the frame could not be read far enough to find one. */
  id?: string;
  /** One of {@link ERROR_CODES}, or a newer code this client does not know: treat it as a failure. */
  code: ErrorCode | (string & {});
  message: string;
}

export type ServerFrame =
  | ServerHello
  | ServerConversation
  | ServerMessage
  | ServerMessageEdited
  | ServerMessageDeleted
  | ServerReceipt
  | ServerTyping
  | ServerAck
  | ServerSynced
  | ServerPong
  | ServerError
  | ServerCallFrame;
export type ServerFrameType = ServerFrame['type'];

/** How the server closes a socket (WebSocket close codes). */
export const CloseCode = {
  /** No frame or pong for the idle timeout (60 s): reconnect, then sync. */
  NoHeartbeat: 1001,
  /** The upgrade carried no valid session: sign in again. */
  PolicyViolation: 1008,
  /** A WebSocket message over 1 MiB. */
  MessageTooBig: 1009,
  /** The server lost this socket's live feed: reconnect, then sync. */
  InternalError: 1011,
  /** The client read too slowly and its queue overflowed: reconnect, then sync. */
  TooSlow: 1013,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

// Guards ------------------------------------------------------------------------------------------

const CONVERSATION_ID = /^conversation:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isConversationId = (x: unknown): x is ConversationId => isString(x) && CONVERSATION_ID.test(x);
const isReceiptKind = (x: unknown): x is ReceiptKind => x === 'delivered' || x === 'read';
const isPosition = (x: unknown): x is number => isInteger(x, 0);
const isSeq = (x: unknown): x is number => isInteger(x, 1);
const recordOf = (x: unknown, check: (x: unknown) => boolean): boolean =>
  isObject(x) && Object.entries(x).every(([key, value]) => isConversationId(key) && check(value));

const isAttachmentRef = (x: unknown): x is AttachmentRef =>
  isObject(x) &&
  isString(x.attachmentId) &&
  isString(x.name) &&
  isString(x.contentType) &&
  isInteger(x.size, 0) &&
  isString(x.sha256);

/** One check per frame type; a type missing here does not compile. */
const clientFrames: { [T in ClientFrameType]: (f: Fields) => boolean } = {
  send: (f) =>
    isRequestId(f.id) &&
    isConversationId(f.conversationId) &&
    isString(f.clientMessageId) &&
    optional(f.body, isString) &&
    optional(f.attachments, (a) => arrayOf(a, isString)),
  edit: (f) => isRequestId(f.id) && isConversationId(f.conversationId) && isSeq(f.seq) && isString(f.body),
  delete: (f) => isRequestId(f.id) && isConversationId(f.conversationId) && isSeq(f.seq),
  receipt: (f) => isRequestId(f.id) && isConversationId(f.conversationId) && isReceiptKind(f.kind) && isInteger(f.upToSeq, 0),
  typing: (f) => optional(f.id, isRequestId) && isConversationId(f.conversationId) && isBoolean(f.active),
  sync: (f) => isRequestId(f.id) && recordOf(f.conversations, (p) => p === null || isInteger(p, -1)),
  ping: (f) => optional(f.id, isRequestId),
  ...callClientFrames,
};

const serverFrames: { [T in ServerFrameType]: (f: Fields) => boolean } = {
  hello: (f) =>
    isAddress(f.address) &&
    isString(f.sessionId) &&
    isDeviceId(f.device) &&
    isInteger(f.heartbeatSeconds, 1) &&
    isInteger(f.protocolVersion, 1),
  conversation: (f) =>
    isConversationId(f.conversationId) &&
    f.position === 0 &&
    arrayOf(f.members, isAddress) &&
    isAddress(f.startedBy) &&
    isInstant(f.startedAt),
  message: (f) =>
    isConversationId(f.conversationId) &&
    isPosition(f.position) &&
    isSeq(f.seq) &&
    isString(f.clientMessageId) &&
    isAddress(f.sender) &&
    arrayOf(f.attachments, isAttachmentRef) &&
    isInstant(f.sentAt) &&
    optional(f.editedAt, isInstant) &&
    optional(f.deletedAt, isInstant) &&
    // a message stands (with its text) or is deleted (without it)
    (f.deletedAt === undefined ? isString(f.body) : f.body === undefined),
  'message.edited': (f) =>
    isConversationId(f.conversationId) && isPosition(f.position) && isSeq(f.seq) && isString(f.body) && isInstant(f.editedAt),
  'message.deleted': (f) => isConversationId(f.conversationId) && isPosition(f.position) && isSeq(f.seq) && isInstant(f.deletedAt),
  receipt: (f) =>
    isConversationId(f.conversationId) &&
    isPosition(f.position) &&
    isAddress(f.member) &&
    isReceiptKind(f.kind) &&
    isInteger(f.upToSeq, 0) &&
    isInstant(f.at),
  typing: (f) => isConversationId(f.conversationId) && isAddress(f.from) && isBoolean(f.active),
  ack: (f) =>
    optional(f.id, isRequestId) &&
    isConversationId(f.conversationId) &&
    isInteger(f.seq, 0) &&
    isPosition(f.position) &&
    (isBoolean(f.changed)
      ? f.duplicate === undefined
      : isString(f.clientMessageId) && isInstant(f.sentAt) && isBoolean(f.duplicate)),
  synced: (f) =>
    optional(f.id, isRequestId) && recordOf(f.conversations, (p) => isInteger(p, -1)) && arrayOf(f.limited, isConversationId),
  pong: (f) => optional(f.id, isRequestId),
  error: (f) => optional(f.id, isRequestId) && isString(f.code) && f.code.length > 0 && isString(f.message),
  ...callServerFrames,
};

/** The frame types this client knows, for tests and diagnostics. */
export const CLIENT_FRAME_TYPES = Object.keys(clientFrames) as ClientFrameType[];
export const SERVER_FRAME_TYPES = Object.keys(serverFrames) as ServerFrameType[];

function hasCheck<T extends string>(checks: Record<T, unknown>, type: unknown): type is T {
  return isString(type) && Object.hasOwn(checks, type);
}

/** Whether `x` is a server frame this client understands (unknown extra fields are allowed). */
export function isServerFrame(x: unknown): x is ServerFrame {
  return isObject(x) && hasCheck(serverFrames, x.type) && serverFrames[x.type](x);
}

/** Whether `x` is a well-formed client frame (unknown extra fields are allowed). */
export function isClientFrame(x: unknown): x is ClientFrame {
  return isObject(x) && hasCheck(clientFrames, x.type) && clientFrames[x.type](x);
}

/** Reads the text of one WebSocket message; `null` for anything that is not a server frame this client understands. */
export function parseServerFrame(text: string): ServerFrame | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return isServerFrame(parsed) ? parsed : null;
}

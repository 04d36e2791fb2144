/** What the chat part of the client holds: conversations, their messages, and the sends still under way. */
import type { AttachmentRef } from '../protocol';

export interface ChatMessage {
  readonly seq: number;
  /** The position the message was sent at. */
  readonly position: number;
  /** The position of the message's latest change (edit, delete): a change at or below it is old news. */
  readonly lastPosition: number;
  readonly clientMessageId: string;
  readonly sender: string;
  readonly body?: string;
  readonly attachments: readonly AttachmentRef[];
  readonly sentAt: string;
  readonly editedAt?: string;
  readonly deletedAt?: string;
}

/** A member's receipt marks: every message up to `deliveredSeq` reached a device, up to `readSeq` was read. */
export interface Marks {
  readonly deliveredSeq: number;
  readonly readSeq: number;
}

export interface LastMessage {
  readonly seq: number;
  readonly sender: string;
  readonly preview: string | null;
  readonly sentAt: string;
  readonly hasAttachments: boolean;
  readonly deleted: boolean;
}

/** A file picked for a message: uploaded before the message is sent. */
export interface Upload {
  readonly file: File;
  /** 0..1 while uploading. */
  readonly progress: number;
  readonly ref?: AttachmentRef;
}

export type SendStatus = 'uploading' | 'sending' | 'failed';

/** A message shown before the server has it: sent again, with the same clientMessageId, on retry. */
export interface PendingSend {
  readonly clientMessageId: string;
  readonly body: string;
  readonly uploads: readonly Upload[];
  readonly status: SendStatus;
  readonly error?: string;
  readonly createdAt: string;
}

export interface Conversation {
  readonly id: string;
  readonly peer: string;
  me: Marks;
  peerMarks: Marks;
  unread: number;
  lastMessage: LastMessage | null;
  activityAt: string;
  lastSeq: number;
  /** Messages held, by seq: the newest page and whatever was scrolled back to or arrived live. */
  readonly messages: Map<number, ChatMessage>;
  readonly pending: Map<string, PendingSend>;
  /** Whether the newest page has been read over HTTP, and whether older messages exist beyond those held. */
  history: { loaded: boolean; hasMoreBefore: boolean };
  peerTypingUntil: number;
}

export const NO_MARKS: Marks = { deliveredSeq: 0, readSeq: 0 };

/** A message's delivery state as its sender sees it. */
export type Tick = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

export function tickOf(message: ChatMessage, peerMarks: Marks): Tick {
  if (message.seq <= peerMarks.readSeq) return 'read';
  if (message.seq <= peerMarks.deliveredSeq) return 'delivered';
  return 'sent';
}

export function previewOf(message: ChatMessage): LastMessage {
  return {
    seq: message.seq,
    sender: message.sender,
    preview: message.deletedAt === undefined ? (message.body ?? '').slice(0, 140) : null,
    sentAt: message.sentAt,
    hasAttachments: message.attachments.length > 0,
    deleted: message.deletedAt !== undefined,
  };
}

export const sameAddress = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

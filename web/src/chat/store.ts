/**
 * The chat state of this tab, free of DOM and sockets: conversations, the messages held of each, the sends
 * under way. Every change, live or from a sync or an HTTP page, goes through here, and each is applied
 * only when it is newer than what is held for the thing it changes (a message's `lastPosition`, a
 * member's receipt mark), so a change seen twice (live, then again in a sync) changes nothing twice.
 * Views subscribe and redraw.
 */
import type { ServerConversation, ServerFrame, ServerMessage, ServerReceipt, SendAck } from '../protocol';
import type { InboxEntry } from './chat-api';
import { type ChatMessage, type Conversation, type Marks, NO_MARKS, type PendingSend, previewOf, sameAddress } from './model';

export type StoreListener = (conversationId: string | null) => void;

/** What applying a frame did, for the controller's follow-ups (receipts, inbox reloads). */
export interface Applied {
  readonly conversationId: string;
  /** A message from the peer that this tab had not seen. */
  readonly newFromPeer: boolean;
  /** The conversation is not held: the inbox should be read again. */
  readonly unknown: boolean;
}

export class ChatStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly listeners = new Set<StoreListener>();

  constructor(readonly me: string) {}

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(conversationId: string): Conversation | undefined {
    return this.conversations.get(conversationId);
  }

  /** Newest activity first, as the inbox shows them. */
  list(): Conversation[] {
    return [...this.conversations.values()].sort((a, b) => b.activityAt.localeCompare(a.activityAt));
  }

  /** Adds or refreshes conversations from `GET /api/conversations`; `fresher` says whether an entry is newer than what is held. */
  mergeInbox(entries: readonly InboxEntry[], fresher: (entry: InboxEntry) => boolean): void {
    for (const entry of entries) {
      const held = this.conversations.get(entry.conversationId);
      if (held && !fresher(entry)) continue;
      const conversation = held ?? this.create(entry.conversationId, entry.peer.address, entry.activityAt);
      conversation.me = maxMarks(conversation.me, entry.me);
      conversation.peerMarks = maxMarks(conversation.peerMarks, entry.peer);
      conversation.unread = entry.unread;
      conversation.lastMessage = entry.lastMessage;
      conversation.lastSeq = Math.max(conversation.lastSeq, entry.lastSeq);
      conversation.activityAt = entry.activityAt;
    }
    this.emit(null);
  }

  /** A conversation this tab learnt about from a `conversation` frame or by starting it. */
  addConversation(conversationId: string, peer: string, startedAt: string): Conversation {
    const conversation = this.conversations.get(conversationId) ?? this.create(conversationId, peer, startedAt);
    this.emit(null);
    return conversation;
  }

  apply(frame: ServerFrame): Applied | undefined {
    if (frame.type === 'conversation') return this.applyStarted(frame);
    if (frame.type !== 'message' && frame.type !== 'message.edited' && frame.type !== 'message.deleted' && frame.type !== 'receipt') {
      return undefined;
    }
    const conversation = this.conversations.get(frame.conversationId);
    if (!conversation) return { conversationId: frame.conversationId, newFromPeer: false, unknown: true };
    let newFromPeer = false;
    switch (frame.type) {
      case 'message':
        newFromPeer = this.applyMessage(conversation, frame);
        break;
      case 'message.edited':
        this.change(conversation, frame.seq, frame.position, (m) => ({ ...m, body: frame.body, editedAt: frame.editedAt }));
        break;
      case 'message.deleted':
        this.change(conversation, frame.seq, frame.position, (m) => {
          const { body: _body, ...rest } = m;
          return { ...rest, attachments: [], deletedAt: frame.deletedAt };
        });
        break;
      case 'receipt':
        this.applyReceipt(conversation, frame);
        break;
    }
    this.emit(conversation.id);
    return { conversationId: conversation.id, newFromPeer, unknown: false };
  }

  /** Messages read over HTTP (a page of the timeline): each kept only if newer than the one held. */
  mergePage(conversationId: string, messages: readonly ChatMessage[], hasMoreBefore: boolean | undefined, replace = false): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    if (replace) conversation.messages.clear();
    for (const message of messages) this.put(conversation, message);
    if (hasMoreBefore !== undefined) {
      const oldestBefore = conversation.history.loaded ? conversation.history.hasMoreBefore : true;
      conversation.history = { loaded: true, hasMoreBefore: replace ? hasMoreBefore : hasMoreBefore && oldestBefore };
    }
    this.emit(conversationId);
  }

  /** Held messages, oldest first. */
  timeline(conversationId: string): ChatMessage[] {
    const conversation = this.conversations.get(conversationId);
    return conversation ? [...conversation.messages.values()].sort((a, b) => a.seq - b.seq) : [];
  }

  oldestSeq(conversationId: string): number | undefined {
    return this.timeline(conversationId)[0]?.seq;
  }

  /** The highest message number held or announced. */
  lastSeq(conversationId: string): number {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return 0;
    return Math.max(conversation.lastSeq, ...[...conversation.messages.keys()]);
  }

  setPending(conversationId: string, send: PendingSend): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    // once the message itself is held, a late update of its send changes nothing
    if ([...conversation.messages.values()].some((m) => m.clientMessageId === send.clientMessageId)) return;
    conversation.pending.set(send.clientMessageId, send);
    this.emit(conversationId);
  }

  pending(conversationId: string, clientMessageId: string): PendingSend | undefined {
    return this.conversations.get(conversationId)?.pending.get(clientMessageId);
  }

  /** The send was acknowledged: the message is shown as stored even if its `message` frame is still on the way. */
  applyAck(ack: SendAck): void {
    const conversation = this.conversations.get(ack.conversationId);
    const send = conversation?.pending.get(ack.clientMessageId);
    if (!conversation || !send) return;
    const body = send.body.trim();
    this.put(conversation, {
      seq: ack.seq,
      position: ack.position,
      lastPosition: ack.position,
      clientMessageId: ack.clientMessageId,
      sender: this.me,
      ...(body ? { body } : {}),
      attachments: send.uploads.flatMap((u) => (u.ref ? [u.ref] : [])),
      sentAt: ack.sentAt,
    });
    this.emit(conversation.id);
  }

  setPeerTyping(conversationId: string, until: number): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    conversation.peerTypingUntil = until;
    this.emit(conversationId);
  }

  private create(id: string, peer: string, activityAt: string): Conversation {
    const conversation: Conversation = {
      id,
      peer,
      me: NO_MARKS,
      peerMarks: NO_MARKS,
      unread: 0,
      lastMessage: null,
      activityAt,
      lastSeq: 0,
      messages: new Map(),
      pending: new Map(),
      history: { loaded: false, hasMoreBefore: false },
      peerTypingUntil: 0,
    };
    this.conversations.set(id, conversation);
    return conversation;
  }

  private applyStarted(frame: ServerConversation): Applied {
    const peer = frame.members.find((m) => !sameAddress(m, this.me)) ?? frame.startedBy;
    this.addConversation(frame.conversationId, peer, frame.startedAt);
    return { conversationId: frame.conversationId, newFromPeer: false, unknown: false };
  }

  private applyMessage(conversation: Conversation, frame: ServerMessage): boolean {
    const { type: _type, conversationId: _c, ...fields } = frame;
    const held = conversation.messages.get(frame.seq);
    const fresh = held === undefined && frame.seq > conversation.lastSeq;
    this.put(conversation, { ...fields, position: held?.position ?? frame.position, lastPosition: frame.position });
    const fromPeer = !sameAddress(frame.sender, this.me);
    if (fresh && fromPeer && frame.deletedAt === undefined && frame.seq > conversation.me.readSeq) conversation.unread += 1;
    return fresh && fromPeer;
  }

  /** Puts a message if it is newer than the one held under its seq; keeps the summary fields in step. */
  private put(conversation: Conversation, message: ChatMessage): void {
    const held = conversation.messages.get(message.seq);
    if (held && held.lastPosition >= message.lastPosition) return;
    conversation.messages.set(message.seq, message);
    conversation.pending.delete(message.clientMessageId);
    if (message.seq >= (conversation.lastMessage?.seq ?? 0)) {
      conversation.lastMessage = previewOf(message);
      if (message.sentAt > conversation.activityAt) conversation.activityAt = message.sentAt;
    }
    conversation.lastSeq = Math.max(conversation.lastSeq, message.seq);
  }

  private change(conversation: Conversation, seq: number, position: number, edit: (m: ChatMessage) => ChatMessage): void {
    const held = conversation.messages.get(seq);
    if (!held || held.lastPosition >= position) return;
    const wasUnread = held.deletedAt === undefined && !sameAddress(held.sender, this.me) && seq > conversation.me.readSeq;
    const changed = { ...edit(held), lastPosition: position };
    conversation.messages.set(seq, changed);
    if (wasUnread && changed.deletedAt !== undefined) conversation.unread = Math.max(0, conversation.unread - 1);
    if (conversation.lastMessage?.seq === seq) conversation.lastMessage = previewOf(changed);
  }

  private applyReceipt(conversation: Conversation, frame: ServerReceipt): void {
    const mark: Marks = frame.kind === 'read' ? { deliveredSeq: frame.upToSeq, readSeq: frame.upToSeq } : { deliveredSeq: frame.upToSeq, readSeq: 0 };
    if (sameAddress(frame.member, this.me)) {
      conversation.me = maxMarks(conversation.me, mark);
      if (frame.kind === 'read') {
        conversation.unread = [...conversation.messages.values()].filter(
          (m) => m.seq > conversation.me.readSeq && m.deletedAt === undefined && !sameAddress(m.sender, this.me),
        ).length;
      }
    } else {
      conversation.peerMarks = maxMarks(conversation.peerMarks, mark);
    }
  }

  private emit(conversationId: string | null): void {
    this.listeners.forEach((listener) => listener(conversationId));
  }
}

function maxMarks(a: Marks, b: Marks): Marks {
  return { deliveredSeq: Math.max(a.deliveredSeq, b.deliveredSeq, b.readSeq), readSeq: Math.max(a.readSeq, b.readSeq) };
}

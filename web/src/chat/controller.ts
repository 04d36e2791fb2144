/**
 * Ties the live connection, the HTTP API and the store together, as docs/protocol/asyncapi.yaml asks:
 * on every (re)connect the inbox is read (to find conversations started meanwhile) and every held
 * conversation is synced from its cursor; a live change that skips a position syncs its conversation;
 * a conversation too far behind for one sync is reloaded over HTTP, then synced again. It also owns the
 * user's actions: sending (optimistic, retried with the same clientMessageId), editing, deleting, receipts
 * and typing.
 */
import { ApiError } from '../api';
import type { ServerFrame, SendAck } from '../protocol';
import { type LiveConnection, LiveError } from '../live/connection';
import type { ChatApi, InboxEntry } from './chat-api';
import { Cursors } from './cursors';
import { type PendingSend, type Upload, sameAddress } from './model';
import type { ChatStore } from './store';
import { TypingThrottle } from './typing';

export interface ControllerOptions {
  /** Whether the person can see this tab now (document visible and focused enough to read). */
  visible: () => boolean;
  /** Something went wrong that the person should read about. */
  notify: (text: string) => void;
  newClientMessageId?: () => string;
  now?: () => number;
}

const GAP_SETTLE_MS = 250;
const PEER_TYPING_MS = 6_000;
const RECEIPT_DELAY_MS = 150;

export class ChatController {
  readonly cursors = new Cursors();
  private active: string | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | undefined;
  private inboxReload: Promise<void> | undefined;
  private readonly typing: TypingThrottle;
  private readonly now: () => number;
  private readonly sentMarks = new Map<string, { delivered: number; read: number }>();
  private readonly newId: () => string;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly receiptTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly live: LiveConnection,
    private readonly api: ChatApi,
    readonly store: ChatStore,
    private readonly options: ControllerOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newClientMessageId ?? (() => crypto.randomUUID());
    this.typing = new TypingThrottle((conversationId, active) => {
      live.send({ type: 'typing', conversationId, active });
    }, this.now);
    live.onOpen(() => void this.catchUp());
    live.onFrame((frame) => this.onFrame(frame));
  }

  /** The conversation on screen (null for none): its newest page is loaded and what it shows is read. */
  async open(conversationId: string | null): Promise<void> {
    this.active = conversationId;
    if (conversationId === null) return;
    const conversation = this.store.get(conversationId);
    if (conversation && !conversation.history.loaded) {
      try {
        const page = await this.api.messages(conversationId);
        this.store.mergePage(conversationId, page.messages, page.hasMoreBefore);
      } catch (error) {
        // just started: the read model may not have it yet (a few ms); its messages will come live
        if (!(error instanceof ApiError && error.status === 404 && this.store.lastSeq(conversationId) === 0)) throw error;
        this.store.mergePage(conversationId, [], false);
      }
    }
    this.markSeen(conversationId);
  }

  /** The person looked at the screen again (tab shown, window focused). */
  visibilityChanged(): void {
    if (this.active) this.markSeen(this.active);
  }

  /** Scrolling back: the page before the oldest message held. Answers whether there is more. */
  async loadOlder(conversationId: string): Promise<boolean> {
    const before = this.store.oldestSeq(conversationId);
    if (before === undefined || before <= 1) {
      this.store.mergePage(conversationId, [], false);
      return false;
    }
    const page = await this.api.messages(conversationId, before);
    this.store.mergePage(conversationId, page.messages, page.hasMoreBefore);
    return page.hasMoreBefore;
  }

  async start(peer: string): Promise<string> {
    const started = await this.api.start(peer);
    const other = started.members.find((m) => !sameAddress(m, this.store.me)) ?? peer;
    if (!this.store.get(started.conversationId)) {
      this.store.addConversation(started.conversationId, other, new Date(this.now()).toISOString());
      if (started.created) this.cursors.advanceTo(started.conversationId, 0);
      else await this.reloadInbox();
    }
    return started.conversationId;
  }

  /** Shows the message at once, uploads its files, then sends it; a failure leaves a retry button. */
  async send(conversationId: string, body: string, files: readonly File[]): Promise<void> {
    const send: PendingSend = {
      clientMessageId: this.newId(),
      body,
      uploads: files.map((file) => ({ file, progress: 0 })),
      status: files.length > 0 ? 'uploading' : 'sending',
      createdAt: new Date(this.now()).toISOString(),
    };
    this.store.setPending(conversationId, send);
    this.typing.stop(conversationId);
    await this.deliver(conversationId, send);
  }

  /** Sends a failed message again, with the same clientMessageId: the server stores it at most once. */
  async retry(conversationId: string, clientMessageId: string): Promise<void> {
    const send = this.store.pending(conversationId, clientMessageId);
    if (send && send.status === 'failed') await this.deliver(conversationId, send);
  }

  async edit(conversationId: string, seq: number, body: string): Promise<void> {
    await this.live.request({ type: 'edit', conversationId, seq, body });
  }

  async remove(conversationId: string, seq: number): Promise<void> {
    await this.live.request({ type: 'delete', conversationId, seq });
  }

  typed(conversationId: string, text: string): void {
    if (text.trim()) this.typing.input(conversationId);
    else this.typing.stop(conversationId);
  }

  private async deliver(conversationId: string, start: PendingSend): Promise<void> {
    let send = start;
    const update = (next: Partial<PendingSend>) => {
      send = { ...send, ...next };
      this.store.setPending(conversationId, send);
    };
    try {
      const uploads: Upload[] = [];
      for (const [index, upload] of send.uploads.entries()) {
        if (upload.ref) {
          uploads.push(upload);
          continue;
        }
        update({ status: 'uploading' });
        const ref = await this.api.upload(upload.file, (progress) => {
          update({ uploads: send.uploads.map((u, i) => (i === index ? { ...u, progress } : u)) });
        });
        uploads.push({ ...upload, progress: 1, ref });
        update({ uploads: [...uploads, ...send.uploads.slice(uploads.length)] });
      }
      update({ status: 'sending' });
      const attachments = uploads.flatMap((u) => (u.ref ? [u.ref.attachmentId] : []));
      const ack = (await this.live.request({
        type: 'send',
        conversationId,
        clientMessageId: send.clientMessageId,
        ...(send.body.trim() ? { body: send.body } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
      })) as SendAck;
      this.store.applyAck(ack);
    } catch (error) {
      update({ status: 'failed', error: inWords(error) });
    }
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'typing') {
      if (!sameAddress(frame.from, this.store.me)) {
        this.peerTyping(frame.conversationId, frame.active);
      }
      return;
    }
    if (frame.type === 'error') {
      if (frame.code !== 'conversation-not-found') this.options.notify(frame.message);
      return;
    }
    if (!('position' in frame) || frame.type === 'ack') return;
    const applied = this.store.apply(frame);
    if (!applied) return;
    if (applied.unknown) {
      void this.reloadInbox().then(() => this.syncSome([applied.conversationId]));
      return;
    }
    if (frame.type === 'message' && !sameAddress(frame.sender, this.store.me)) {
      // a message from the peer ends their typing
      this.peerTyping(frame.conversationId, false);
    }
    if (this.cursors.observe(frame.conversationId, frame.position) === 'gap') this.settleGaps();
    if (applied.newFromPeer) this.markSeen(applied.conversationId);
  }

  /** The peer's indicator shows until they stop, send, or go quiet for a few seconds. */
  private peerTyping(conversationId: string, active: boolean): void {
    clearTimeout(this.typingTimers.get(conversationId));
    this.store.setPeerTyping(conversationId, active ? this.now() + PEER_TYPING_MS : 0);
    if (active) this.typingTimers.set(conversationId, setTimeout(() => this.store.setPeerTyping(conversationId, 0), PEER_TYPING_MS));
  }

  /** After a (re)connect: the inbox, then a sync of everything held. */
  private async catchUp(): Promise<void> {
    try {
      await this.reloadInbox();
      await this.syncSome(this.cursors.ids());
      for (const conversation of this.store.list()) this.markSeen(conversation.id);
    } catch (error) {
      // a connection lost meanwhile is caught up on the next connect
      if (!isConnectionLoss(error)) this.options.notify(`Could not catch up: ${inWords(error)}`);
    }
  }

  private reloadInbox(): Promise<void> {
    this.inboxReload ??= this.api
      .inbox()
      .then((entries) => {
        const fresher = (entry: InboxEntry) => entry.lastPosition > this.cursors.held(entry.conversationId);
        this.store.mergeInbox(entries, fresher);
        // the inbox may lag the live feed by a few ms: a cursor is set from it only when none is held
        for (const entry of entries) if (!this.cursors.has(entry.conversationId)) this.cursors.advanceTo(entry.conversationId, entry.lastPosition);
      })
      .finally(() => (this.inboxReload = undefined));
    return this.inboxReload;
  }

  private async syncSome(conversationIds: readonly string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    const request = Object.fromEntries(conversationIds.map((id) => [id, this.cursors.held(id)]));
    this.cursors.setSyncing(conversationIds, true);
    try {
      const { synced } = await this.live.sync(request);
      for (const [id, position] of Object.entries(synced.conversations)) this.cursors.advanceTo(id, position);
      this.cursors.setSyncing(conversationIds, false);
      if (synced.limited.length > 0) await this.reloadLimited(synced.limited);
    } finally {
      this.cursors.setSyncing(conversationIds, false);
    }
  }

  /** More changes than one sync sends: the newest page over HTTP, then a sync from where it stands. */
  private async reloadLimited(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) {
      const detail = await this.api.detail(id);
      const page = await this.api.messages(id);
      this.store.mergePage(id, page.messages, page.hasMoreBefore, true);
      this.cursors.reset(id, detail.lastPosition);
    }
    await this.syncSome(conversationIds);
  }

  /** A skipped position is often only a late frame: wait a moment, then sync what is still gapped. */
  private settleGaps(): void {
    if (this.gapTimer !== undefined) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      void this.syncSome(this.cursors.gapped()).catch(() => undefined);
    }, GAP_SETTLE_MS);
  }

  /**
   * Receipts: `delivered` for what reached this tab, `read` for what is on screen while the tab is seen.
   * Each receipt is a stored change, so a burst of messages is answered by one receipt, a moment later.
   */
  private markSeen(conversationId: string): void {
    if (this.receiptTimers.has(conversationId)) return;
    this.receiptTimers.set(conversationId, setTimeout(() => {
      this.receiptTimers.delete(conversationId);
      this.sendReceipts(conversationId);
    }, RECEIPT_DELAY_MS));
  }

  private sendReceipts(conversationId: string): void {
    const conversation = this.store.get(conversationId);
    if (!conversation) return;
    const fromPeer = [...conversation.messages.values()].filter((m) => !sameAddress(m.sender, this.store.me));
    const lastFromPeer = Math.max(
      0,
      ...fromPeer.map((m) => m.seq),
      conversation.lastMessage && !sameAddress(conversation.lastMessage.sender, this.store.me) ? conversation.lastMessage.seq : 0,
    );
    const sent = this.sentMarks.get(conversationId) ?? { delivered: 0, read: 0 };
    const reading = this.active === conversationId && this.options.visible();
    const readUpTo = reading ? this.store.lastSeq(conversationId) : 0;
    if (reading && readUpTo > Math.max(conversation.me.readSeq, sent.read)) {
      this.sentMarks.set(conversationId, { delivered: Math.max(sent.delivered, readUpTo), read: readUpTo });
      this.receipt(conversationId, 'read', readUpTo);
    } else if (lastFromPeer > Math.max(conversation.me.deliveredSeq, sent.delivered)) {
      this.sentMarks.set(conversationId, { ...sent, delivered: lastFromPeer });
      this.receipt(conversationId, 'delivered', lastFromPeer);
    }
  }

  private receipt(conversationId: string, kind: 'delivered' | 'read', upToSeq: number): void {
    this.live.request({ type: 'receipt', conversationId, kind, upToSeq }).catch((error: unknown) => {
      // not sent: forget it, so the next chance (a reconnect, a new message) sends it again
      this.sentMarks.delete(conversationId);
      if (!isConnectionLoss(error)) this.options.notify(`A receipt was not sent: ${inWords(error)}`);
    });
  }
}

const isConnectionLoss = (error: unknown): boolean =>
  error instanceof LiveError && ['not-connected', 'connection-lost', 'offline', 'timeout'].includes(error.code);

export function inWords(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

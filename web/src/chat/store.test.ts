import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../protocol';
import { Cursors } from './cursors';
import { tickOf } from './model';
import { ChatStore } from './store';

const C = 'conversation:6d0c1b1e-7c55-3f0a-9a51-0f3b6c7d2e11' as const;
const ME = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const PEER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const AT = '2026-11-24T10:00:00Z';

function message(seq: number, position: number, sender = PEER, body = `m${seq}`): ServerFrame {
  return { type: 'message', conversationId: C, position, seq, clientMessageId: `c${seq}`, sender, body, attachments: [], sentAt: AT };
}

function store(): ChatStore {
  const s = new ChatStore(ME);
  s.addConversation(C, PEER, AT);
  return s;
}

describe('Cursors', () => {
  it('moves one position at a time and says when one was skipped', () => {
    const cursors = new Cursors();
    cursors.advanceTo(C, 3);
    expect(cursors.observe(C, 4)).toBe('next');
    expect(cursors.observe(C, 4)).toBe('old');
    expect(cursors.observe(C, 6)).toBe('gap');
    expect(cursors.held(C)).toBe(4);
    expect(cursors.gapped()).toEqual([C]);
    expect(cursors.observe(C, 5)).toBe('next'); // the late frame fills the gap
    expect(cursors.held(C)).toBe(6);
    expect(cursors.gapped()).toEqual([]);
  });

  it('reports no gap while a conversation syncs; the synced position moves it on', () => {
    const cursors = new Cursors();
    cursors.advanceTo(C, 3);
    cursors.setSyncing([C], true);
    expect(cursors.observe(C, 7)).toBe('next'); // a sync compacts: position 7 may be a message sent at 4
    cursors.advanceTo(C, 7);
    cursors.setSyncing([C], false);
    expect(cursors.held(C)).toBe(7);
    expect(cursors.gapped()).toEqual([]);
    expect(cursors.syncRequest()).toEqual({ [C]: 7 });
  });

  it('never moves back', () => {
    const cursors = new Cursors();
    cursors.advanceTo(C, 9);
    cursors.advanceTo(C, 2);
    expect(cursors.held(C)).toBe(9);
  });
});

describe('ChatStore', () => {
  it('applies a message seen live and again in a sync once', () => {
    const s = store();
    expect(s.apply(message(1, 1))?.newFromPeer).toBe(true);
    expect(s.apply(message(1, 1))?.newFromPeer).toBe(false);
    expect(s.timeline(C).map((m) => m.seq)).toEqual([1]);
    expect(s.get(C)?.unread).toBe(1);
  });

  it('keeps messages in seq order whatever order they arrive in', () => {
    const s = store();
    s.apply(message(3, 3));
    s.apply(message(1, 1));
    s.apply(message(2, 2));
    expect(s.timeline(C).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(s.get(C)?.lastMessage?.preview).toBe('m3');
  });

  it('applies an edit only when it is newer than the message held', () => {
    const s = store();
    s.apply(message(1, 1));
    s.apply({ type: 'message.edited', conversationId: C, position: 3, seq: 1, body: 'second', editedAt: AT });
    s.apply({ type: 'message.edited', conversationId: C, position: 2, seq: 1, body: 'first', editedAt: AT });
    expect(s.timeline(C)[0]?.body).toBe('second');
    // the sync's copy of the message as it stands now, at the position of its latest change
    s.apply({ ...message(1, 3), body: 'second', editedAt: AT } as ServerFrame);
    expect(s.timeline(C)).toHaveLength(1);
  });

  it('drops the text of a deleted message and no longer counts it unread', () => {
    const s = store();
    s.apply(message(1, 1));
    s.apply({ type: 'message.deleted', conversationId: C, position: 2, seq: 1, deletedAt: AT });
    expect(s.timeline(C)[0]?.body).toBeUndefined();
    expect(s.get(C)?.lastMessage?.deleted).toBe(true);
    expect(s.get(C)?.unread).toBe(0);
  });

  it('moves receipt marks forward only; my read mark clears unread', () => {
    const s = store();
    s.apply(message(1, 1));
    s.apply(message(2, 2));
    s.apply(message(3, 3, ME));
    s.apply({ type: 'receipt', conversationId: C, position: 4, member: PEER, kind: 'read', upToSeq: 3, at: AT });
    s.apply({ type: 'receipt', conversationId: C, position: 5, member: PEER, kind: 'delivered', upToSeq: 1, at: AT });
    const conversation = s.get(C);
    expect(conversation?.peerMarks).toEqual({ deliveredSeq: 3, readSeq: 3 });
    expect(tickOf(s.timeline(C)[2]!, conversation!.peerMarks)).toBe('read');
    expect(conversation?.unread).toBe(2);
    s.apply({ type: 'receipt', conversationId: C, position: 6, member: ME, kind: 'read', upToSeq: 3, at: AT });
    expect(s.get(C)?.unread).toBe(0);
  });

  it('replaces an optimistic send by the stored message, however the ack and the frame are ordered', () => {
    const s = store();
    s.setPending(C, { clientMessageId: 'c7', body: 'hi', uploads: [], status: 'sending', createdAt: AT });
    s.applyAck({ type: 'ack', id: 'r1', conversationId: C, seq: 7, position: 9, clientMessageId: 'c7', sentAt: AT, duplicate: false });
    s.apply({ ...message(7, 9, ME, 'hi'), clientMessageId: 'c7' } as ServerFrame);
    expect(s.get(C)?.pending.size).toBe(0);
    expect(s.timeline(C).map((m) => [m.seq, m.body])).toEqual([[7, 'hi']]);
    // a late progress update of that send does not bring it back
    s.setPending(C, { clientMessageId: 'c7', body: 'hi', uploads: [], status: 'failed', createdAt: AT });
    expect(s.get(C)?.pending.size).toBe(0);
  });

  it('says when a change belongs to a conversation it does not hold', () => {
    const s = new ChatStore(ME);
    expect(s.apply(message(1, 1))).toMatchObject({ unknown: true });
  });

  it('keeps the newer of two copies when an HTTP page overlaps live messages', () => {
    const s = store();
    s.apply({ type: 'message.edited', conversationId: C, position: 5, seq: 2, body: 'x', editedAt: AT });
    s.apply(message(2, 2));
    s.apply({ type: 'message.edited', conversationId: C, position: 5, seq: 2, body: 'edited', editedAt: AT });
    s.mergePage(C, [{ seq: 2, position: 2, lastPosition: 2, clientMessageId: 'c2', sender: PEER, body: 'old', attachments: [], sentAt: AT }], true);
    expect(s.timeline(C)[0]?.body).toBe('edited');
    expect(s.get(C)?.history).toEqual({ loaded: true, hasMoreBefore: true });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { LiveConnection } from '../live/connection';
import { FakeEnvironment, HELLO } from '../live/fake-env';
import type { ChatApi, InboxEntry } from './chat-api';
import { ChatController } from './controller';
import { ChatStore } from './store';

const C = 'conversation:6d0c1b1e-7c55-3f0a-9a51-0f3b6c7d2e11';
const ME = HELLO.address;
const PEER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const AT = '2026-11-24T10:00:00Z';

const inboxEntry = (lastPosition: number, lastSeq: number): InboxEntry => ({
  conversationId: C,
  peer: { address: PEER, deliveredSeq: 0, readSeq: 0 },
  me: { address: ME, deliveredSeq: lastSeq, readSeq: lastSeq },
  lastMessage: null,
  unread: 0,
  lastSeq,
  lastPosition,
  activityAt: AT,
});

const message = (seq: number, position: number, body = `m${seq}`) => ({
  type: 'message', conversationId: C, position, seq, clientMessageId: `c${seq}`, sender: PEER, body, attachments: [], sentAt: AT,
});

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setUp(inbox: InboxEntry[]) {
  const env = new FakeEnvironment();
  const live = new LiveConnection({ url: 'ws://x/ws', env });
  const api = { inbox: async () => inbox, messages: async () => ({ messages: [], hasMoreBefore: false }) } as unknown as ChatApi;
  const store = new ChatStore(ME);
  const chat = new ChatController(live, api, store, { visible: () => false, notify: (text) => { throw new Error(text); } });
  live.start();
  const connect = async () => {
    env.socket.open();
    env.socket.receive(HELLO);
    await flush();
  };
  return { env, live, store, chat, connect };
}

describe('ChatController', () => {
  it('on every connect reads the inbox and syncs each conversation from the position it holds', async () => {
    const { env, store, connect } = setUp([inboxEntry(4, 2)]);
    await connect();
    const sync = env.socket.sent.find((f) => f.type === 'sync');
    expect(sync).toMatchObject({ conversations: { [C]: 4 } });

    env.socket.receive(message(3, 5));
    env.socket.receive({ type: 'synced', id: sync?.id, conversations: { [C]: 5 }, limited: [] });
    await flush();
    env.socket.receive(message(4, 6)); // live, after the sync
    expect(store.timeline(C).map((m) => m.seq)).toEqual([3, 4]);

    env.socket.drop(1006);
    env.advance(1_000);
    await connect();
    const again = env.socket.sent.find((f) => f.type === 'sync');
    expect(again).toMatchObject({ conversations: { [C]: 6 } });
    // the sync sends what was missed; a change also seen live before is not applied twice
    env.socket.receive(message(4, 6));
    env.socket.receive(message(5, 7));
    env.socket.receive({ type: 'synced', id: again?.id, conversations: { [C]: 7 }, limited: [] });
    await flush();
    expect(store.timeline(C).map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(store.get(C)?.unread).toBe(3);
  });

  it('syncs a conversation whose live changes skip a position', async () => {
    const { env, connect } = setUp([inboxEntry(4, 2)]);
    await connect();
    const first = env.socket.sent.find((f) => f.type === 'sync');
    env.socket.receive({ type: 'synced', id: first?.id, conversations: { [C]: 4 }, limited: [] });
    await flush();
    vi.useFakeTimers();
    try {
      env.socket.receive(message(4, 6)); // position 5 went missing
      vi.advanceTimersByTime(300); // a late frame gets a moment to arrive first
    } finally {
      vi.useRealTimers();
    }
    const syncs = env.socket.sent.filter((f) => f.type === 'sync');
    expect(syncs).toHaveLength(2);
    expect(syncs[1]).toMatchObject({ conversations: { [C]: 4 } });
  });

  it('acknowledges what reached this tab with one delivered receipt', async () => {
    const { env, connect } = setUp([inboxEntry(4, 2)]);
    await connect();
    vi.useFakeTimers();
    try {
      env.socket.receive(message(3, 5));
      env.socket.receive(message(4, 6));
      vi.advanceTimersByTime(150);
    } finally {
      vi.useRealTimers();
    }
    // one receipt for the burst
    expect(env.socket.sent.filter((f) => f.type === 'receipt')).toEqual([
      expect.objectContaining({ conversationId: C, kind: 'delivered', upToSeq: 4 }),
    ]);
  });

  it('marks a send failed when the socket is down, and sends it again with the same clientMessageId', async () => {
    const { env, store, chat, connect, live } = setUp([inboxEntry(4, 2)]);
    await connect();
    live.networkChanged(false);
    await chat.send(C, 'hello', []);
    const [pending] = [...(store.get(C)?.pending.values() ?? [])];
    expect(pending).toMatchObject({ status: 'failed', body: 'hello' });

    live.networkChanged(true);
    await connect();
    const retry = chat.retry(C, pending?.clientMessageId ?? '');
    const send = env.socket.lastSent();
    expect(send).toMatchObject({ type: 'send', clientMessageId: pending?.clientMessageId, body: 'hello' });
    env.socket.receive({ type: 'ack', id: send.id, conversationId: C, seq: 3, position: 5, clientMessageId: pending?.clientMessageId, sentAt: AT, duplicate: false });
    await retry;
    expect(store.get(C)?.pending.size).toBe(0);
    expect(store.timeline(C).map((m) => [m.seq, m.body])).toEqual([[3, 'hello']]);
  });
});

/**
 * One conversation: its header (with the calls extension's controls), the timeline that loads older pages
 * as it is scrolled back, the peer's typing indicator, and the composer.
 */
import { callsExtension } from '../app/extensions';
import type { ChatController } from '../chat/controller';
import { inWords } from '../chat/controller';
import type { ChatMessage } from '../chat/model';
import { h } from '../dom';
import { type Composer, composer } from './composer';
import { shortAddress } from './format';
import { type MessageActions, messageKey, messageView, pendingKey, pendingView } from './message-view';

export interface ConversationView {
  readonly element: HTMLElement;
  dispose(): void;
}

const NEAR_TOP_PX = 80;
const NEAR_BOTTOM_PX = 60;

export function conversationView(chat: ChatController, conversationId: string, report: (error: unknown) => void): ConversationView {
  const store = chat.store;
  const conversation = store.get(conversationId);
  const peer = conversation?.peer ?? '';
  const drawn = new Map<string, { key: string; element: HTMLLIElement }>();
  let loadingOlder = false;

  const actions: MessageActions = {
    edit: (message: ChatMessage) => input.startEdit(message.seq, message.body ?? ''),
    remove: (message: ChatMessage) => {
      if (!window.confirm('Delete this message for everyone?')) return;
      chat.remove(conversationId, message.seq).catch(report);
    },
    retry: (send) => void chat.retry(conversationId, send.clientMessageId),
  };

  const input: Composer = composer(conversationId, {
    send: (body, files) => {
      void chat.send(conversationId, body, files);
      scrollToBottom();
    },
    saveEdit: (seq, body) =>
      chat.edit(conversationId, seq, body).catch((error: unknown) => {
        report(error);
        throw error;
      }),
    typed: (text) => chat.typed(conversationId, text),
  });

  const older = h('button', { type: 'button', class: 'link load-older', hidden: true }, 'Load older messages');
  const list = h('ol', { class: 'timeline', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages', 'aria-relevant': 'additions' });
  const scroller = h('div', { class: 'timeline-scroll', tabindex: '0' }, older, list);
  const typing = h('p', { class: 'typing-indicator', 'aria-live': 'polite' });
  const callSlot = h('div', { class: 'call-actions' });
  const extension = callsExtension()?.conversationActions(peer, conversationId);
  if (extension) callSlot.append(extension);

  const header = h(
    'header',
    { class: 'conversation-header' },
    h('a', { href: '#/', class: 'back', 'aria-label': 'Back to chats' }, '←'),
    h('h2', { id: 'conversation-heading', tabindex: '-1' }, h('span', { class: 'visually-hidden' }, 'Chat with '), shortAddress(peer)),
    callSlot,
  );
  const element = h(
    'section',
    { class: 'conversation', 'aria-labelledby': 'conversation-heading', 'data-conversation': conversationId },
    header,
    scroller,
    typing,
    input.element,
  );

  const nearBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM_PX;
  function scrollToBottom(): void {
    requestAnimationFrame(() => (scroller.scrollTop = scroller.scrollHeight));
  }

  /** Redraws only the items whose content changed, in seq order, pending sends last. */
  function render(): void {
    const current = store.get(conversationId);
    if (!current) return;
    const stick = nearBottom();
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    const items: HTMLLIElement[] = [];
    const seen = new Set<string>();
    const place = (id: string, key: string, draw: () => HTMLLIElement) => {
      seen.add(id);
      const held = drawn.get(id);
      if (held && held.key === key) {
        items.push(held.element);
        return;
      }
      const element = draw();
      drawn.set(id, { key, element });
      items.push(element);
    };
    for (const message of store.timeline(conversationId)) {
      place(`m${message.seq}`, messageKey(message, current.peerMarks, store.me), () => messageView(message, current.peerMarks, store.me, actions));
    }
    for (const send of current.pending.values()) place(`p${send.clientMessageId}`, pendingKey(send), () => pendingView(send, actions));
    for (const id of drawn.keys()) if (!seen.has(id)) drawn.delete(id);
    const firstBefore = list.firstElementChild;
    list.replaceChildren(...items);
    older.hidden = !current.history.hasMoreBefore;
    typing.textContent = current.peerTypingUntil > Date.now() ? 'typing…' : '';
    if (stick) scroller.scrollTop = scroller.scrollHeight;
    else if (firstBefore !== list.firstElementChild) scroller.scrollTop = scroller.scrollHeight - fromBottom; // older page prepended
  }

  async function loadOlder(): Promise<void> {
    const current = store.get(conversationId);
    if (loadingOlder || !current?.history.hasMoreBefore) return;
    loadingOlder = true;
    older.setAttribute('aria-busy', 'true');
    try {
      await chat.loadOlder(conversationId);
    } catch (error) {
      report(error);
    } finally {
      loadingOlder = false;
      older.removeAttribute('aria-busy');
    }
  }

  older.addEventListener('click', () => void loadOlder());
  // whether the person follows the newest messages: an image that loads later keeps them at the bottom
  let following = true;
  scroller.addEventListener('scroll', () => {
    following = nearBottom();
    if (scroller.scrollTop < NEAR_TOP_PX) void loadOlder();
  }, { passive: true });
  list.addEventListener('load', () => {
    if (following) scroller.scrollTop = scroller.scrollHeight;
  }, true);

  const unsubscribe = store.subscribe((changed) => {
    if (changed === null || changed === conversationId) render();
  });
  render();
  chat.open(conversationId).then(() => {
    render();
    scrollToBottom();
  }, (error: unknown) => report(new Error(`Could not load the conversation: ${inWords(error)}`)));

  return {
    element,
    dispose() {
      unsubscribe();
      void chat.open(null);
    },
  };
}

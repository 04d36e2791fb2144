/** The inbox: start a conversation by address, and every conversation with its last message and unread count. */
import type { ChatController } from '../chat/controller';
import { type Conversation, sameAddress } from '../chat/model';
import { h } from '../dom';
import { isAddress } from '../eth';
import { clockTime, shortAddress } from './format';

export interface InboxView {
  readonly element: HTMLElement;
  /** Marks the conversation on screen. */
  select(conversationId: string | null): void;
  dispose(): void;
}

export function inboxView(chat: ChatController, open: (conversationId: string) => void, report: (error: unknown) => void): InboxView {
  const store = chat.store;
  let selected: string | null = null;

  const input = h('input', { id: 'peer-address', name: 'peer', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…', required: true });
  const hint = h('p', { id: 'peer-hint', class: 'note', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', hint.id);
  const form = h(
    'form',
    { class: 'start-conversation', 'aria-label': 'Start a conversation' },
    h('label', { for: input.id }, 'Start a conversation with an address'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Start')),
    hint,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const peer = input.value.trim();
    if (!isAddress(peer)) {
      hint.textContent = 'That is not an Ethereum address: 0x and 40 hexadecimal digits.';
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (sameAddress(peer, store.me)) {
      hint.textContent = 'That is your own address.';
      return;
    }
    input.removeAttribute('aria-invalid');
    hint.textContent = 'Starting…';
    chat.start(peer).then(
      (id) => {
        hint.textContent = '';
        input.value = '';
        open(id);
      },
      (error: unknown) => {
        hint.textContent = '';
        report(error);
      },
    );
  });

  const list = h('ul', { class: 'conversations', 'aria-label': 'Conversations' });
  const empty = h('p', { class: 'note' }, 'No conversations yet. Start one with someone’s address.');

  function entry(conversation: Conversation): HTMLLIElement {
    const last = conversation.lastMessage;
    const preview = !last
      ? 'No messages yet'
      : last.deleted
        ? 'Message deleted'
        : `${sameAddress(last.sender, store.me) ? 'You: ' : ''}${last.preview || (last.hasAttachments ? 'Attachment' : '')}`;
    const typing = conversation.peerTypingUntil > Date.now();
    const link = h(
      'a',
      {
        href: `#/conversations/${conversation.id}`,
        class: 'conversation-link',
        'data-conversation': conversation.id,
        'data-peer': conversation.peer,
        ...(conversation.id === selected ? { 'aria-current': 'page' } : {}),
      },
      h('span', { class: 'peer' }, shortAddress(conversation.peer)),
      last ? clockTime(last.sentAt) : null,
      h('span', { class: `preview ${typing ? 'typing' : ''}` }, typing ? 'typing…' : preview),
      conversation.unread > 0
        ? h('span', { class: 'unread', 'aria-label': `${conversation.unread} unread`, 'data-unread': String(conversation.unread) }, String(conversation.unread))
        : null,
    );
    return h('li', {}, link);
  }

  function render(): void {
    const conversations = store.list();
    list.replaceChildren(...conversations.map(entry));
    empty.hidden = conversations.length > 0;
  }

  const element = h('nav', { class: 'inbox', 'aria-labelledby': 'inbox-heading' }, h('h2', { id: 'inbox-heading', tabindex: '-1' }, 'Chats'), form, empty, list);
  const unsubscribe = store.subscribe(render);
  render();

  return {
    element,
    select(conversationId) {
      selected = conversationId;
      render();
    },
    dispose: unsubscribe,
  };
}

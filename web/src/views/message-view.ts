/** One message in the timeline: text, attachments, time, ticks, and the actions its sender has. */
import type { AttachmentRef } from '../protocol';
import { attachmentUrl } from '../chat/chat-api';
import { type ChatMessage, type Marks, type PendingSend, type Tick, sameAddress, tickOf } from '../chat/model';
import { h } from '../dom';
import { clockTime, fileSize, isPreviewable } from './format';

export interface MessageActions {
  edit(message: ChatMessage): void;
  remove(message: ChatMessage): void;
  retry(send: PendingSend): void;
}

const TICKS: Record<Tick, { mark: string; label: string }> = {
  sending: { mark: '…', label: 'Sending' },
  failed: { mark: '!', label: 'Not sent' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
};

function tick(state: Tick): HTMLElement {
  const { mark, label } = TICKS[state];
  return h('span', { class: `tick tick-${state}`, 'data-tick': state, title: label }, h('span', { 'aria-hidden': 'true' }, mark), h('span', { class: 'visually-hidden' }, label));
}

function attachmentView(ref: AttachmentRef): HTMLElement {
  const url = attachmentUrl(ref.attachmentId);
  const link = h('a', { href: url, download: ref.name, class: 'attachment-link' }, `${ref.name} (${fileSize(ref.size)})`);
  if (!isPreviewable(ref.contentType)) return h('div', { class: 'attachment' }, 'File: ', link);
  return h(
    'figure',
    { class: 'attachment image' },
    h('a', { href: url, target: '_blank', rel: 'noopener' }, retryingImage(url, ref.name)),
    h('figcaption', {}, link),
  );
}

const IMAGE_RETRIES = 4;

/**
 * An image that tries again when it fails: a message's frame can reach the peer a moment before the server's
 * read side lets them download its attachments (404 until the timeline projection has the message).
 */
function retryingImage(url: string, alt: string): HTMLImageElement {
  const image = h('img', { src: url, alt, loading: 'lazy' });
  let tries = 0;
  image.addEventListener('error', () => {
    if (tries >= IMAGE_RETRIES) return;
    tries += 1;
    setTimeout(() => (image.src = `${url}?try=${tries}`), 400 * 2 ** tries);
  });
  return image;
}

/** A signature of what the message shows: the view redraws an item only when it changes. */
export function messageKey(message: ChatMessage, peerMarks: Marks, me: string): string {
  const mine = sameAddress(message.sender, me);
  return JSON.stringify([message.lastPosition, mine ? tickOf(message, peerMarks) : '']);
}

export function messageView(message: ChatMessage, peerMarks: Marks, me: string, actions: MessageActions): HTMLLIElement {
  const mine = sameAddress(message.sender, me);
  const deleted = message.deletedAt !== undefined;
  const content = deleted
    ? h('p', { class: 'body deleted' }, 'This message was deleted.')
    : h('div', { class: 'content' }, message.body ? h('p', { class: 'body' }, message.body) : null, ...message.attachments.map(attachmentView));
  const meta = h(
    'div',
    { class: 'meta' },
    clockTime(message.sentAt),
    message.editedAt !== undefined && !deleted ? h('span', { class: 'edited' }, ' · edited') : null,
    mine && !deleted ? tick(tickOf(message, peerMarks)) : null,
  );
  const tools =
    mine && !deleted
      ? h(
          'div',
          { class: 'message-actions' },
          message.body !== undefined
            ? h('button', { type: 'button', class: 'link', onclick: () => actions.edit(message), 'aria-label': `Edit message ${message.seq}` }, 'Edit')
            : null,
          h('button', { type: 'button', class: 'link', onclick: () => actions.remove(message), 'aria-label': `Delete message ${message.seq}` }, 'Delete'),
        )
      : null;
  return h(
    'li',
    { class: `message ${mine ? 'mine' : 'theirs'}`, 'data-seq': String(message.seq), 'data-client-id': message.clientMessageId },
    content,
    meta,
    tools,
  );
}

export function pendingKey(send: PendingSend): string {
  return JSON.stringify([send.status, send.error ?? '', send.uploads.map((u) => Math.round(u.progress * 20))]);
}

export function pendingView(send: PendingSend, actions: MessageActions): HTMLLIElement {
  const uploads = send.uploads.map((u) =>
    h(
      'div',
      { class: 'attachment uploading' },
      h('label', {}, `${u.file.name} `, h('progress', { max: '1', value: String(u.progress), 'aria-label': `Upload of ${u.file.name}` })),
    ),
  );
  const failed = send.status === 'failed';
  return h(
    'li',
    { class: `message mine pending ${failed ? 'failed' : ''}`, 'data-client-id': send.clientMessageId, 'data-status': send.status },
    h('div', { class: 'content' }, send.body.trim() ? h('p', { class: 'body' }, send.body) : null, ...uploads),
    h(
      'div',
      { class: 'meta' },
      clockTime(send.createdAt),
      tick(failed ? 'failed' : 'sending'),
      failed ? h('span', { class: 'send-error', role: 'alert' }, ` Not sent: ${send.error ?? 'unknown error'} `) : null,
      failed ? h('button', { type: 'button', class: 'retry', onclick: () => actions.retry(send) }, 'Retry') : null,
    ),
  );
}

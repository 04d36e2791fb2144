/** Small formatting helpers shared by the chat views. */
import { h } from '../dom';

/** `0x5aAe…eAed`, with the whole address for screen readers and on hover. */
export function shortAddress(address: string): HTMLElement {
  return h(
    'span',
    { class: 'address-short', title: address, 'data-address': address },
    h('span', { 'aria-hidden': 'true' }, `${address.slice(0, 6)}…${address.slice(-4)}`),
    h('span', { class: 'visually-hidden' }, address),
  );
}

export function clockTime(iso: string): HTMLTimeElement {
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return h('time', { datetime: iso, title: Number.isNaN(date.getTime()) ? iso : date.toLocaleString() }, text);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Raster images are shown inline (the server serves them `inline`); everything else is a download. */
export const isPreviewable = (contentType: string): boolean => /^image\/(png|jpeg|gif|webp)$/i.test(contentType);

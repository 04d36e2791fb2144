/**
 * The signed-in app: a header (who you are, the connection's state, sign out), the overlay slot for calls,
 * the inbox and the conversation on screen (`#/conversations/<id>`). It owns this tab's live connection and
 * hands it to the calls extension, if one is registered.
 */
import type { Me } from '../api';
import { createChatApi } from '../chat/chat-api';
import { ChatController } from '../chat/controller';
import { ChatStore } from '../chat/store';
import { h } from '../dom';
import { LiveConnection, type LiveEnvironment, type LiveState, type SocketLike } from '../live/connection';
import { tabDeviceId } from '../live/device';
import { type ConversationView, conversationView } from '../views/conversation-view';
import { inboxView } from '../views/inbox-view';
import { pushControls } from '../push';
import { callsExtension } from './extensions';

export interface AppOptions {
  csrfToken: () => string | undefined;
  signOut: () => Promise<void>;
  /** Shows an error in words in the page's alert box. */
  report: (error: unknown) => void;
  /** The session is gone: back to the sign-in page. */
  sessionEnded: (reason: string) => void;
  checkSession: () => Promise<boolean>;
}

export interface App {
  readonly element: HTMLElement;
  dispose(): void;
}

const browserEnvironment: LiveEnvironment = {
  openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number | undefined),
  random: () => Math.random(),
  now: () => Date.now(),
};

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function startApp(me: Me, options: AppOptions): App {
  const device = tabDeviceId(sessionStore());
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const live = new LiveConnection({
    url: `${scheme}://${location.host}/ws?device=${encodeURIComponent(device)}`,
    env: browserEnvironment,
    checkSession: options.checkSession,
  });
  const store = new ChatStore(me.address);
  const chat = new ChatController(live, createChatApi({ csrfToken: options.csrfToken }), store, {
    visible: () => document.visibilityState === 'visible',
    notify: (text) => options.report(new Error(text)),
  });

  const connection = h('p', { class: 'connection', role: 'status', 'aria-live': 'polite', 'data-state': 'connecting' });
  const signOut = h('button', { type: 'button', class: 'secondary' }, 'Sign out');
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    options.signOut().catch((error: unknown) => {
      signOut.disabled = false;
      options.report(error);
    });
  });
  const overlay = h('div', { id: 'call-overlay', class: 'call-overlay' });
  const inbox = inboxView(chat, (id) => (location.hash = `#/conversations/${id}`), options.report);
  const pane = h('div', { class: 'conversation-pane' });
  const element = h(
    'div',
    { class: 'app' },
    h('header', { class: 'app-header' }, h('span', {}, 'Signed in as ', h('code', { class: 'address', 'data-me': me.address }, me.address)), connection,
      callsExtension()?.settings?.() ?? null, pushControls(me.address, options), signOut),
    overlay,
    h('div', { class: 'panes' }, inbox.element, pane),
  );

  let open: { id: string; view: ConversationView } | undefined;
  /** A conversation named in the address that the store does not hold yet (the inbox is still loading). */
  let awaited: string | null = null;
  function route(): void {
    const match = /^#\/conversations\/(conversation:[0-9a-f-]{36})$/.exec(location.hash);
    const id = match?.[1] ?? null;
    if (open && open.id === id) return;
    open?.view.dispose();
    open = undefined;
    awaited = null;
    inbox.select(id);
    element.classList.toggle('has-conversation', id !== null);
    if (id === null) {
      pane.replaceChildren(h('p', { class: 'note placeholder' }, 'Pick a chat, or start one with an address.'));
      return;
    }
    awaited = store.get(id) ? null : id;
    if (awaited) {
      pane.replaceChildren(h('p', { class: 'note placeholder', role: 'status' }, 'Loading the conversation…'));
      return; // routed again when the store learns about it
    }
    const view = conversationView(chat, id, options.report);
    open = { id, view };
    pane.replaceChildren(view.element);
    view.element.querySelector<HTMLElement>('textarea')?.focus();
  }

  const showState = (state: LiveState) => {
    connection.dataset.state = state.kind;
    connection.replaceChildren(connectionText(state));
    if (state.kind === 'waiting' || state.kind === 'offline') {
      connection.append(' ', h('button', { type: 'button', class: 'link', onclick: () => live.reconnectNow() }, 'Reconnect now'));
    }
    if (state.kind === 'signed-out') options.sessionEnded(state.reason);
  };

  const onHash = () => route();
  const onOnline = () => live.networkChanged(true);
  const onOffline = () => live.networkChanged(false);
  const onSeen = () => chat.visibilityChanged();
  window.addEventListener('hashchange', onHash);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onSeen);
  window.addEventListener('focus', onSeen);
  const unsubscribe = [live.onState(showState), store.subscribe(() => awaited && store.get(awaited) && route())];

  callsExtension()?.mount({ live, me: me.address, device, overlay });
  live.start();
  route();

  return {
    element,
    dispose() {
      callsExtension()?.unmount?.();
      open?.view.dispose();
      inbox.dispose();
      unsubscribe.forEach((stop) => stop());
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onSeen);
      window.removeEventListener('focus', onSeen);
      live.stop();
    },
  };
}

function connectionText(state: LiveState): string {
  switch (state.kind) {
    case 'open':
      return 'Connected.';
    case 'connecting':
      return state.attempt === 0 ? 'Connecting…' : 'Reconnecting…';
    case 'waiting':
      return `${state.reason} Trying again in ${Math.max(1, Math.round((state.retryAt - Date.now()) / 1000))} s.`;
    case 'offline':
      return 'You are offline. Messages will arrive when the network is back.';
    case 'signed-out':
      return state.reason;
    case 'stopped':
      return 'Disconnected.';
  }
}

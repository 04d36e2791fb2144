/**
 * The page's entry point: the sign-in page, or, with a session, the app (chats, and calls once the calls
 * extension registers itself: see app/extensions.ts). Errors from anywhere end up in one alert box, in words.
 */
import { ApiError, type Me, createApi } from './api';
import { type App, startApp } from './app/shell';
import { h, whileBusy } from './dom';
import { LiveError } from './live/connection';
import { forgetPushOnSignOut } from './push';
import { signInView, type SignInContext } from './views/signin-view';
import { WalletError } from './wallet';
import './calls/register';

const api = createApi({ csrfToken: () => readCookie('XSRF-TOKEN') });

const view = mustFind('view');
const statusLine = mustFind('status');
const errorBox = mustFind('error');
let app: App | undefined;

function mustFind(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html is missing #${id}`);
  return el;
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return hit === undefined ? undefined : decodeURIComponent(hit.slice(prefix.length));
}

function setStatus(text: string): void {
  statusLine.textContent = text;
}

function clearError(): void {
  errorBox.replaceChildren();
  errorBox.hidden = true;
}

/** Ends a heading-like phrase with punctuation so "Title detail" reads as two sentences. */
const sentence = (text: string): string => (/[.!?:]$/.test(text) ? text : `${text}.`);

function showError(error: unknown): void {
  if (error instanceof ApiError) {
    errorBox.replaceChildren(h('strong', {}, sentence(error.title)), error.detail ? ` ${error.detail}` : '');
  } else if (error instanceof WalletError) {
    errorBox.replaceChildren(h('strong', {}, 'Wallet: '), error.message);
  } else if (error instanceof LiveError) {
    errorBox.replaceChildren(h('strong', {}, 'Not done.'), ` ${sentence(error.message)}`);
  } else {
    const text = error instanceof Error ? error.message : String(error);
    errorBox.replaceChildren(h('strong', {}, 'Something went wrong.'), ` ${text}`);
  }
  errorBox.hidden = false;
}

/** Swaps the main view and moves focus to its heading so screen readers announce the change. */
function show(section: HTMLElement, moveFocus = true): void {
  view.replaceChildren(section);
  if (moveFocus) section.querySelector<HTMLElement>('h2')?.focus();
}

const signIn: SignInContext = {
  api,
  setStatus,
  action(label, busyLabel, task, extra = {}) {
    const button: HTMLButtonElement = h('button', { type: 'button', ...extra }, label);
    button.addEventListener('click', () => {
      clearError();
      whileBusy(view, button, busyLabel, task).catch((error: unknown) => {
        setStatus('');
        showError(error);
      });
    });
    return button;
  },
  async signedIn() {
    const me = await api.me();
    if (me === null) {
      throw new Error('The signature was accepted, but no session cookie was kept. Allow cookies for this site and try again.');
    }
    openApp(me);
  },
  redraw: () => showSignIn(),
};

function showSignIn(moveFocus = true): void {
  document.title = 'CallVault — Sign in';
  document.body.classList.remove('signed-in');
  show(signInView(signIn), moveFocus);
}

function closeApp(): void {
  app?.dispose();
  app = undefined;
}

function openApp(me: Me): void {
  closeApp();
  setStatus('');
  document.title = 'CallVault — Chats';
  document.body.classList.add('signed-in');
  app = startApp(me, {
    csrfToken: () => readCookie('XSRF-TOKEN'),
    report: showError,
    checkSession: async () => (await api.me()) !== null,
    sessionEnded: (reason) => {
      closeApp();
      setStatus(reason);
      showSignIn();
    },
    signOut: async () => {
      await forgetPushOnSignOut(() => readCookie('XSRF-TOKEN'));
      await api.logout();
      closeApp();
      clearError();
      setStatus('You have signed out.');
      showSignIn();
    },
  });
  show(app.element, false);
}

async function start(): Promise<void> {
  setStatus('Checking your session…');
  try {
    const me = await api.me();
    setStatus('');
    if (me) openApp(me);
    else showSignIn(false);
  } catch (error) {
    showSignIn(false);
    showError(error);
  }
}

// Some wallets inject window.ethereum after the page has loaded; redraw the sign-in view when they do.
window.addEventListener('ethereum#initialized', () => {
  if (view.querySelector('#signin-heading')) showSignIn(false);
}, { once: true });

void start();

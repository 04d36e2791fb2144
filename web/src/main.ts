/** The sign-in page: shows the signed-in account, or the two ways to sign in. */
import { ApiError, type Me, createApi } from './api';
import { h, whileBusy } from './dom';
import { type KeyStorage, createBurnerKey, forgetBurnerKey, loadBurnerKey } from './eth';
import { signInWithBurner, signInWithWallet } from './signin';
import { WalletError, getInjectedProvider } from './wallet';

const api = createApi({ csrfToken: () => readCookie('XSRF-TOKEN') });

const view = mustFind('view');
const statusLine = mustFind('status');
const errorBox = mustFind('error');

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

/** localStorage, or undefined when the browser refuses it (disabled storage, some private modes). */
function keyStorage(): KeyStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
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
  setStatus('');
  if (error instanceof ApiError) {
    errorBox.replaceChildren(h('strong', {}, sentence(error.title)), error.detail ? ` ${error.detail}` : '');
  } else if (error instanceof WalletError) {
    errorBox.replaceChildren(h('strong', {}, 'Wallet: '), error.message);
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

/** Runs a button's action with a busy state; errors end up in the alert box, in words. */
function action(label: string, busyLabel: string, task: () => Promise<void>, extra: Record<string, string> = {}) {
  const button: HTMLButtonElement = h('button', { type: 'button', ...extra }, label);
  button.addEventListener('click', () => {
    clearError();
    whileBusy(view, button, busyLabel, task).catch(showError);
  });
  return button;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function signedInView(me: Me): HTMLElement {
  const roles = me.roles.length > 0 ? h('ul', { class: 'roles' }, ...me.roles.map((r) => h('li', {}, r))) : 'none';
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'account-heading' },
    h('h2', { id: 'account-heading', tabindex: '-1' }, 'You are signed in'),
    h(
      'dl',
      {},
      h('dt', {}, 'Address'),
      h('dd', {}, h('code', { class: 'address' }, me.address)),
      h('dt', {}, 'Roles'),
      h('dd', {}, roles),
      me.registeredAt !== undefined && h('dt', {}, 'Member since'),
      me.registeredAt !== undefined &&
        h('dd', {}, h('time', { datetime: me.registeredAt }, formatDate(me.registeredAt))),
    ),
    action('Sign out', 'Signing out…', async () => {
      await api.logout();
      setStatus('You have signed out.');
      show(signInView());
    }),
  );
}

/** After verify the cookie must carry the session; /api/me proves it did. */
async function finishSignIn(): Promise<void> {
  const me = await api.me();
  if (me === null) {
    throw new Error('The signature was accepted, but no session cookie was kept. Allow cookies for this site and try again.');
  }
  setStatus(`Signed in as ${me.address}.`);
  show(signedInView(me));
}

function walletOption(): HTMLElement {
  const provider = getInjectedProvider();
  const button = action('Sign in with your wallet', 'Waiting for your wallet…', async () => {
    if (!provider) throw new WalletError('No browser wallet was found.');
    await signInWithWallet(api, provider, setStatus);
    await finishSignIn();
  }, { 'aria-describedby': 'wallet-note' });
  button.disabled = provider === undefined;
  const note = provider
    ? 'Your wallet will ask you to connect, then to sign a one-time message. Signing costs nothing and sends no transaction.'
    : 'No browser wallet was found on this page. Install or enable one (for example MetaMask), then reload.';
  return h(
    'section',
    { class: 'option', 'aria-labelledby': 'wallet-heading' },
    h('h3', { id: 'wallet-heading' }, 'Sign in with your wallet'),
    h('p', { id: 'wallet-note', class: 'note' }, note),
    button,
  );
}

function burnerOption(): HTMLElement {
  const storage = keyStorage();
  const key = storage && loadBurnerKey(storage);
  const explanation = h(
    'p',
    { id: 'burner-note', class: 'warning' },
    'A throwaway key is created and stored in this browser (localStorage). It is not a wallet: it holds nothing, ' +
      'cannot be recovered, and is gone if you forget it or clear this site’s data. Anyone using this browser ' +
      'profile can sign in with it.',
  );
  const children: (HTMLElement | false)[] = [h('h3', { id: 'burner-heading' }, 'Use a burner key on this device'), explanation];
  if (!storage) {
    children.push(h('p', { class: 'note' }, 'This browser does not allow this site to store data, so a burner key cannot be kept.'));
  } else if (key) {
    children.push(
      h('p', {}, 'Burner address: ', h('code', { class: 'address' }, key.address)),
      action('Sign in with the burner key', 'Signing in…', async () => {
        await signInWithBurner(api, key, setStatus);
        await finishSignIn();
      }, { 'aria-describedby': 'burner-note' }),
      action('Forget this burner key', 'Forgetting…', async () => {
        if (!window.confirm(`Forget the burner key for ${key.address}? It cannot be recovered.`)) return;
        forgetBurnerKey(storage);
        setStatus('The burner key was removed from this browser.');
        show(signInView());
      }, { class: 'secondary' }),
    );
  } else {
    children.push(
      action('Create a burner key and sign in', 'Signing in…', async () => {
        await signInWithBurner(api, createBurnerKey(storage), setStatus);
        await finishSignIn();
      }, { 'aria-describedby': 'burner-note' }),
    );
  }
  return h('section', { class: 'option burner', 'aria-labelledby': 'burner-heading' }, ...children);
}

function signInView(): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'signin-heading' },
    h('h2', { id: 'signin-heading', tabindex: '-1' }, 'Sign in'),
    h(
      'p',
      {},
      'CallVault knows you by an Ethereum address. Prove you control one by signing a one-time message ' +
        '(Sign-In with Ethereum).',
    ),
    walletOption(),
    burnerOption(),
  );
}

async function start(): Promise<void> {
  setStatus('Checking your session…');
  try {
    const me = await api.me();
    setStatus(me ? `Signed in as ${me.address}.` : '');
    show(me ? signedInView(me) : signInView(), false);
  } catch (error) {
    show(signInView(), false);
    showError(error);
  }
}

// Some wallets inject window.ethereum after the page has loaded; redraw the sign-in view when they do.
window.addEventListener('ethereum#initialized', () => {
  if (view.querySelector('#signin-heading')) show(signInView(), false);
}, { once: true });

void start();

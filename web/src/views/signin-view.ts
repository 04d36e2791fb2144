/** The sign-in page: an injected wallet (EIP-1193) or a burner key kept in this browser. */
import type { Api } from '../api';
import { h } from '../dom';
import { type KeyStorage, createBurnerKey, forgetBurnerKey, loadBurnerKey } from '../eth';
import { signInWithBurner, signInWithWallet } from '../signin';
import { WalletError, getInjectedProvider } from '../wallet';

export interface SignInContext {
  readonly api: Api;
  setStatus(text: string): void;
  /** A button that runs `task` with a busy state and reports its errors. */
  action(label: string, busyLabel: string, task: () => Promise<void>, extra?: Record<string, string>): HTMLButtonElement;
  /** The signature was accepted: check the session and open the app. */
  signedIn(): Promise<void>;
  /** Draw this page again (a key was forgotten). */
  redraw(): void;
}

/** localStorage, or undefined when the browser refuses it (disabled storage, some private modes). */
function keyStorage(): KeyStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function walletOption(ctx: SignInContext): HTMLElement {
  const provider = getInjectedProvider();
  const button = ctx.action('Sign in with your wallet', 'Waiting for your wallet…', async () => {
    if (!provider) throw new WalletError('No browser wallet was found.');
    await signInWithWallet(ctx.api, provider, ctx.setStatus);
    await ctx.signedIn();
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

function burnerOption(ctx: SignInContext): HTMLElement {
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
      ctx.action('Sign in with the burner key', 'Signing in…', async () => {
        await signInWithBurner(ctx.api, key, ctx.setStatus);
        await ctx.signedIn();
      }, { 'aria-describedby': 'burner-note' }),
      ctx.action('Forget this burner key', 'Forgetting…', async () => {
        if (!window.confirm(`Forget the burner key for ${key.address}? It cannot be recovered.`)) return;
        forgetBurnerKey(storage);
        ctx.setStatus('The burner key was removed from this browser.');
        ctx.redraw();
      }, { class: 'secondary' }),
    );
  } else {
    children.push(
      ctx.action('Create a burner key and sign in', 'Signing in…', async () => {
        await signInWithBurner(ctx.api, createBurnerKey(storage), ctx.setStatus);
        await ctx.signedIn();
      }, { 'aria-describedby': 'burner-note' }),
    );
  }
  return h('section', { class: 'option burner', 'aria-labelledby': 'burner-heading' }, ...children);
}

export function signInView(ctx: SignInContext): HTMLElement {
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
    walletOption(ctx),
    burnerOption(ctx),
  );
}

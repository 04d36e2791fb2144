/**
 * The injected EIP-1193 wallet (`window.ethereum`): accounts, chain id and personal_sign,
 * with the wallet's errors turned into sentences a person can act on.
 */
import { type Hex, isAddress, toChecksumAddress, utf8ToHex } from './eth';

export interface RequestArguments {
  readonly method: string;
  readonly params?: readonly unknown[] | object;
}

export interface Eip1193Provider {
  request(args: RequestArguments): Promise<unknown>;
}

declare global {
  interface Window {
    ethereum?: Eip1193Provider;
  }
}

/** A wallet failure with a message meant for the person at the keyboard. */
export class WalletError extends Error {
  readonly code: number | undefined;

  constructor(message: string, code?: number) {
    super(message);
    this.name = 'WalletError';
    this.code = code;
  }
}

const CHAIN_NAMES: Readonly<Record<number, string>> = {
  1: 'Ethereum Mainnet',
  10: 'OP Mainnet',
  137: 'Polygon',
  8453: 'Base',
  17000: 'Holesky',
  42161: 'Arbitrum One',
  11155111: 'Sepolia',
};

export function chainName(chainId: number): string {
  const name = CHAIN_NAMES[chainId];
  return name === undefined ? `chain ${chainId}` : `${name} (chain ${chainId})`;
}

export function getInjectedProvider(win: Pick<Window, 'ethereum'> = window): Eip1193Provider | undefined {
  const candidate = win.ethereum;
  return candidate && typeof candidate.request === 'function' ? candidate : undefined;
}

function describe(error: unknown): WalletError {
  if (error instanceof WalletError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'number' ? e.code : undefined;
  switch (code) {
    case 4001:
      return new WalletError('You declined the request in your wallet.', code);
    case 4100:
      return new WalletError('Your wallet has not authorised this site. Unlock it and connect this account.', code);
    case 4200:
      return new WalletError('Your wallet does not support this request.', code);
    case 4900:
    case 4901:
      return new WalletError('Your wallet is not connected to a network.', code);
    case -32002:
      return new WalletError('Your wallet already has a request waiting: open it to continue.', code);
  }
  const detail = typeof e.message === 'string' && e.message ? e.message : String(error);
  return new WalletError(`The wallet reported an error: ${detail}`, code);
}

async function request(provider: Eip1193Provider, method: string, params?: readonly unknown[]): Promise<unknown> {
  try {
    return await provider.request(params === undefined ? { method } : { method, params });
  } catch (error) {
    throw describe(error);
  }
}

/** Asks the wallet to connect; resolves to the first account in EIP-55 form. */
export async function requestAccount(provider: Eip1193Provider): Promise<string> {
  const accounts = await request(provider, 'eth_requestAccounts');
  const first: unknown = Array.isArray(accounts) ? accounts[0] : undefined;
  if (typeof first !== 'string' || !isAddress(first)) {
    throw new WalletError('Your wallet did not share an account. Unlock it and try again.');
  }
  return toChecksumAddress(first);
}

/** The wallet's current chain (eth_chainId answers a hex quantity such as "0x1"). */
export async function getChainId(provider: Eip1193Provider): Promise<number> {
  const raw = await request(provider, 'eth_chainId');
  const id = typeof raw === 'string' && /^0x[0-9a-fA-F]+$/.test(raw) ? Number.parseInt(raw, 16) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new WalletError(`Your wallet reported an invalid chain id: ${String(raw)}`);
  return id;
}

/**
 * personal_sign with params `[hexUtf8Message, address]`. Returns r || s || v; a v of 0/1
 * (some hardware wallets) is normalised to 27/28.
 */
export async function signMessage(provider: Eip1193Provider, message: string, address: string): Promise<Hex> {
  const raw = await request(provider, 'personal_sign', [utf8ToHex(message), address]);
  if (typeof raw !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(raw)) {
    throw new WalletError('Your wallet returned a signature in an unexpected format.');
  }
  const v = Number.parseInt(raw.slice(130), 16);
  return v < 27 ? `0x${raw.slice(2, 130)}${(v + 27).toString(16)}` : (raw as Hex);
}

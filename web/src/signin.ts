/**
 * The two sign-in flows, free of DOM code: fetch a nonce, build the EIP-4361 message with the
 * server's domain/uri/statement/nonce, sign it (wallet or burner key), and post it for verification.
 */
import type { Api, NonceResponse, SignedIn } from './api';
import { type BurnerKey, personalSign } from './eth';
import { buildSiweMessage } from './siwe';
import { type Eip1193Provider, WalletError, chainName, getChainId, requestAccount, signMessage } from './wallet';

export type Progress = (status: string) => void;

export function siweMessageFor(nonce: NonceResponse, address: string, chainId: number, now: Date): string {
  return buildSiweMessage({
    domain: nonce.domain,
    address,
    ...(nonce.statement === undefined ? {} : { statement: nonce.statement }),
    uri: nonce.uri,
    version: nonce.version,
    chainId,
    nonce: nonce.nonce,
    issuedAt: now.toISOString(),
    ...(nonce.expiresAt === undefined ? {} : { expirationTime: nonce.expiresAt }),
  });
}

function listChains(chainIds: readonly number[]): string {
  const names = chainIds.map(chainName);
  return names.length <= 1 ? (names[0] ?? 'no chain') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

export async function signInWithWallet(
  api: Api,
  provider: Eip1193Provider,
  progress: Progress = () => {},
  now: () => Date = () => new Date(),
): Promise<SignedIn> {
  progress('Connecting to your wallet…');
  const address = await requestAccount(provider);
  const chainId = await getChainId(provider);
  progress('Asking CallVault for a sign-in nonce…');
  const nonce = await api.getNonce();
  if (!nonce.chainIds.includes(chainId)) {
    throw new WalletError(
      `Your wallet is on ${chainName(chainId)}, but CallVault accepts sign-ins on ${listChains(nonce.chainIds)}. ` +
        'Switch network in your wallet and try again.',
    );
  }
  const message = siweMessageFor(nonce, address, chainId, now());
  progress('Approve the sign-in message in your wallet…');
  const signature = await signMessage(provider, message, address);
  progress('Checking your signature…');
  return api.verify(message, signature);
}

export async function signInWithBurner(
  api: Api,
  key: BurnerKey,
  progress: Progress = () => {},
  now: () => Date = () => new Date(),
): Promise<SignedIn> {
  progress('Asking CallVault for a sign-in nonce…');
  const nonce = await api.getNonce();
  const message = siweMessageFor(nonce, key.address, nonce.chainId, now());
  progress('Checking your signature…');
  return api.verify(message, personalSign(message, key.privateKey));
}

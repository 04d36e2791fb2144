import { describe, expect, it, vi } from 'vitest';
import { createApi } from './api';
import { fromHex, personalSign, privateKeyToAddress, recoverPersonalSigner } from './eth';
import { signInWithBurner, signInWithWallet } from './signin';
import { type Eip1193Provider, WalletError, signMessage } from './wallet';

const privateKey = fromHex('0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
const address = privateKeyToAddress(privateKey);
const now = () => new Date('2026-11-24T09:55:00.000Z');
const nonce = {
  nonce: 'a1B2c3D4e5F6g7H8',
  expiresAt: '2026-11-24T10:00:00Z',
  domain: 'localhost:8080',
  uri: 'http://localhost:8080',
  chainId: 1,
  chainIds: [1, 11155111],
  version: '1',
  statement: 'Sign in to CallVault.',
};

/** A stand-in gateway: hands out the nonce, and on verify recovers the signer like the server would. */
function fakeServer() {
  const verified: { message: string; signature: string }[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (String(input) === '/api/auth/nonce') return ok(nonce);
    const { message, signature } = JSON.parse(String(init?.body)) as { message: string; signature: string };
    verified.push({ message, signature });
    return ok({ address: recoverPersonalSigner(message, signature), roles: ['user'], token: 't', expiresAt: 'e' });
  });
  return { api: createApi({ fetch }), verified };
}

/** An injected wallet holding the test key, on the given chain. */
function fakeWallet(chainIdHex: string, v01 = false): Eip1193Provider & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async request({ method, params }) {
      calls.push(method);
      if (method === 'eth_requestAccounts') return [address.toLowerCase()];
      if (method === 'eth_chainId') return chainIdHex;
      if (method === 'personal_sign') {
        const [hexMessage, from] = params as [string, string];
        expect(from).toBe(address);
        const sig = personalSign(fromHex(hexMessage), privateKey);
        return v01 ? `${sig.slice(0, 130)}0${Number.parseInt(sig.slice(130), 16) - 27}` : sig;
      }
      throw Object.assign(new Error('unsupported'), { code: 4200 });
    },
  };
}

const expectedMessage = (chainId: number) => `localhost:8080 wants you to sign in with your Ethereum account:
${address}

Sign in to CallVault.

URI: http://localhost:8080
Version: 1
Chain ID: ${chainId}
Nonce: a1B2c3D4e5F6g7H8
Issued At: 2026-11-24T09:55:00.000Z
Expiration Time: 2026-11-24T10:00:00Z`;

describe('sign-in flows', () => {
  it('signs in with the burner key on the server chain', async () => {
    const { api, verified } = fakeServer();
    const result = await signInWithBurner(api, { privateKey, address }, undefined, now);
    expect(result.address).toBe(address);
    expect(verified[0]?.message).toBe(expectedMessage(1));
  });

  it('signs in with a wallet on an accepted chain, using the wallet chain id', async () => {
    const { api, verified } = fakeServer();
    const wallet = fakeWallet('0xaa36a7');
    const progress = vi.fn();
    const result = await signInWithWallet(api, wallet, progress, now);
    expect(result.address).toBe(address);
    expect(verified[0]?.message).toBe(expectedMessage(11155111));
    expect(wallet.calls).toEqual(['eth_requestAccounts', 'eth_chainId', 'personal_sign']);
    expect(progress).toHaveBeenCalledWith('Approve the sign-in message in your wallet…');
  });

  it('says which chains are accepted when the wallet is on another one', async () => {
    const { api, verified } = fakeServer();
    const error = await signInWithWallet(api, fakeWallet('0x89'), undefined, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect((error as Error).message).toBe(
      'Your wallet is on Polygon (chain 137), but CallVault accepts sign-ins on Ethereum Mainnet (chain 1) ' +
        'or Sepolia (chain 11155111). Switch network in your wallet and try again.',
    );
    expect(verified).toHaveLength(0);
  });

  it('normalises a wallet signature with v = 0/1 to 27/28', async () => {
    const sig = await signMessage(fakeWallet('0x1', true), 'Some data', address);
    expect(sig).toBe(
      '0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a0291c',
    );
  });

  it('puts a rejected wallet request in words', async () => {
    const wallet: Eip1193Provider = {
      request: () => Promise.reject(Object.assign(new Error('User rejected the request.'), { code: 4001 })),
    };
    const { api } = fakeServer();
    await expect(signInWithWallet(api, wallet)).rejects.toThrow('You declined the request in your wallet.');
  });
});

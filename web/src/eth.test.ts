import { describe, expect, it } from 'vitest';
import {
  BURNER_STORAGE_KEY,
  type KeyStorage,
  createBurnerKey,
  forgetBurnerKey,
  fromHex,
  hashPersonalMessage,
  isAddress,
  keccak256,
  loadBurnerKey,
  loadOrCreateBurnerKey,
  personalSign,
  privateKeyToAddress,
  recoverPersonalSigner,
  toChecksumAddress,
  toHex,
  utf8ToHex,
} from './eth';

describe('keccak256', () => {
  it('hashes the empty input to the well-known Ethereum value', () => {
    expect(toHex(keccak256(new Uint8Array()))).toBe(
      '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
  });
});

describe('EIP-55', () => {
  // The test vectors of the EIP itself: all caps, all lower, and mixed case.
  const vectors = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it.each(vectors)('checksums %s', (address) => {
    expect(toChecksumAddress(address.toLowerCase())).toBe(address);
    expect(toChecksumAddress(`0x${address.slice(2).toUpperCase()}`)).toBe(address);
    expect(toChecksumAddress(address)).toBe(address);
  });

  it('rejects a mixed-case address with a wrong checksum, and non-addresses', () => {
    expect(() => toChecksumAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toThrow(/checksum/);
    expect(isAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toBe(false);
    expect(isAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae')).toBe(false);
    expect(isAddress('5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(false);
    expect(isAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
  });
});

describe('personal_sign (EIP-191)', () => {
  // web3.js documentation vector for web3.eth.accounts.sign('Some data', privateKey).
  const privateKey = fromHex('0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318');
  const expectedSignature =
    '0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd' +
    '6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a029' +
    '1c';

  it('derives the address of the private key', () => {
    expect(privateKeyToAddress(privateKey)).toBe('0x2c7536E3605D9C16a7a3D7b1898e529396a65c23');
  });

  it('hashes with the "\\x19Ethereum Signed Message:\\n" + length prefix', () => {
    expect(toHex(hashPersonalMessage('Some data'))).toBe(
      '0x1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655',
    );
  });

  it('signs "Some data" as r || s || v with v = 27 + recovery', () => {
    expect(personalSign('Some data', privateKey)).toBe(expectedSignature);
  });

  it('recovers the signer from the signature, with v as 27/28 or 0/1', () => {
    expect(recoverPersonalSigner('Some data', expectedSignature)).toBe('0x2c7536E3605D9C16a7a3D7b1898e529396a65c23');
    const v01 = `${expectedSignature.slice(0, 130)}01`;
    expect(recoverPersonalSigner('Some data', v01)).toBe('0x2c7536E3605D9C16a7a3D7b1898e529396a65c23');
    expect(recoverPersonalSigner('Some data!', expectedSignature)).not.toBe('0x2c7536E3605D9C16a7a3D7b1898e529396a65c23');
  });

  it('counts the byte length of UTF-8, not string length, in the prefix', () => {
    const message = 'CallVault — 通話';
    const signature = personalSign(message, privateKey);
    expect(recoverPersonalSigner(message, signature)).toBe(privateKeyToAddress(privateKey));
    expect(utf8ToHex('é')).toBe('0xc3a9');
  });
});

describe('burner key storage', () => {
  function memoryStorage(): KeyStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
  }

  it('creates, reloads and forgets a key', () => {
    const storage = memoryStorage();
    expect(loadBurnerKey(storage)).toBeNull();
    const created = loadOrCreateBurnerKey(storage);
    expect(isAddress(created.address)).toBe(true);
    expect(storage.data.get(BURNER_STORAGE_KEY)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(loadOrCreateBurnerKey(storage).address).toBe(created.address);
    const signature = personalSign('hello', created.privateKey);
    expect(recoverPersonalSigner('hello', signature)).toBe(created.address);
    forgetBurnerKey(storage);
    expect(loadBurnerKey(storage)).toBeNull();
    expect(createBurnerKey(storage).address).not.toBe(created.address);
  });

  it('ignores something stored that is not a valid key', () => {
    const storage = memoryStorage();
    storage.setItem(BURNER_STORAGE_KEY, 'not a key');
    expect(loadBurnerKey(storage)).toBeNull();
    storage.setItem(BURNER_STORAGE_KEY, `0x${'00'.repeat(32)}`);
    expect(loadBurnerKey(storage)).toBeNull();
  });
});

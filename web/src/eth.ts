/**
 * Ethereum primitives the sign-in page needs, and nothing more:
 * keccak-256, EIP-55 addresses, EIP-191 personal_sign, and the burner key kept in this browser.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export type Hex = `0x${string}`;

const ADDRESS_RE = /^0x[0-9a-fA-F]{40}$/;
const HEX_RE = /^(0x)?([0-9a-fA-F]{2})*$/;

export function keccak256(data: Uint8Array): Uint8Array {
  return keccak_256(data);
}

export function toHex(bytes: Uint8Array): Hex {
  return `0x${bytesToHex(bytes)}`;
}

/** Parses hex with or without a 0x prefix; throws on odd length or non-hex characters. */
export function fromHex(hex: string): Uint8Array {
  if (!HEX_RE.test(hex)) throw new Error('Not a hex string of whole bytes.');
  return hexToBytes(hex.startsWith('0x') ? hex.slice(2) : hex);
}

/** The `0x`-prefixed hex of a string's UTF-8 bytes, as `personal_sign` expects its message. */
export function utf8ToHex(text: string): Hex {
  return toHex(utf8ToBytes(text));
}

/**
 * EIP-55 mixed-case checksum encoding of an address.
 * Accepts all-lowercase or all-uppercase hex; mixed-case input must already carry a valid checksum.
 */
export function toChecksumAddress(address: string): string {
  if (!ADDRESS_RE.test(address)) throw new Error(`Not an Ethereum address: ${address}`);
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(utf8ToBytes(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const byte = hash[i >> 1] ?? 0;
    const nibble = i % 2 === 0 ? byte >> 4 : byte & 0x0f;
    const ch = lower.charAt(i);
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  const body = address.slice(2);
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && out !== address) throw new Error(`Bad EIP-55 checksum: ${address}`);
  return out;
}

/** True for a 20-byte hex address whose case is either uniform or a valid EIP-55 checksum. */
export function isAddress(value: string): boolean {
  try {
    toChecksumAddress(value);
    return true;
  } catch {
    return false;
  }
}

/** Address of an uncompressed (65-byte, 0x04-prefixed) or compressed (33-byte) secp256k1 public key. */
export function publicKeyToAddress(publicKey: Uint8Array): string {
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  const hash = keccak_256(uncompressed.subarray(1));
  return toChecksumAddress(toHex(hash.subarray(12)));
}

export function privateKeyToAddress(privateKey: Uint8Array): string {
  return publicKeyToAddress(secp256k1.getPublicKey(privateKey, false));
}

export function generatePrivateKey(): Uint8Array {
  return secp256k1.utils.randomSecretKey();
}

/** EIP-191 version 0x45 hash: keccak256("\x19Ethereum Signed Message:\n" + byteLength + message). */
export function hashPersonalMessage(message: string | Uint8Array): Uint8Array {
  const bytes = typeof message === 'string' ? utf8ToBytes(message) : message;
  const prefix = utf8ToBytes(`\x19Ethereum Signed Message:\n${bytes.length}`);
  return keccak_256(concatBytes(prefix, bytes));
}

/** personal_sign: 65-byte signature r || s || v with v = 27 + recovery id (low-s, RFC 6979 k). */
export function personalSign(message: string | Uint8Array, privateKey: Uint8Array): Hex {
  const digest = hashPersonalMessage(message);
  // 'recovered' format is recovery || r || s; Ethereum puts v last and offsets it by 27.
  const sig = secp256k1.sign(digest, privateKey, { prehash: false, lowS: true, format: 'recovered' });
  const recovery = sig[0] ?? 0;
  return toHex(concatBytes(sig.subarray(1), Uint8Array.of(27 + recovery)));
}

/** The EIP-55 address that produced a personal_sign signature (v may be 27/28 or 0/1). */
export function recoverPersonalSigner(message: string | Uint8Array, signature: string): string {
  const sig = fromHex(signature);
  if (sig.length !== 65) throw new Error('A signature is 65 bytes: r || s || v.');
  const v = sig[64] ?? 0;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) throw new Error(`Unsupported signature v value: ${v}`);
  const recovered = concatBytes(Uint8Array.of(recovery), sig.subarray(0, 64));
  const publicKey = secp256k1.recoverPublicKey(recovered, hashPersonalMessage(message), { prehash: false });
  return publicKeyToAddress(publicKey);
}

// --- Burner key: a throwaway secp256k1 key kept in this browser's localStorage. Not a wallet. ---

export const BURNER_STORAGE_KEY = 'callvault.burner-key.v1';

export interface BurnerKey {
  readonly privateKey: Uint8Array;
  readonly address: string;
}

export type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function burnerFromHex(hex: string): BurnerKey | null {
  try {
    const privateKey = fromHex(hex);
    if (!secp256k1.utils.isValidSecretKey(privateKey)) return null;
    return { privateKey, address: privateKeyToAddress(privateKey) };
  } catch {
    return null;
  }
}

/** The stored burner key, or null when there is none (or what is stored is not a valid key). */
export function loadBurnerKey(storage: KeyStorage): BurnerKey | null {
  const stored = storage.getItem(BURNER_STORAGE_KEY);
  return stored === null ? null : burnerFromHex(stored);
}

/** Creates a fresh burner key and stores it, replacing any earlier one. */
export function createBurnerKey(storage: KeyStorage): BurnerKey {
  const privateKey = generatePrivateKey();
  storage.setItem(BURNER_STORAGE_KEY, toHex(privateKey));
  return { privateKey, address: privateKeyToAddress(privateKey) };
}

export function loadOrCreateBurnerKey(storage: KeyStorage): BurnerKey {
  return loadBurnerKey(storage) ?? createBurnerKey(storage);
}

export function forgetBurnerKey(storage: KeyStorage): void {
  storage.removeItem(BURNER_STORAGE_KEY);
}

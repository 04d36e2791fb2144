/**
 * EIP-4361 (Sign-In with Ethereum) message builder.
 *
 * Produces exactly the ABNF layout of the EIP: header, address, a blank line, the optional
 * statement followed by a blank line, then the `Key: value` fields in their fixed order.
 * Without a statement the address is followed by two blank lines, as the ABNF requires.
 */
import { toChecksumAddress } from './eth';

export interface SiweFields {
  /** RFC 3986 authority the sign-in is for, e.g. `localhost:8080` (from the nonce endpoint). */
  domain: string;
  /** Optional URI scheme shown before the domain (`https` → `https://example.com wants you…`). */
  scheme?: string;
  /** The signer; any case is accepted and the message carries the EIP-55 form. */
  address: string;
  /** Human-readable assertion; a single line without `\n`. */
  statement?: string;
  uri: string;
  /** Always `1` for this EIP. */
  version?: string;
  chainId: number;
  /** At least 8 alphanumeric characters. */
  nonce: string;
  /** RFC 3339 date-time. */
  issuedAt: string;
  expirationTime?: string;
  notBefore?: string;
  requestId?: string;
  resources?: readonly string[];
}

const NONCE_RE = /^[A-Za-z0-9]{8,}$/;
const DOMAIN_RE = /^[^\s/?#@]+$/;
const SCHEME_RE = /^[A-Za-z][A-Za-z0-9+.-]*$/;

function singleLine(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`SIWE ${name} must be a single line.`);
  return value;
}

export function buildSiweMessage(fields: SiweFields): string {
  const version = fields.version ?? '1';
  if (version !== '1') throw new Error(`Unsupported SIWE version: ${version}`);
  if (!DOMAIN_RE.test(fields.domain)) throw new Error(`Invalid SIWE domain: ${fields.domain}`);
  if (fields.scheme !== undefined && !SCHEME_RE.test(fields.scheme)) {
    throw new Error(`Invalid SIWE scheme: ${fields.scheme}`);
  }
  if (!NONCE_RE.test(fields.nonce)) throw new Error('SIWE nonce must be at least 8 letters or digits.');
  if (!Number.isSafeInteger(fields.chainId) || fields.chainId < 1) {
    throw new Error(`Invalid chain id: ${fields.chainId}`);
  }

  const origin = fields.scheme === undefined ? fields.domain : `${fields.scheme}://${fields.domain}`;
  const lines = [`${origin} wants you to sign in with your Ethereum account:`, toChecksumAddress(fields.address), ''];
  if (fields.statement !== undefined) lines.push(singleLine('statement', fields.statement));
  lines.push(
    '',
    `URI: ${singleLine('URI', fields.uri)}`,
    `Version: ${version}`,
    `Chain ID: ${fields.chainId}`,
    `Nonce: ${fields.nonce}`,
    `Issued At: ${singleLine('Issued At', fields.issuedAt)}`,
  );
  if (fields.expirationTime !== undefined) {
    lines.push(`Expiration Time: ${singleLine('Expiration Time', fields.expirationTime)}`);
  }
  if (fields.notBefore !== undefined) lines.push(`Not Before: ${singleLine('Not Before', fields.notBefore)}`);
  if (fields.requestId !== undefined) lines.push(`Request ID: ${singleLine('Request ID', fields.requestId)}`);
  if (fields.resources !== undefined && fields.resources.length > 0) {
    lines.push('Resources:', ...fields.resources.map((r) => `- ${singleLine('resource', r)}`));
  }
  return lines.join('\n');
}

/**
 * New call ids, `call:<uuid v7>` (RFC 9562): 48 bits of Unix milliseconds, then random bits. The client names its
 * call so a retried invite is the same call, and time order makes the server's glare rule (lower id wins) favour
 * the earlier invite.
 */
export function newCallId(now: number = Date.now(), random: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(16);
  random(bytes);
  let millis = Math.floor(now);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `call:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A push service for the browser tests: headless Chromium cannot subscribe at a real one, so the spec gives the page
 * a stand-in subscription whose endpoint is this server. It takes what the gateway pushes (RFC 8030), decrypts it with
 * the stand-in's private key (RFC 8291, aes128gcm) and hands the JSON to the spec, which delivers it to the service
 * worker through the DevTools protocol, as the browser's push service would.
 */
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly payload: Record<string, unknown>;
}

/** The browser's side of a subscription: its endpoint and keys (`PushSubscription.toJSON()`), and the private key. */
export interface StandInDevice {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

function hkdf(salt: Buffer, ikm: Buffer, info: Buffer, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/** RFC 8291 §3–4 with RFC 8188's aes128gcm header, one record (what a push carries). */
export function decrypt(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const uaPublic = uaPrivate.getPublicKey();
  const secret = uaPrivate.computeSecret(asPublic);
  const ikm = hkdf(auth, secret, Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]), 32);
  const key = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('not the last record of an aes128gcm body');
  return padded.subarray(0, end);
}

export class LocalPushService {
  private readonly keys = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  private readonly received: ReceivedPush[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly server: Server) {
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const device = this.keys.get(request.url ?? '');
        if (request.method !== 'POST' || !device) {
          response.writeHead(404).end();
          return;
        }
        try {
          const plain = decrypt(Buffer.concat(chunks), device.ecdh, device.auth);
          this.received.push({ path: request.url ?? '', headers: request.headers, payload: JSON.parse(plain.toString('utf8')) as Record<string, unknown> });
          response.writeHead(201, { Location: `${request.url}/messages/${this.received.length}` }).end();
        } catch (error) {
          console.error('push that does not decrypt', error);
          response.writeHead(400).end();
        }
        this.waiters.forEach((wake) => wake());
      });
    });
  }

  static async start(): Promise<LocalPushService> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new LocalPushService(server);
  }

  /** A new browser subscription at this service. */
  device(name: string): StandInDevice {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const path = `/push/${name}`;
    this.keys.set(path, { ecdh, auth });
    const { port } = this.server.address() as AddressInfo;
    return { endpoint: `http://127.0.0.1:${port}${path}`, p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) };
  }

  /** Waits for the next push to `device` that `matches`, not counting those already taken. */
  async next(device: StandInDevice, matches: (payload: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<ReceivedPush> {
    const path = new URL(device.endpoint).pathname;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex((push) => push.path === path && matches(push.payload));
      if (index >= 0) return this.received.splice(index, 1)[0] as ReceivedPush;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no push to ${path} within ${timeoutMs} ms (got: ${JSON.stringify(this.received.map((p) => p.payload))})`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

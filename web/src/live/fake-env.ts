/** A fake socket and clock for the connection's tests: time moves only when the test says so. */
import type { LiveEnvironment, SocketLike } from './connection';

export class FakeSocket implements SocketLike {
  readyState = 0;
  readonly sent: Record<string, unknown>[] = [];
  closedWith: { code?: number; reason?: string } | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
    this.readyState = 3;
  }

  /** The server's side. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(frame: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  drop(code = 1006, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  lastSent(): Record<string, unknown> {
    const frame = this.sent.at(-1);
    if (!frame) throw new Error('nothing was sent');
    return frame;
  }
}

export class FakeEnvironment implements LiveEnvironment {
  readonly sockets: FakeSocket[] = [];
  time = 0;
  randomValue = 0.5;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextTimer = 0;

  openSocket(url: string): FakeSocket {
    const socket = new FakeSocket(url);
    this.sockets.push(socket);
    return socket;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.nextTimer;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  random(): number {
    return this.randomValue;
  }

  now(): number {
    return this.time;
  }

  /** Moves the clock, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = until;
  }

  get socket(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
}

export const HELLO = {
  type: 'hello',
  address: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  sessionId: 's-1',
  device: 'tab-1',
  heartbeatSeconds: 25,
  protocolVersion: 1,
};

/**
 * The one WebSocket of this tab (`/ws?device=<id>`): connects, reads `hello`, matches answers to requests
 * by `id`, checks the connection with `ping` between the server's heartbeats, and reconnects with backoff
 * and jitter whenever it is lost. What happens on a (re)connect (listing conversations, `sync`) is the
 * owner's business: it is told through {@link LiveConnection.onOpen}.
 *
 * Time, randomness and the socket itself are injected, so the whole policy runs under test with a fake
 * socket and a fake clock (connection.test.ts).
 */
import { type ClientFrame, CloseCode, type ServerError, type ServerFrame, type ServerSynced, parseServerFrame } from '../protocol';
import { type BackoffPolicy, DEFAULT_BACKOFF, backoffDelay } from './backoff';

/** The part of the browser's WebSocket this module uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface LiveEnvironment {
  openSocket(url: string): SocketLike;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
  now(): number;
}

export interface Hello {
  address: string;
  sessionId: string;
  device: string | undefined;
  heartbeatSeconds: number;
}

export type LiveState =
  | { readonly kind: 'connecting'; readonly attempt: number }
  | { readonly kind: 'open'; readonly hello: Hello }
  | { readonly kind: 'waiting'; readonly attempt: number; readonly retryAt: number; readonly reason: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'signed-out'; readonly reason: string }
  | { readonly kind: 'stopped' };

/** A refused or unanswered request: `code` is the server's error code, or one of this module's own. */
export class LiveError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'LiveError';
    this.code = code;
  }
}

/** A frame whose `type` this client does not type here (the call frames, newer frames): passed on as is. */
export type OtherFrame = Readonly<Record<string, unknown>> & { readonly type: string };

export interface LiveOptions {
  url: string;
  env: LiveEnvironment;
  backoff?: BackoffPolicy;
  /** How long a request may wait for its answer. */
  requestTimeoutMs?: number;
  /** After a socket closed before `hello`: is the session still good? `false` stops reconnecting. */
  checkSession?: () => Promise<boolean>;
}

type AnyRequest = { type: string; id?: string } & Record<string, unknown>;
type Pending = {
  resolve: (frame: ServerFrame | OtherFrame) => void;
  reject: (error: Error) => void;
  timer: unknown;
  /** For `sync`: the `error` frames that carry its id come before its `synced`. */
  notes?: ServerError[];
};

const OPEN = 1;
const PING_TIMEOUT_MS = 10_000;

export type SyncResult = { synced: ServerSynced; errors: ServerError[] };

export class LiveConnection {
  private socket: SocketLike | undefined;
  private stateNow: LiveState = { kind: 'stopped' };
  private attempt = 0;
  private retryTimer: unknown;
  private heartbeatTimer: unknown;
  private nextId = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly otherListeners = new Set<(frame: OtherFrame) => void>();
  private readonly stateListeners = new Set<(state: LiveState) => void>();
  private readonly openListeners = new Set<(hello: Hello) => void>();
  private readonly backoff: BackoffPolicy;
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: LiveOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  get state(): LiveState {
    return this.stateNow;
  }

  start(): void {
    if (this.stateNow.kind === 'stopped' || this.stateNow.kind === 'signed-out') this.connect(0);
  }

  stop(): void {
    this.clearTimers();
    this.dropSocket(1000, 'signed out');
    this.setState({ kind: 'stopped' });
  }

  /** The browser lost or found its network (`offline` / `online` events). */
  networkChanged(online: boolean): void {
    if (this.stateNow.kind === 'stopped' || this.stateNow.kind === 'signed-out') return;
    if (!online) {
      this.clearTimers();
      this.dropSocket(1000, 'offline');
      this.failPending('offline', 'You are offline.');
      this.setState({ kind: 'offline' });
    } else if (this.stateNow.kind !== 'open' && this.stateNow.kind !== 'connecting') {
      this.clearTimers();
      this.connect(0);
    }
  }

  /** Skips the wait before the next attempt (a "Reconnect now" button). */
  reconnectNow(): void {
    if (this.stateNow.kind === 'waiting' || this.stateNow.kind === 'offline') {
      this.clearTimers();
      this.connect(0);
    }
  }

  onFrame(listener: (frame: ServerFrame) => void): () => void {
    return subscribe(this.frameListeners, listener);
  }

  onOtherFrame(listener: (frame: OtherFrame) => void): () => void {
    return subscribe(this.otherListeners, listener);
  }

  onState(listener: (state: LiveState) => void): () => void {
    return subscribe(this.stateListeners, listener);
  }

  /** Called after every `hello`: the first connect and every reconnect. */
  onOpen(listener: (hello: Hello) => void): () => void {
    return subscribe(this.openListeners, listener);
  }

  /** Sends a frame that has no answer (`typing`); false when the socket is not open. */
  send(frame: ClientFrame | AnyRequest): boolean {
    if (this.stateNow.kind !== 'open' || this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends a request with a fresh `id` and answers the frame that answers it; an `error` frame rejects. */
  request(frame: AnyRequest): Promise<ServerFrame | OtherFrame> {
    const id = `r${++this.nextId}`;
    return new Promise((resolve, reject) => {
      if (!this.send({ ...frame, id })) {
        reject(new LiveError('not-connected', 'Not connected to the server right now.'));
        return;
      }
      const timer = this.options.env.setTimeout(() => {
        this.pending.delete(id);
        reject(new LiveError('timeout', 'The server did not answer in time.'));
      }, this.requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer, ...(frame.type === 'sync' ? { notes: [] } : {}) });
    });
  }

  /** `sync` with the position held per conversation; resolves at `synced`, with the errors that came before it. */
  async sync(conversations: Record<string, number>): Promise<SyncResult> {
    const { notes, ...synced } = (await this.request({ type: 'sync', conversations })) as ServerSynced & { notes?: ServerError[] };
    return { synced, errors: notes ?? [] };
  }

  private connect(attempt: number): void {
    this.attempt = attempt;
    this.setState({ kind: 'connecting', attempt });
    let socket: SocketLike;
    try {
      socket = this.options.env.openSocket(this.options.url);
    } catch {
      this.lost('The connection could not be opened.', false);
      return;
    }
    this.socket = socket;
    let greeted = false;
    socket.onmessage = (event) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      this.armHeartbeat();
      const frame = this.read(event.data);
      if (frame?.type === 'hello' && !greeted) {
        greeted = true;
        this.attempt = 0;
        this.greet(frame as unknown as Record<string, unknown>);
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.closed(event.code, event.reason, greeted);
    };
    socket.onerror = () => {
      // a close event always follows; it carries what little the browser tells
    };
  }

  private greet(raw: Record<string, unknown>): void {
    const hello: Hello = {
      address: String(raw.address),
      sessionId: String(raw.sessionId),
      device: typeof raw.device === 'string' ? raw.device : undefined,
      heartbeatSeconds: typeof raw.heartbeatSeconds === 'number' ? raw.heartbeatSeconds : 25,
    };
    this.setState({ kind: 'open', hello });
    this.armHeartbeat();
    this.openListeners.forEach((listener) => listener(hello));
  }

  private read(text: string): ServerFrame | OtherFrame | null {
    const frame = parseServerFrame(text);
    if (frame) {
      if (!this.answer(frame)) this.frameListeners.forEach((listener) => listener(frame));
      return frame;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof raw !== 'object' || raw === null || typeof (raw as OtherFrame).type !== 'string') return null;
    const other = raw as OtherFrame;
    if (!this.answer(other)) this.otherListeners.forEach((listener) => listener(other));
    return other;
  }

  /** Settles the request a frame answers; true when it was an answer (acks, synced, pong, errors with an id). */
  private answer(frame: ServerFrame | OtherFrame): boolean {
    const id = 'id' in frame && typeof frame.id === 'string' ? frame.id : undefined;
    const waiting = id === undefined ? undefined : this.pending.get(id);
    if (!waiting || id === undefined) return false;
    if (frame.type === 'error' && waiting.notes) {
      waiting.notes.push(frame as ServerError);
      this.frameListeners.forEach((listener) => listener(frame as ServerError));
      return true;
    }
    this.pending.delete(id);
    this.options.env.clearTimeout(waiting.timer);
    if (frame.type === 'error') {
      const error = frame as ServerError;
      waiting.reject(new LiveError(error.code, error.message));
    } else {
      waiting.resolve(waiting.notes ? { ...frame, notes: waiting.notes } : frame);
    }
    return true;
  }

  /** Pings when nothing was heard for a heartbeat; anything heard is a sign of life, silence after the ping is death. */
  private armHeartbeat(): void {
    if (this.stateNow.kind !== 'open') return;
    this.options.env.clearTimeout(this.heartbeatTimer);
    const every = this.stateNow.hello.heartbeatSeconds * 1000;
    this.heartbeatTimer = this.options.env.setTimeout(() => {
      this.send({ type: 'ping', id: `ping${++this.nextId}` });
      this.heartbeatTimer = this.options.env.setTimeout(() => {
        const socket = this.socket;
        if (!socket) return;
        this.socket = undefined;
        socket.close(4000, 'no pong');
        this.closed(1006, 'no answer to ping', true);
      }, PING_TIMEOUT_MS);
    }, every);
  }

  private closed(code: number, reason: string, greeted: boolean): void {
    this.clearTimers();
    this.failPending('connection-lost', 'The connection to the server was lost.');
    if (this.stateNow.kind === 'stopped' || this.stateNow.kind === 'offline') return;
    if (code === CloseCode.PolicyViolation && reason === 'not signed in') {
      this.setState({ kind: 'signed-out', reason: 'Your session has ended. Sign in again.' });
      return;
    }
    this.lost(describeClose(code, reason), !greeted);
  }

  private lost(reason: string, beforeHello: boolean): void {
    const check = beforeHello && this.attempt > 0 ? this.options.checkSession : undefined;
    if (check) {
      check().then(
        (ok) => (ok ? this.scheduleRetry(reason) : this.setState({ kind: 'signed-out', reason: 'Your session has ended. Sign in again.' })),
        () => this.scheduleRetry(reason),
      );
      return;
    }
    this.scheduleRetry(reason);
  }

  private scheduleRetry(reason: string): void {
    if (this.stateNow.kind === 'stopped' || this.stateNow.kind === 'offline') return;
    const delay = backoffDelay(this.attempt, this.options.env.random(), this.backoff);
    const attempt = this.attempt + 1;
    this.setState({ kind: 'waiting', attempt, retryAt: this.options.env.now() + delay, reason });
    this.retryTimer = this.options.env.setTimeout(() => this.connect(attempt), delay);
  }

  private failPending(code: string, message: string): void {
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      this.options.env.clearTimeout(waiting.timer);
      waiting.reject(new LiveError(code, message));
    }
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(code, reason);
  }

  private clearTimers(): void {
    this.options.env.clearTimeout(this.retryTimer);
    this.options.env.clearTimeout(this.heartbeatTimer);
  }

  private setState(state: LiveState): void {
    this.stateNow = state;
    this.stateListeners.forEach((listener) => listener(state));
  }
}

function subscribe<T>(set: Set<T>, item: T): () => void {
  set.add(item);
  return () => set.delete(item);
}

/** The close in words, for the connection banner. */
export function describeClose(code: number, reason: string): string {
  switch (code) {
    case CloseCode.NoHeartbeat:
      return 'The server heard nothing from this tab for a while.';
    case CloseCode.InternalError:
      return 'The server lost this connection’s live feed.';
    case CloseCode.TooSlow:
      return 'This tab could not keep up with the server.';
    case CloseCode.MessageTooBig:
      return 'A message was too large for the connection.';
    case CloseCode.PolicyViolation:
      return reason ? `The server closed the connection: ${reason}.` : 'The server refused the connection.';
    default:
      return reason ? `The connection was lost (${reason}).` : 'The connection to the server was lost.';
  }
}

/**
 * The media layer of one call: local media, one RTCPeerConnection, and the signaling it needs. Nothing else in
 * the client touches RTCPeerConnection. Negotiation follows the "perfect negotiation" pattern: the caller is the
 * impolite peer and makes the first offer (early, while it rings: the server holds it for the device that
 * answers); the callee is polite, answers that offer before it adds its own tracks, and yields on a collision.
 * Renegotiation (audio → video) and ICE restarts are ordinary offers afterwards.
 *
 * ICE: when the connection fails (or stays disconnected), the caller fetches fresh TURN credentials and restarts
 * ICE, up to {@link MAX_RESTARTS} times; then the call is reported failed with the candidate types gathered.
 * TURN credentials are refreshed before they expire. Quality is sampled from getStats every few seconds.
 */
import type { CandidateType, Media, Transport } from './machine';
import { type QualitySample, QualityMeter } from './quality';

export const MAX_RESTARTS = 2;
/** How long a `disconnected` connection may stay so before the caller restarts ICE. */
export const DISCONNECTED_GRACE_MS = 4_000;
export const QUALITY_EVERY_MS = 5_000;

export interface IceConfig {
  readonly iceServers: RTCIceServer[];
  /** Seconds the credentials live. */
  readonly ttl: number;
}

/** A relayed `call.signal`, as sent and received (minus `type`, `callId`, `from`). */
export interface Signal {
  readonly kind: 'offer' | 'answer' | 'candidate' | 'end-of-candidates';
  readonly sdp?: string;
  readonly candidate?: string;
  readonly sdpMid?: string | null;
  readonly sdpMLineIndex?: number | null;
  readonly usernameFragment?: string | null;
}

export type MediaEvent =
  | { type: 'local-stream'; stream: MediaStream }
  | { type: 'remote-stream'; stream: MediaStream }
  | { type: 'connected'; timeToConnectMs: number; local: CandidateType; remote: CandidateType; protocol: Transport }
  | { type: 'disconnected' }
  | { type: 'failed'; gathered: CandidateType[] }
  | { type: 'quality'; sample: QualitySample };

export interface MediaOptions {
  readonly role: 'offerer' | 'answerer';
  readonly media: Media;
  /** Fetches ICE servers with fresh credentials (`GET /api/ice-servers`). */
  readonly iceConfig: () => Promise<IceConfig>;
  /** `relay` forces TURN (a setting for networks that block direct media, and for tests). */
  readonly iceTransportPolicy?: RTCIceTransportPolicy;
  readonly sendSignal: (signal: Signal) => void;
  readonly onEvent: (event: MediaEvent) => void;
  readonly getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  readonly now?: () => number;
}

export class MediaSession {
  private readonly options: MediaOptions;
  private readonly now: () => number;
  private pc: RTCPeerConnection | undefined;
  private local: MediaStream | undefined;
  private readonly remote = new MediaStream();
  private readonly gathered = new Set<CandidateType>();
  private readonly quality = new QualityMeter();
  /** Signals are applied one after the other, and only once the connection exists. */
  private queue: Promise<void> = Promise.resolve();
  private makingOffer = false;
  private ignoreOffer = false;
  /** The answerer makes no offer of its own before the caller's first offer is answered. */
  private negotiated: boolean;
  private startedAt = 0;
  private everConnected = false;
  private restarts = 0;
  private closed = false;
  /** Settles when start() has opened the connection (with it), or when the session closes first (undefined). */
  private readonly opened: Promise<RTCPeerConnection | undefined>;
  private settleOpened: (pc: RTCPeerConnection | undefined) => void = () => undefined;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private disconnectedTimer: ReturnType<typeof setTimeout> | undefined;
  private qualityTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: MediaOptions) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.negotiated = options.role === 'offerer';
    this.opened = new Promise((resolve) => (this.settleOpened = resolve));
  }

  /** Gets the camera/microphone and opens the connection; the offerer's first offer follows by itself. */
  async start(): Promise<void> {
    this.startedAt = this.now();
    const getUserMedia = this.options.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c));
    const [stream, config] = await Promise.all([
      getUserMedia({ audio: true, video: this.options.media === 'video' }),
      this.options.iceConfig(),
    ]);
    if (this.closed) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.local = stream;
    this.options.onEvent({ type: 'local-stream', stream });
    this.pc = this.open(config);
    this.scheduleRefresh(config.ttl);
    if (this.options.role === 'offerer') stream.getTracks().forEach((track) => this.pc?.addTrack(track, stream));
    this.settleOpened(this.pc);
  }

  /** A signal from the other participant. */
  receive(signal: Signal): void {
    this.queue = this.queue.then(() => this.apply(signal)).catch((error: unknown) => {
      console.warn('A call signal could not be applied', error);
    });
  }

  setMicrophone(on: boolean): void {
    this.local?.getAudioTracks().forEach((t) => (t.enabled = on));
  }

  setCamera(on: boolean): void {
    this.local?.getVideoTracks().forEach((t) => (t.enabled = on));
  }

  hasVideo(): boolean {
    return (this.local?.getVideoTracks().length ?? 0) > 0;
  }

  /** Adds the camera to an audio call; the new offer goes out by itself (renegotiation). */
  async addVideo(): Promise<void> {
    if (!this.pc || !this.local || this.hasVideo()) return;
    const getUserMedia = this.options.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c));
    const camera = await getUserMedia({ video: true });
    const [track] = camera.getVideoTracks();
    if (!track || this.closed) return;
    this.local.addTrack(track);
    this.pc.addTrack(track, this.local);
    this.options.onEvent({ type: 'local-stream', stream: this.local });
  }

  /** After a network change: the caller restarts ICE at once rather than waiting for a failure. */
  networkChanged(): void {
    if (this.options.role === 'offerer' && this.pc && this.everConnected) void this.restartIce();
  }

  close(): void {
    this.closed = true;
    this.settleOpened(undefined);
    this.timers.forEach(clearTimeout);
    clearTimeout(this.disconnectedTimer);
    clearInterval(this.qualityTimer);
    this.local?.getTracks().forEach((t) => t.stop());
    this.pc?.close();
  }

  private open(config: IceConfig): RTCPeerConnection {
    const pc = new RTCPeerConnection({
      iceServers: config.iceServers,
      ...(this.options.iceTransportPolicy === undefined ? {} : { iceTransportPolicy: this.options.iceTransportPolicy }),
    });
    pc.onnegotiationneeded = () => void this.offer();
    pc.onicecandidate = ({ candidate }) => {
      if (candidate === null) {
        this.options.sendSignal({ kind: 'end-of-candidates' });
        return;
      }
      if (candidate.type) this.gathered.add(candidate.type as CandidateType);
      this.options.sendSignal({ kind: 'candidate', candidate: candidate.candidate, sdpMid: candidate.sdpMid,
        sdpMLineIndex: candidate.sdpMLineIndex, usernameFragment: candidate.usernameFragment });
    };
    pc.ontrack = ({ track }) => {
      this.remote.addTrack(track);
      this.options.onEvent({ type: 'remote-stream', stream: this.remote });
    };
    pc.onconnectionstatechange = () => void this.onConnectionState(pc.connectionState);
    return pc;
  }

  private async offer(): Promise<void> {
    const pc = this.pc;
    if (!pc || !this.negotiated || this.closed) return;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (pc.localDescription) this.options.sendSignal({ kind: 'offer', sdp: pc.localDescription.sdp });
    } finally {
      this.makingOffer = false;
    }
  }

  private async apply(signal: Signal): Promise<void> {
    const pc = await this.ready();
    if (!pc) return;
    if (signal.kind === 'candidate' || signal.kind === 'end-of-candidates') {
      try {
        await pc.addIceCandidate(signal.kind === 'candidate'
          ? { candidate: signal.candidate ?? '', sdpMid: signal.sdpMid ?? null, sdpMLineIndex: signal.sdpMLineIndex ?? null,
              usernameFragment: signal.usernameFragment ?? null }
          : undefined);
      } catch (error) {
        if (!this.ignoreOffer) throw error;
      }
      return;
    }
    const polite = this.options.role === 'answerer';
    const collision = signal.kind === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
    this.ignoreOffer = !polite && collision;
    if (this.ignoreOffer) return;
    await pc.setRemoteDescription({ type: signal.kind, sdp: signal.sdp ?? '' });
    if (signal.kind === 'offer') {
      if (!this.negotiated && this.local) {
        // the callee's tracks join the transceivers the caller's offer made
        for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
      }
      await pc.setLocalDescription();
      if (pc.localDescription) this.options.sendSignal({ kind: 'answer', sdp: pc.localDescription.sdp });
      this.negotiated = true;
    }
  }

  /** The connection once start() made it (signals may arrive while the camera is still being opened). */
  private async ready(): Promise<RTCPeerConnection | undefined> {
    const pc = await this.opened;
    return this.closed ? undefined : pc;
  }

  private async onConnectionState(state: RTCPeerConnectionState): Promise<void> {
    if (this.closed || !this.pc) return;
    clearTimeout(this.disconnectedTimer);
    if (state === 'connected') {
      const pair = await selectedPair(this.pc);
      this.everConnected = true;
      this.restarts = 0;
      this.options.onEvent({ type: 'connected', timeToConnectMs: Math.round(this.now() - this.startedAt), ...pair });
      if (this.qualityTimer === undefined) this.qualityTimer = setInterval(() => void this.sampleQuality(), QUALITY_EVERY_MS);
    } else if (state === 'disconnected') {
      this.options.onEvent({ type: 'disconnected' });
      this.disconnectedTimer = setTimeout(() => void this.restartIce(), DISCONNECTED_GRACE_MS);
    } else if (state === 'failed') {
      this.options.onEvent({ type: 'disconnected' });
      await this.restartIce();
    }
  }

  /** The caller restarts ICE with fresh TURN credentials; after too many tries (or on the callee's side, too long) it fails. */
  private async restartIce(): Promise<void> {
    const pc = this.pc;
    if (!pc || this.closed || pc.connectionState === 'connected') return;
    if (this.restarts >= MAX_RESTARTS) {
      this.options.onEvent({ type: 'failed', gathered: [...this.gathered].sort() });
      return;
    }
    this.restarts += 1;
    if (this.options.role === 'offerer') {
      const config = await this.options.iceConfig();
      pc.setConfiguration({ ...pc.getConfiguration(), iceServers: config.iceServers });
      pc.restartIce();
    }
    // the callee waits for the caller's restart offer; if nothing recovers, it gives up as well
    this.disconnectedTimer = setTimeout(() => void this.restartIce(), DISCONNECTED_GRACE_MS * 3);
  }

  /** TURN credentials expire: fetch fresh ones at half their life, so an ICE restart always has valid ones. */
  private scheduleRefresh(ttlSeconds: number): void {
    const timer = setTimeout(() => {
      void this.options.iceConfig().then((config) => {
        if (this.closed || !this.pc) return;
        this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers: config.iceServers });
        this.scheduleRefresh(config.ttl);
      }).catch(() => this.scheduleRefresh(60));
    }, Math.max(30, ttlSeconds / 2) * 1000);
    this.timers.push(timer);
  }

  private async sampleQuality(): Promise<void> {
    if (!this.pc || this.closed) return;
    const sample = this.quality.sample(await this.pc.getStats(), this.now());
    if (sample) this.options.onEvent({ type: 'quality', sample });
  }
}

/** The selected candidate pair's types and transport (the relay's own transport when relayed). */
export async function selectedPair(pc: RTCPeerConnection): Promise<{ local: CandidateType; remote: CandidateType; protocol: Transport }> {
  const stats = await pc.getStats();
  let pairId: string | undefined;
  stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
    if (report.type === 'transport' && report.selectedCandidatePairId) pairId = report.selectedCandidatePairId;
  });
  const pair = pairId === undefined ? findNominated(stats) : (stats.get(pairId) as RTCIceCandidatePairStats | undefined);
  const local = pair ? (stats.get(pair.localCandidateId) as CandidateStats | undefined) : undefined;
  const remote = pair ? (stats.get(pair.remoteCandidateId) as CandidateStats | undefined) : undefined;
  const localType = asCandidateType(local?.candidateType);
  const protocol = localType === 'relay' ? asTransport(local?.relayProtocol) : asTransport(local?.protocol);
  return { local: localType, remote: asCandidateType(remote?.candidateType), protocol };
}

interface CandidateStats {
  candidateType?: string;
  protocol?: string;
  relayProtocol?: string;
}

function findNominated(stats: RTCStatsReport): RTCIceCandidatePairStats | undefined {
  let found: RTCIceCandidatePairStats | undefined;
  stats.forEach((report: RTCIceCandidatePairStats) => {
    if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') found = report;
  });
  return found;
}

function asCandidateType(value: string | undefined): CandidateType {
  return value === 'srflx' || value === 'prflx' || value === 'relay' ? value : 'host';
}

function asTransport(value: string | undefined): Transport {
  return value === 'tcp' || value === 'tls' ? value : 'udp';
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DISCONNECTED_GRACE_MS, type IceConfig, MAX_RESTARTS, MediaSession, type MediaEvent, type Signal } from './rtc';

/** The part of RTCPeerConnection MediaSession uses, recording what it is asked to do. */
class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  readonly configurations: RTCConfiguration[] = [];
  readonly tracks: string[] = [];
  readonly remote: RTCSessionDescriptionInit[] = [];
  readonly candidates: (RTCIceCandidateInit | undefined)[] = [];
  restarts = 0;
  connectionState: RTCPeerConnectionState = 'new';
  signalingState: RTCSignalingState = 'stable';
  localDescription: { type: string; sdp: string } | null = null;
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: ((event: { candidate: unknown }) => void) | null = null;
  ontrack: ((event: { track: unknown }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  closed = false;

  constructor(configuration: RTCConfiguration) {
    this.configurations.push(configuration);
    FakePeerConnection.made.push(this);
  }

  addTrack(track: { kind: string }): void {
    this.tracks.push(track.kind);
  }

  async setLocalDescription(): Promise<void> {
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.localDescription = { type, sdp: `${type}-sdp` };
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.remote.push(description);
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }

  async addIceCandidate(candidate?: RTCIceCandidateInit): Promise<void> {
    this.candidates.push(candidate);
  }

  getConfiguration(): RTCConfiguration {
    return this.configurations[this.configurations.length - 1] ?? {};
  }

  setConfiguration(configuration: RTCConfiguration): void {
    this.configurations.push(configuration);
  }

  restartIce(): void {
    this.restarts += 1;
  }

  async getStats(): Promise<Map<string, unknown>> {
    return new Map<string, unknown>([
      ['t', { type: 'transport', selectedCandidatePairId: 'p' }],
      ['p', { type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r', nominated: true, state: 'succeeded' }],
      ['l', { type: 'local-candidate', candidateType: 'relay', relayProtocol: 'tcp' }],
      ['r', { type: 'remote-candidate', candidateType: 'srflx' }],
    ]);
  }

  close(): void {
    this.closed = true;
  }

  /** The browser's side: the connection changes state. */
  become(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
}

class FakeStream {
  private readonly tracks: { kind: string; enabled: boolean; stop: () => void }[];
  constructor(kinds: string[] = []) {
    this.tracks = kinds.map((kind) => ({ kind, enabled: true, stop: () => undefined }));
  }
  getTracks() {
    return this.tracks;
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  addTrack(track: { kind: string; enabled: boolean; stop: () => void }) {
    this.tracks.push(track);
  }
}

const config = (n: number): IceConfig => ({ iceServers: [{ urls: 'turn:turn.example:3478', username: `u${n}`, credential: `c${n}` }], ttl: 600 });

function session(role: 'offerer' | 'answerer', policy?: RTCIceTransportPolicy) {
  const signals: Signal[] = [];
  const events: MediaEvent[] = [];
  let fetched = 0;
  const media = new MediaSession({
    role,
    media: 'video',
    iceConfig: async () => config(++fetched),
    ...(policy === undefined ? {} : { iceTransportPolicy: policy }),
    sendSignal: (signal) => signals.push(signal),
    onEvent: (event) => events.push(event),
    getUserMedia: async (constraints) => new FakeStream(constraints.video ? ['audio', 'video'] : ['audio']) as unknown as MediaStream,
    now: () => 0,
  });
  return { media, signals, events, fetched: () => fetched, pc: () => FakePeerConnection.made[FakePeerConnection.made.length - 1] as FakePeerConnection };
}

beforeEach(() => {
  FakePeerConnection.made = [];
  vi.useFakeTimers();
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('MediaStream', FakeStream);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the media session', () => {
  it('opens with the fetched ICE servers and policy, adds the camera and microphone, and offers', async () => {
    const { media, signals, pc } = session('offerer', 'relay');
    await media.start();
    expect(pc().configurations[0]).toEqual({ iceServers: config(1).iceServers, iceTransportPolicy: 'relay' });
    expect(pc().tracks).toEqual(['audio', 'video']);
    pc().onnegotiationneeded?.();
    await vi.waitFor(() => expect(signals).toContainEqual({ kind: 'offer', sdp: 'offer-sdp' }));
    media.receive({ kind: 'answer', sdp: 'their-answer' });
    await vi.waitFor(() => expect(pc().remote).toEqual([{ type: 'answer', sdp: 'their-answer' }]));
  });

  it('applies an offer and candidates that came before its camera opened, then answers with its own tracks', async () => {
    const { media, signals, pc } = session('answerer');
    media.receive({ kind: 'offer', sdp: 'their-offer' });
    media.receive({ kind: 'candidate', candidate: 'candidate:1 1 udp 1 192.0.2.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    await media.start();
    await vi.waitFor(() => expect(signals).toContainEqual({ kind: 'answer', sdp: 'answer-sdp' }));
    expect(pc().remote).toEqual([{ type: 'offer', sdp: 'their-offer' }]);
    expect(pc().tracks).toEqual(['audio', 'video']);
    expect(pc().candidates).toHaveLength(1);
  });

  it('reports the selected pair when connected', async () => {
    const { media, events, pc } = session('offerer');
    await media.start();
    pc().become('connected');
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'connected', timeToConnectMs: 0, local: 'relay', remote: 'srflx', protocol: 'tcp' }));
  });

  it('restarts ICE with fresh TURN credentials when the connection fails, and gives up after the last restart', async () => {
    const { media, events, fetched, pc } = session('offerer');
    await media.start();
    const connection = pc();
    connection.become('failed');
    await vi.waitFor(() => expect(connection.restarts).toBe(1));
    expect(fetched()).toBe(2);
    expect(connection.getConfiguration().iceServers).toEqual(config(2).iceServers);

    for (let restart = 2; restart <= MAX_RESTARTS; restart++) {
      await vi.advanceTimersByTimeAsync(DISCONNECTED_GRACE_MS * 3);
      await vi.waitFor(() => expect(connection.restarts).toBe(restart));
    }
    await vi.advanceTimersByTimeAsync(DISCONNECTED_GRACE_MS * 3);
    await vi.waitFor(() => expect(events.some((e) => e.type === 'failed')).toBe(true));
    expect(connection.restarts).toBe(MAX_RESTARTS);
  });

  it('restarts ICE when a connection stays disconnected, but not when it recovers by itself', async () => {
    const { media, pc } = session('offerer');
    await media.start();
    const connection = pc();
    connection.become('connected');
    connection.become('disconnected');
    connection.become('connected');
    await vi.advanceTimersByTimeAsync(DISCONNECTED_GRACE_MS + 100);
    expect(connection.restarts).toBe(0);

    connection.become('disconnected');
    await vi.advanceTimersByTimeAsync(DISCONNECTED_GRACE_MS + 100);
    await vi.waitFor(() => expect(connection.restarts).toBe(1));
  });

  it('refreshes the TURN credentials at half their lifetime', async () => {
    const { media, fetched, pc } = session('offerer');
    await media.start();
    expect(fetched()).toBe(1);
    await vi.advanceTimersByTimeAsync(300_000);
    await vi.waitFor(() => expect(fetched()).toBe(2));
    expect(pc().getConfiguration().iceServers).toEqual(config(2).iceServers);
  });

  it('stops everything on close and applies nothing afterwards', async () => {
    const { media, pc, fetched } = session('answerer');
    await media.start();
    media.close();
    expect(pc().closed).toBe(true);
    media.receive({ kind: 'offer', sdp: 'late' });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(pc().remote).toEqual([]);
    expect(fetched()).toBe(1);
  });
});

/**
 * Runs the calls of one tab: feeds the server's `call.*` frames, the user's actions and the media layer's reports
 * into the state machine, and carries out its effects (frames, media, ringtone). The view only reads
 * {@link CallView} and calls the action methods.
 */
import { type CallEvent, type CallState, type Effect, IDLE, type Media, isLive, next } from './machine';
import { type QualitySample, bars } from './quality';
import { type IceConfig, MediaSession, type Signal } from './rtc';
import type { Ringtone } from './ringtone';

/** The tab's socket, as calls need it. */
export interface CallTransport {
  /** This socket's device id (from `hello`). */
  device(): string;
  send(frame: Record<string, unknown>): void;
  /** Every frame from the server; answers a function that stops listening. */
  onFrame(listener: (frame: { readonly type: string } & Record<string, unknown>) => void): () => void;
}

export interface CallOptions {
  readonly transport: CallTransport;
  readonly iceConfig: () => Promise<IceConfig>;
  readonly ringtone?: Ringtone;
  /** Asked when a call's media starts: `relay` forces TURN (the "Relay calls" setting). */
  readonly iceTransportPolicy?: () => RTCIceTransportPolicy;
  readonly newCallId: () => string;
  readonly now?: () => number;
}

/** Everything the call screen shows. */
export interface CallView {
  readonly state: CallState;
  readonly localStream?: MediaStream;
  readonly remoteStream?: MediaStream;
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  readonly hasVideo: boolean;
  /** 0–4, from the last quality sample. */
  readonly bars?: number;
  /** The server's MOS estimate of the last sample, and whether it is poor. */
  readonly mos?: number;
  readonly poor?: boolean;
}

export class CallController {
  private readonly options: CallOptions;
  private state: CallState = IDLE;
  private media: MediaSession | undefined;
  /** Signals for the current call that came before its media session (the held offer comes with the accept). */
  private early: Signal[] = [];
  private view: CallView = { state: IDLE, microphoneOn: true, cameraOn: true, hasVideo: false };
  private readonly listeners = new Set<(view: CallView) => void>();
  private requests = 0;
  private readonly stopListening: () => void;
  private readonly onOnline = () => this.media?.networkChanged();

  constructor(options: CallOptions) {
    this.options = options;
    this.stopListening = options.transport.onFrame((frame) => this.onFrame(frame));
    window.addEventListener('online', this.onOnline);
  }

  current(): CallView {
    return this.view;
  }

  subscribe(listener: (view: CallView) => void): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  dial(peer: string, media: Media): void {
    this.dispatch({ type: 'dial', peer, media, requestId: this.requestId(), callId: this.options.newCallId() });
  }

  accept(): void {
    this.dispatch({ type: 'accept', requestId: this.requestId() });
  }

  decline(): void {
    this.dispatch({ type: 'decline', requestId: this.requestId() });
  }

  hangUp(): void {
    this.dispatch({ type: 'hangup', requestId: this.requestId() });
  }

  dismiss(): void {
    this.dispatch({ type: 'dismiss' });
  }

  isBusy(): boolean {
    return isLive(this.state);
  }

  toggleMicrophone(): void {
    this.media?.setMicrophone(!this.view.microphoneOn);
    this.update({ microphoneOn: !this.view.microphoneOn });
  }

  toggleCamera(): void {
    this.media?.setCamera(!this.view.cameraOn);
    this.update({ cameraOn: !this.view.cameraOn });
  }

  /** Audio → video: adds the camera; the peer gets a renegotiation offer. */
  async addVideo(): Promise<void> {
    await this.media?.addVideo();
    this.update({ hasVideo: this.media?.hasVideo() ?? false, cameraOn: true });
  }

  close(): void {
    if (isLive(this.state)) this.hangUp();
    this.stopListening();
    window.removeEventListener('online', this.onOnline);
    this.stopMedia();
  }

  private onFrame(frame: { readonly type: string } & Record<string, unknown>): void {
    if (frame.type === 'call.signal') {
      this.onSignal(frame);
    } else if (frame.type === 'call.scored') {
      if (frame.callId === this.state.callId) this.update({ mos: Number(frame.mos), poor: frame.poor === true });
    } else if (frame.type.startsWith('call.') || (frame.type === 'error' && frame.id !== undefined && frame.id === this.state.pending)) {
      this.dispatch(frame as unknown as CallEvent);
    }
  }

  private onSignal(frame: Record<string, unknown>): void {
    if (frame.callId !== this.state.callId) return;
    const signal = frame as unknown as Signal;
    if (this.media) this.media.receive(signal);
    else this.early.push(signal);
  }

  private dispatch(event: CallEvent): void {
    const previous = this.state;
    const step = next(this.state, event, this.options.transport.device());
    this.state = step.state;
    if (step.state.callId !== previous.callId) this.early = [];
    step.effects.forEach((effect) => this.run(effect));
    this.update({});
  }

  private run(effect: Effect): void {
    switch (effect.kind) {
      case 'send':
        this.options.transport.send(effect.frame);
        break;
      case 'ring':
        if (effect.on) this.options.ringtone?.start();
        else this.options.ringtone?.stop();
        break;
      case 'start-media':
        this.startMedia(effect.role, effect.callId, effect.media);
        break;
      case 'stop-media':
        this.stopMedia();
        break;
      case 'report-connected':
        this.options.transport.send({ type: 'call.connected', id: this.requestId(), callId: effect.callId,
          timeToConnectMs: effect.timeToConnectMs, localCandidateType: effect.local, remoteCandidateType: effect.remote,
          protocol: effect.protocol });
        break;
      case 'report-ice-failed':
        this.options.transport.send({ type: 'call.ice-failed', id: this.requestId(), callId: effect.callId, gatheredCandidateTypes: effect.gathered });
        break;
    }
  }

  private startMedia(role: 'offerer' | 'answerer', callId: string, media: Media): void {
    this.stopMedia();
    const now = this.options.now ?? (() => Date.now());
    const policy = this.options.iceTransportPolicy?.();
    const session = new MediaSession({
      role,
      media,
      iceConfig: this.options.iceConfig,
      ...(policy === undefined ? {} : { iceTransportPolicy: policy }),
      sendSignal: (signal) => this.options.transport.send({ type: 'call.signal', callId, ...withoutNulls(signal) }),
      onEvent: (event) => {
        if (this.media !== session) return;
        switch (event.type) {
          case 'local-stream':
            this.update({ localStream: event.stream, hasVideo: session.hasVideo() });
            break;
          case 'remote-stream':
            this.update({ remoteStream: event.stream });
            break;
          case 'connected':
            this.dispatch({ type: 'media-connected', atMs: now(), timeToConnectMs: event.timeToConnectMs, local: event.local,
              remote: event.remote, protocol: event.protocol });
            break;
          case 'disconnected':
            this.dispatch({ type: 'media-disconnected' });
            break;
          case 'failed':
            this.dispatch({ type: 'media-failed', gathered: event.gathered });
            break;
          case 'quality':
            this.reportQuality(callId, event.sample);
            break;
        }
      },
    });
    this.media = session;
    this.early.splice(0).forEach((signal) => session.receive(signal));
    session.start().catch((error: unknown) => {
      // no camera or microphone (refused, or none): the call cannot go on
      console.warn('Could not start the call media', error);
      if (this.media === session) this.hangUp();
    });
  }

  private stopMedia(): void {
    this.media?.close();
    this.media = undefined;
    this.update({ microphoneOn: true, cameraOn: true, hasVideo: false, localStream: undefined, remoteStream: undefined,
      bars: undefined, mos: undefined, poor: undefined });
  }

  private reportQuality(callId: string, sample: QualitySample): void {
    this.update({ bars: bars(sample) });
    this.options.transport.send({ type: 'call.quality', id: this.requestId(), callId, ...sample });
  }

  private update(change: { [K in keyof CallView]?: CallView[K] | undefined }): void {
    const merged: Record<string, unknown> = { ...this.view, ...change, state: this.state };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    this.view = merged as unknown as CallView;
    this.listeners.forEach((listener) => listener(this.view));
  }

  private requestId(): string {
    this.requests += 1;
    return `call-${this.requests}`;
  }
}

function withoutNulls(signal: Signal): Record<string, unknown> {
  return Object.fromEntries(Object.entries(signal).filter(([, value]) => value !== null && value !== undefined));
}

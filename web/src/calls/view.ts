/**
 * The call screen: an incoming-call alert, the call in progress (videos, state in words, timer, quality bars,
 * direct or relayed, mute / camera / add video / hang up) and how it ended. It renders {@link CallView}s from
 * the controller and calls its actions; it never touches WebRTC itself.
 */
import { h } from '../dom';
import type { CallController, CallView } from './controller';
import { describe, timer } from './words';

/** Mounts the call screen into `host` (shown only while there is a call); answers a function that unmounts it. */
export function mountCallScreen(host: HTMLElement, calls: CallController): () => void {
  const remoteVideo = h('video', { class: 'remote-video', autoplay: true, playsinline: true, 'aria-label': 'Their video' });
  const localVideo = h('video', { class: 'local-video', autoplay: true, playsinline: true, 'aria-label': 'Your video' });
  localVideo.muted = true;
  const heading = h('h2', { id: 'call-heading', tabindex: '-1' });
  const status = h('p', { class: 'call-status', role: 'status', 'aria-live': 'polite' });
  const clock = h('span', { class: 'call-timer', 'aria-label': 'Call time' });
  const quality = h('span', { class: 'call-quality' });
  const route = h('span', { class: 'call-route' });
  const controls = h('div', { class: 'call-controls' });
  const panel = h('section', { class: 'call-panel', 'aria-labelledby': 'call-heading', hidden: true },
    heading, status, h('p', { class: 'call-meta' }, clock, quality, route),
    h('div', { class: 'call-videos' }, remoteVideo, localVideo), controls);
  host.append(panel);

  let lastPhase = '';
  const render = (view: CallView) => {
    const { state } = view;
    panel.hidden = state.phase === 'idle';
    panel.dataset.phase = state.phase;
    heading.textContent = state.phase === 'incoming' ? `${short(state.peer)} is calling` : `Call with ${short(state.peer)}`;
    status.textContent = describe(state);
    clock.textContent = timer(state.connectedAt, Date.now());
    quality.replaceChildren(...qualityBars(view));
    route.textContent = state.relayed === undefined ? '' : state.relayed ? 'Relayed (TURN)' : 'Direct';
    attach(remoteVideo, view.remoteStream);
    attach(localVideo, view.localStream);
    localVideo.hidden = !view.hasVideo;
    if (state.phase !== lastPhase) {
      controls.replaceChildren(...buttons(view, calls));
      if (state.phase === 'incoming' || lastPhase === 'idle') heading.focus();
      lastPhase = state.phase;
    } else {
      syncToggles(controls, view);
    }
  };
  const unsubscribe = calls.subscribe(render);
  const tick = setInterval(() => render(calls.current()), 1_000);
  return () => {
    unsubscribe();
    clearInterval(tick);
    panel.remove();
  };
}

function buttons(view: CallView, calls: CallController): HTMLElement[] {
  const button = (label: string, onClick: () => void, attrs: Record<string, string> = {}) =>
    h('button', { type: 'button', ...attrs, onclick: () => onClick() }, label);
  switch (view.state.phase) {
    case 'incoming':
      return [button('Accept', () => calls.accept(), { class: 'accept' }), button('Decline', () => calls.decline(), { class: 'danger' })];
    case 'placing':
    case 'ringing':
      return [button('Cancel', () => calls.hangUp(), { class: 'danger' })];
    case 'accepting':
    case 'connecting':
    case 'connected':
    case 'reconnecting':
      return [
        button(view.microphoneOn ? 'Mute' : 'Unmute', () => calls.toggleMicrophone(), { 'data-toggle': 'microphone', 'aria-pressed': String(!view.microphoneOn) }),
        button(view.cameraOn ? 'Camera off' : 'Camera on', () => calls.toggleCamera(), { 'data-toggle': 'camera', 'aria-pressed': String(!view.cameraOn) }),
        button('Add video', () => void calls.addVideo(), { 'data-toggle': 'add-video' }),
        button('Hang up', () => calls.hangUp(), { class: 'danger' }),
      ];
    case 'ended':
      return [button('Close', () => calls.dismiss())];
    case 'idle':
      return [];
  }
}

/** Updates the toggle buttons' labels in place, so focus stays where it is. */
function syncToggles(controls: HTMLElement, view: CallView): void {
  for (const el of controls.querySelectorAll<HTMLButtonElement>('button[data-toggle]')) {
    switch (el.dataset.toggle) {
      case 'microphone':
        el.textContent = view.microphoneOn ? 'Mute' : 'Unmute';
        el.setAttribute('aria-pressed', String(!view.microphoneOn));
        break;
      case 'camera':
        el.textContent = view.cameraOn ? 'Camera off' : 'Camera on';
        el.setAttribute('aria-pressed', String(!view.cameraOn));
        el.hidden = !view.hasVideo;
        break;
      case 'add-video':
        el.hidden = view.hasVideo || view.state.phase !== 'connected';
        break;
    }
  }
}

function qualityBars(view: CallView): Node[] {
  if (view.bars === undefined) return [];
  const label = `Quality: ${view.bars} of 4 bars${view.poor ? ' (poor)' : ''}`;
  const bars = [1, 2, 3, 4].map((n) => h('span', { class: n <= (view.bars ?? 0) ? 'bar on' : 'bar' }));
  return [h('span', { class: 'bars', role: 'img', 'aria-label': label, 'data-bars': String(view.bars) }, ...bars)];
}

function attach(video: HTMLVideoElement, stream: MediaStream | undefined): void {
  if (video.srcObject !== (stream ?? null)) video.srcObject = stream ?? null;
}

function short(address: string | undefined): string {
  return address === undefined ? 'someone' : `${address.slice(0, 6)}…${address.slice(-4)}`;
}

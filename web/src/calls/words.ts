/** What a person reads about a call: its state and why it ended, in words. */
import type { CallState, EndReason } from './machine';

const ENDED: Record<EndReason, (state: CallState) => string> = {
  hangup: (s) => (s.endedBy !== undefined && s.peer !== undefined && s.endedBy.toLowerCase() === s.peer.toLowerCase() ? 'They hung up' : 'Call ended'),
  declined: (s) => (s.direction === 'outgoing' ? 'Declined' : 'You declined the call'),
  cancelled: (s) => (s.direction === 'incoming' ? 'Missed call' : 'Call cancelled'),
  busy: () => 'Busy: they are on another call',
  'no-answer': (s) => (s.direction === 'incoming' ? 'Missed call' : 'No answer'),
  'peer-offline': (s) => (s.pushSent ? 'They are offline; a notification was sent' : 'They are offline'),
  'ice-failed-before-connecting': () => 'Could not connect: the network blocked the call',
  'ice-failed-after-connecting': () => 'The connection failed',
  'connection-lost': () => 'Connection lost',
  'answered-elsewhere': () => 'Answered on another device',
  'glare-replaced': () => 'You called each other: joining their call',
  'insufficient-funds': () => 'Call ended: not enough funds',
};

/** One line for the call screen. */
export function describe(state: CallState): string {
  switch (state.phase) {
    case 'idle':
      return '';
    case 'placing':
      return 'Calling…';
    case 'ringing':
      return state.pushSent ? 'Ringing… (they are offline; a notification was sent)' : 'Ringing…';
    case 'incoming':
      return state.media === 'video' ? 'Incoming video call' : 'Incoming call';
    case 'accepting':
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return state.peerAway ? 'Reconnecting: they lost their connection' : 'Reconnecting…';
    case 'ended':
      if (state.error !== undefined) return state.error;
      return state.endReason === undefined ? 'Call ended' : ENDED[state.endReason](state);
  }
}

/** `m:ss` (or `h:mm:ss`) since media connected. */
export function timer(connectedAt: number | undefined, now: number): string {
  if (connectedAt === undefined) return '';
  const seconds = Math.max(0, Math.floor((now - connectedAt) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

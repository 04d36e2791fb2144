/**
 * Plugs calls into the app (see app/extensions.ts): one {@link CallController} per tab on the tab's live
 * connection, the call screen in the shell's overlay, "Audio call" / "Video call" in each conversation's header,
 * and the "Relay calls" setting. Imported once by main.ts; the chat knows nothing of calls.
 */
import { registerCalls } from '../app/extensions';
import { h } from '../dom';
import type { LiveConnection } from '../live/connection';
import { CallController, type CallTransport } from './controller';
import { fetchIceConfig } from './ice';
import { onPushAction } from '../push';
import { newCallId } from './ids';
import { NotificationActions } from './notification-actions';
import { Ringtone } from './ringtone';
import { relayOnly, setRelayOnly } from './settings';
import { mountCallScreen } from './view';

interface Mounted {
  readonly calls: CallController;
  readonly unmountScreen: () => void;
  readonly ringtone: Ringtone;
  readonly stopPushActions: () => void;
}

let mounted: Mounted | undefined;
/** Every call button on screen, so they are disabled while a call is under way. */
const callButtons = new Set<HTMLButtonElement>();

/** The tab's socket as the controller needs it: every frame that is not an answer to the chat's own requests. */
export function transportOf(live: LiveConnection, device: string): CallTransport {
  return {
    device: () => (live.state.kind === 'open' ? (live.state.hello.device ?? device) : device),
    send: (frame) => void live.send(frame as { type: string }),
    onFrame: (listener) => {
      const stops = [
        live.onFrame((frame) => listener(frame as unknown as { type: string } & Record<string, unknown>)),
        live.onOtherFrame((frame) => listener(frame)),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
}

function syncButtons(): void {
  const busy = mounted?.calls.isBusy() ?? true;
  for (const button of callButtons) {
    if (!button.isConnected) callButtons.delete(button);
    else button.disabled = busy;
  }
}

registerCalls({
  mount({ live, overlay, device }) {
    const ringtone = new Ringtone();
    ringtone.unlockOnGesture();
    const calls = new CallController({
      transport: transportOf(live, device),
      iceConfig: fetchIceConfig,
      ringtone,
      iceTransportPolicy: () => (relayOnly() ? 'relay' : 'all'),
      newCallId: () => newCallId(),
    });
    const unmountScreen = mountCallScreen(overlay, calls);
    // "Answer" / "Decline" on an incoming-call notification (the service worker, push/)
    const fromNotifications = new NotificationActions((action) => (action === 'accept' ? calls.accept() : calls.decline()));
    calls.subscribe((view) => {
      syncButtons();
      fromNotifications.changed(view.state);
    });
    const stopPushActions = onPushAction((event) => fromNotifications.chosen(event, calls.current().state));
    mounted = { calls, unmountScreen, ringtone, stopPushActions };
  },

  conversationActions(peer) {
    const button = (media: 'audio' | 'video', label: string) => {
      const el = h('button', { type: 'button', class: `secondary call-${media}`, 'data-call': media }, label);
      el.addEventListener('click', () => mounted?.calls.dial(peer, media));
      callButtons.add(el);
      return el;
    };
    const group = h('div', { class: 'call-buttons', role: 'group', 'aria-label': 'Call' }, button('audio', 'Audio call'), button('video', 'Video call'));
    queueMicrotask(syncButtons);
    return group;
  },

  settings() {
    const box = h('input', { type: 'checkbox', id: 'relay-only' });
    box.checked = relayOnly();
    box.addEventListener('change', () => setRelayOnly(box.checked));
    return h('label', { class: 'setting', for: 'relay-only', title: 'Calls go through the TURN relay, so the other person never learns your IP address (a little more delay).' },
      box, ' Relay calls (hide my IP)');
  },

  unmount() {
    mounted?.stopPushActions();
    mounted?.ringtone.stop();
    mounted?.unmountScreen();
    mounted?.calls.close();
    mounted = undefined;
    callButtons.clear();
  },
});

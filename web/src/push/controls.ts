/**
 * "Enable notifications" in the app's header: shows whether this device gets pushes and turns them on or off.
 * Permission is asked only when the button is pressed.
 */
import { h } from '../dom';
import type { PushState, PushSubscriptions } from './subscription';

function describe(state: PushState): { text: string; button: string | null } {
  switch (state.kind) {
    case 'unsupported':
    case 'unavailable':
      return { text: '', button: null };
    case 'blocked':
      return { text: 'Notifications are blocked for this site in the browser’s settings.', button: null };
    case 'off':
      return { text: '', button: 'Enable notifications' };
    case 'on':
      return { text: 'Notifications on.', button: 'Turn off' };
  }
}

export function pushControlsView(push: Pick<PushSubscriptions, 'check' | 'enable' | 'disable'>, report: (error: unknown) => void): HTMLElement {
  const text = h('span', { class: 'push-state' });
  const button = h('button', { type: 'button', class: 'link' });
  const element = h('div', { class: 'push-settings', 'data-push': 'checking', hidden: true }, text, button);
  let state: PushState | undefined;

  const show = (next: PushState) => {
    state = next;
    const words = describe(next);
    element.dataset.push = next.kind;
    element.hidden = words.text === '' && words.button === null;
    text.textContent = words.text;
    button.hidden = words.button === null;
    button.textContent = words.button ?? '';
    button.title = next.kind === 'on' || next.kind === 'off' ? devicesText(next.otherDevices) : '';
  };

  button.addEventListener('click', () => {
    if (state === undefined || button.disabled) return;
    button.disabled = true;
    (state.kind === 'on' ? push.disable() : push.enable())
      .then(show, (error: unknown) => {
        report(error);
        return push.check().then(show, () => undefined);
      })
      .finally(() => (button.disabled = false));
  });
  // a server or browser that cannot tell leaves the control hidden; the chat works without it
  push.check().then(show, () => undefined);
  return element;
}

function devicesText(others: number): string {
  if (others === 0) return 'No other device of yours gets notifications.';
  return others === 1 ? '1 other device of yours gets notifications.' : `${others} other devices of yours get notifications.`;
}

/**
 * "Answer" / "Decline" chosen on an incoming-call notification (push/onPushAction) for a call this tab may not know
 * yet: a page opened by the notification learns of the ringing call only once its socket is up (`call.incoming`).
 * The action is kept until this tab shows that call ringing, then carried out once; one that finds no such call
 * within {@link ACTION_KEPT_MS} (the call ended, or rang out) is dropped.
 */
import type { CallState } from './machine';

export const ACTION_KEPT_MS = 60_000;

export interface NotificationAction {
  readonly action: 'accept' | 'decline';
  readonly callId: string;
}

export class NotificationActions {
  private pending: (NotificationAction & { readonly until: number }) | undefined;

  constructor(
    private readonly perform: (action: NotificationAction['action']) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** An action from a notification; carried out at once if the call rings here already. */
  chosen(action: NotificationAction, state: CallState): void {
    this.pending = { ...action, until: this.now() + ACTION_KEPT_MS };
    this.changed(state);
  }

  /** The tab's call changed: the kept action applies if its call now rings here. */
  changed(state: CallState): void {
    const pending = this.pending;
    if (pending === undefined) return;
    if (this.now() > pending.until) {
      this.pending = undefined;
      return;
    }
    if (state.phase === 'incoming' && state.callId === pending.callId) {
      this.pending = undefined;
      this.perform(pending.action);
    }
  }
}

/**
 * Web Push in the page: the header control that turns notifications on for this device, what the calls UI
 * listens to ({@link onPushAction}), and what signing out does. The service worker itself is sw.ts.
 */
import { createPushApi } from './push-api';
import { type PushActionListener, type PushBridge, createPushBridge } from './bridge';
import { browserBridge, browserPush, serviceWorker } from './browser';
import { pushControlsView } from './controls';
import { PushSubscriptions, forgetThisDevice } from './subscription';

export type { PushAction } from './contract';
export type { PushActionEvent, PushActionListener } from './bridge';

let bridge: PushBridge | undefined;

function startBridge(): PushBridge {
  bridge ??= createPushBridge(browserBridge);
  return bridge;
}

/**
 * "Answer"/"Decline" chosen on an incoming-call notification, for the call `callId`. An action taken before this
 * page listened is delivered to the first listener; it may come before the call's `call.incoming` frame.
 */
export function onPushAction(listener: PushActionListener): () => void {
  return startBridge().onPushAction(listener);
}

export interface PushControlsOptions {
  readonly csrfToken: () => string | undefined;
  readonly report: (error: unknown) => void;
}

/** The header control for the signed-in `me`; also registers the service worker and listens to it. */
export function pushControls(me: string, options: PushControlsOptions): HTMLElement {
  startBridge();
  if (browserPush.supported()) serviceWorker().catch((error: unknown) => console.warn('The service worker did not register:', error));
  return pushControlsView(new PushSubscriptions(me, createPushApi({ csrfToken: options.csrfToken }), browserPush), options.report);
}

/** Before signing out: this device stops getting the user's pushes (best effort; sign-out goes on regardless). */
export async function forgetPushOnSignOut(csrfToken: () => string | undefined): Promise<void> {
  await forgetThisDevice(createPushApi({ csrfToken }), browserPush, true).catch(() => undefined);
}

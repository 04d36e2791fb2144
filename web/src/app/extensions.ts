/**
 * Where the calls part of the client plugs into the app without the chat knowing about calls: a module
 * registers one {@link CallsExtension} before the app starts (e.g. `import './calls/register'` in main.ts).
 * The shell gives it the live connection and an overlay to draw incoming and running calls in; each
 * conversation header asks it for its controls (a "Call" button).
 */
import type { LiveConnection } from '../live/connection';

export interface CallsContext {
  /** This tab's socket: `request` for call.* requests, `onFrame` for call.* frames (they reach every listener). */
  readonly live: LiveConnection;
  /** The signed-in address. */
  readonly me: string;
  /** This tab's device id (`/ws?device=`): the server tells devices apart by it. */
  readonly device: string;
  /** An element above the app, for the incoming-call prompt and the call screen; empty until used. */
  readonly overlay: HTMLElement;
}

export interface CallsExtension {
  /** Called once, after sign-in, when the socket is being opened. */
  mount(context: CallsContext): void;
  /** Controls for the header of the conversation with `peer`; null for none. */
  conversationActions(peer: string, conversationId: string): Node | null;
  /** Controls for the app's settings area (e.g. "Relay calls"); null for none. */
  settings?(): Node | null;
  /** Called on sign-out: end calls, release the camera and microphone. */
  unmount?(): void;
}

let registered: CallsExtension | undefined;

export function registerCalls(extension: CallsExtension): void {
  registered = extension;
}

export function callsExtension(): CallsExtension | undefined {
  return registered;
}

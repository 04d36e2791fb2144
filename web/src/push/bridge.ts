/**
 * The page's end of the service worker contract (contract.ts): "Answer"/"Decline" on an incoming-call notification
 * reach the page as {@link PushActionEvent}s, whether a window was open (a message from the worker) or opened for it
 * (`?callAction=…&callId=…`, removed from the address once read). A click on a message notification shows its
 * conversation.
 *
 * An action can come before anyone listens (the page is still starting): it waits for the first listener. It can
 * also come before the socket has told the page about the call (`call.incoming`): listeners keep it until then.
 */
import { type PushAction, isPageMessage, takeCallAction } from './contract';

export interface PushActionEvent {
  readonly action: PushAction;
  readonly callId: string;
}

export type PushActionListener = (event: PushActionEvent) => void;

/** What the bridge needs from the page (browser.ts gives the real one). */
export interface BridgeEnvironment {
  /** Calls `handler` with the data of every message the service worker posts to this page. */
  listen(handler: (data: unknown) => void): void;
  href(): string;
  /** Changes the address without a navigation. */
  replaceUrl(url: string): void;
  /** Routes the app to a conversation. */
  openConversation(conversationId: string): void;
}

export interface PushBridge {
  /** Calls `listener` with each action chosen on a call notification; answers a function that stops listening. */
  onPushAction(listener: PushActionListener): () => void;
}

export function createPushBridge(env: BridgeEnvironment): PushBridge {
  const listeners = new Set<PushActionListener>();
  const waiting: PushActionEvent[] = [];
  const deliver = (event: PushActionEvent) => {
    if (listeners.size === 0) waiting.push(event);
    else listeners.forEach((listener) => listener(event));
  };

  const opened = takeCallAction(env.href());
  if (opened) {
    env.replaceUrl(opened.cleaned);
    if (opened.action) deliver({ action: opened.action.action, callId: opened.action.callId });
  }
  env.listen((data) => {
    if (!isPageMessage(data)) return;
    if (data.type === 'push-action') deliver({ action: data.action, callId: data.callId });
    else env.openConversation(data.conversationId);
  });

  return {
    onPushAction(listener) {
      listeners.add(listener);
      waiting.splice(0).forEach((event) => listener(event));
      return () => void listeners.delete(listener);
    },
  };
}

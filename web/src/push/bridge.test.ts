import { describe, expect, it } from 'vitest';
import { type BridgeEnvironment, type PushActionEvent, createPushBridge } from './bridge';
import { callActionUrl } from './contract';

const CALL_ID = 'call:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';
const CONVERSATION = 'conversation:0190f3c2-7a1b-7c3d-8e4f-0123456789ab';

class FakePage implements BridgeEnvironment {
  handler: ((data: unknown) => void) | undefined;
  opened: string[] = [];
  constructor(public url: string) {}
  listen = (handler: (data: unknown) => void) => void (this.handler = handler);
  href = () => this.url;
  replaceUrl = (url: string) => void (this.url = new URL(url, this.url).href);
  openConversation = (id: string) => void this.opened.push(id);
  post(data: unknown) {
    this.handler?.(data);
  }
}

describe('the page end of notification clicks', () => {
  it('hands the action the page was opened with to the first listener, and removes it from the address', () => {
    const page = new FakePage(`https://callvs.com${callActionUrl('accept', CALL_ID)}`);
    const bridge = createPushBridge(page);
    expect(page.url).toBe('https://callvs.com/');

    const first: PushActionEvent[] = [];
    const second: PushActionEvent[] = [];
    bridge.onPushAction((e) => first.push(e));
    bridge.onPushAction((e) => second.push(e));
    expect(first).toEqual([{ action: 'accept', callId: CALL_ID }]);
    expect(second).toEqual([]);
  });

  it('keeps the rest of the address, and drops a malformed action', () => {
    const page = new FakePage(`https://callvs.com/?callAction=answer&callId=${CALL_ID}&x=1#/conversations/${CONVERSATION}`);
    const seen: PushActionEvent[] = [];
    createPushBridge(page).onPushAction((e) => seen.push(e));
    expect(page.url).toBe(`https://callvs.com/?x=1#/conversations/${CONVERSATION}`);
    expect(seen).toEqual([]);
  });

  it('leaves an address without an action alone', () => {
    const page = new FakePage('https://callvs.com/#/conversations/x');
    let replaced = false;
    page.replaceUrl = () => void (replaced = true);
    createPushBridge(page);
    expect(replaced).toBe(false);
  });

  it('passes actions the worker posts to every listener until they stop listening', () => {
    const page = new FakePage('https://callvs.com/');
    const bridge = createPushBridge(page);
    const seen: PushActionEvent[] = [];
    const stop = bridge.onPushAction((e) => seen.push(e));
    page.post({ type: 'push-action', action: 'decline', callId: CALL_ID });
    page.post({ type: 'push-action', action: 'hang-up', callId: CALL_ID });
    page.post({ type: 'push-action', action: 'accept', callId: 'not a call' });
    page.post('push-action');
    stop();
    page.post({ type: 'push-action', action: 'accept', callId: CALL_ID });
    expect(seen).toEqual([{ action: 'decline', callId: CALL_ID }]);
  });

  it('opens the conversation of a clicked message notification', () => {
    const page = new FakePage('https://callvs.com/');
    createPushBridge(page);
    page.post({ type: 'push-open', conversationId: CONVERSATION });
    page.post({ type: 'push-open', conversationId: '../admin' });
    expect(page.opened).toEqual([CONVERSATION]);
  });
});

import { describe, expect, it } from 'vitest';
import { IDLE, type CallState } from './machine';
import { ACTION_KEPT_MS, NotificationActions } from './notification-actions';

const CALL = 'call:0196f8e2-7c3a-7b21-9d4e-5a2f0c8b1e37';
const ringing: CallState = { phase: 'incoming', callId: CALL, direction: 'incoming', peer: '0xabc', media: 'video' };

function setup() {
  let clock = 0;
  const done: string[] = [];
  const actions = new NotificationActions((action) => done.push(action), () => clock);
  return { actions, done, advance: (ms: number) => (clock += ms) };
}

describe('answer or decline from a notification', () => {
  it('applies at once to the call ringing here', () => {
    const { actions, done } = setup();
    actions.chosen({ action: 'accept', callId: CALL }, ringing);
    expect(done).toEqual(['accept']);
    actions.changed(ringing);
    expect(done).toEqual(['accept']);
  });

  it('waits for the call to ring here (a page the notification opened), then applies once', () => {
    const { actions, done } = setup();
    actions.chosen({ action: 'decline', callId: CALL }, IDLE);
    actions.changed({ ...ringing, callId: 'call:0196f8e2-7c3a-7b21-9d4e-5a2f0c8b1e38' });
    expect(done).toEqual([]);
    actions.changed(ringing);
    actions.changed(ringing);
    expect(done).toEqual(['decline']);
  });

  it('drops an action whose call never rings here in time', () => {
    const { actions, done, advance } = setup();
    actions.chosen({ action: 'accept', callId: CALL }, IDLE);
    advance(ACTION_KEPT_MS + 1);
    actions.changed(ringing);
    expect(done).toEqual([]);
  });
});

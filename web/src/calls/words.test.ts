import { describe as suite, expect, it } from 'vitest';
import { newCallId } from './ids';
import { IDLE } from './machine';
import { describe, timer } from './words';

const BOB = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

suite('a call in words', () => {
  it('says why a call ended, from the point of view of this side', () => {
    const ended = { ...IDLE, phase: 'ended' as const, peer: BOB };
    expect(describe({ ...ended, endReason: 'peer-offline', pushSent: true })).toBe('They are offline; a notification was sent');
    expect(describe({ ...ended, endReason: 'no-answer', direction: 'outgoing' })).toBe('No answer');
    expect(describe({ ...ended, endReason: 'no-answer', direction: 'incoming' })).toBe('Missed call');
    expect(describe({ ...ended, endReason: 'hangup', endedBy: BOB.toLowerCase() })).toBe('They hung up');
    expect(describe({ ...ended, endReason: 'busy' })).toBe('Busy: they are on another call');
    expect(describe({ ...ended, error: 'You cannot call yourself' })).toBe('You cannot call yourself');
    expect(describe({ ...IDLE, phase: 'reconnecting', peerAway: true })).toContain('they lost their connection');
  });

  it('times a call from when media connected', () => {
    expect(timer(undefined, 5_000)).toBe('');
    expect(timer(1_000, 66_500)).toBe('1:05');
    expect(timer(0, 3_725_000)).toBe('1:02:05');
  });

  it('makes time-ordered call ids the server accepts', () => {
    const zeros = (b: Uint8Array) => b.fill(0);
    const id = newCallId(0x0196f8e27c3a, zeros);
    expect(id).toBe('call:0196f8e2-7c3a-7000-8000-000000000000');
    expect(newCallId()).toMatch(/^call:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCallId(1_000, zeros) < newCallId(2_000, zeros)).toBe(true);
  });
});

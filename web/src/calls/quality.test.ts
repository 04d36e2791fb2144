import { describe, expect, it } from 'vitest';
import { QualityMeter, type StatsLike, bars } from './quality';

/** A getStats() report as a list of stats objects. */
const report = (...stats: object[]): StatsLike => ({ forEach: (callback) => stats.forEach((s) => callback(s as Parameters<typeof callback>[0])) });

describe('quality from WebRTC statistics', () => {
  it('takes loss, bitrate, jitter and RTT from the difference of two reports', () => {
    const meter = new QualityMeter();
    const pair = { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.084 };
    expect(meter.sample(report(pair, { type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, packetsLost: 0, bytesReceived: 10_000, jitter: 0.004 }), 0))
      .toBeUndefined();
    const sample = meter.sample(report(pair,
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 290, packetsLost: 10, bytesReceived: 60_000, jitter: 0.006 },
      { type: 'candidate-pair', nominated: false, state: 'waiting', currentRoundTripTime: 0.9 }), 5_000);
    expect(sample).toEqual({ rttMs: 84, jitterMs: 6, lossPercent: 5, bitrateKbps: 80 });
  });

  it('reports no loss when nothing arrived and never a negative bitrate', () => {
    const meter = new QualityMeter();
    meter.sample(report({ type: 'inbound-rtp', packetsReceived: 5, packetsLost: 0, bytesReceived: 500 }), 0);
    expect(meter.sample(report({ type: 'inbound-rtp', packetsReceived: 5, packetsLost: 0, bytesReceived: 500 }), 1_000))
      .toEqual({ rttMs: 0, jitterMs: 0, lossPercent: 0, bitrateKbps: 0 });
  });

  it('shows bars from loss and delay', () => {
    expect(bars({ rttMs: 40, lossPercent: 0 })).toBe(4);
    expect(bars({ rttMs: 200, lossPercent: 0 })).toBe(3);
    expect(bars({ rttMs: 40, lossPercent: 4 })).toBe(2);
    expect(bars({ rttMs: 700, lossPercent: 0 })).toBe(1);
    expect(bars({ rttMs: 40, lossPercent: 20 })).toBe(0);
  });
});

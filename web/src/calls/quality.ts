/**
 * Call quality from WebRTC statistics: round-trip time of the selected candidate pair, jitter and packet loss of
 * what is received, and the received bitrate, as deltas between two getStats() reports. The samples go to the
 * server (`call.quality`), which answers a MOS estimate; the bars a person sees come from loss and RTT here.
 */

export interface QualitySample {
  readonly rttMs: number;
  readonly jitterMs: number;
  readonly lossPercent: number;
  readonly bitrateKbps: number;
}

interface Totals {
  readonly at: number;
  readonly received: number;
  readonly lost: number;
  readonly bytes: number;
}

interface InboundStats {
  type: string;
  kind?: string;
  packetsReceived?: number;
  packetsLost?: number;
  bytesReceived?: number;
  jitter?: number;
}

interface PairStats {
  type: string;
  nominated?: boolean;
  state?: string;
  currentRoundTripTime?: number;
}

/** What getStats() answers, as far as quality needs it. */
export interface StatsLike {
  forEach(callback: (report: InboundStats & PairStats) => void): void;
}

export class QualityMeter {
  private last: Totals | undefined;

  /** A sample since the previous report, or undefined for the first one (there is no delta yet). */
  sample(stats: StatsLike, nowMs: number): QualitySample | undefined {
    let received = 0;
    let lost = 0;
    let bytes = 0;
    let jitter = 0;
    let rtt = 0;
    stats.forEach((report: InboundStats & PairStats) => {
      if (report.type === 'inbound-rtp') {
        received += report.packetsReceived ?? 0;
        lost += Math.max(0, report.packetsLost ?? 0);
        bytes += report.bytesReceived ?? 0;
        jitter = Math.max(jitter, (report.jitter ?? 0) * 1000);
      } else if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded') {
        rtt = (report.currentRoundTripTime ?? 0) * 1000;
      }
    });
    const totals: Totals = { at: nowMs, received, lost, bytes };
    const previous = this.last;
    this.last = totals;
    if (previous === undefined || nowMs <= previous.at) return undefined;
    const packets = received - previous.received + (lost - previous.lost);
    const lossPercent = packets > 0 ? (100 * Math.max(0, lost - previous.lost)) / packets : 0;
    const bitrateKbps = (8 * Math.max(0, bytes - previous.bytes)) / (nowMs - previous.at);
    return { rttMs: round(rtt), jitterMs: round(jitter), lossPercent: round(Math.min(100, lossPercent)), bitrateKbps: round(bitrateKbps) };
  }
}

/** 0–4 bars, as phones show signal: loss hurts most, then delay. */
export function bars(sample: Pick<QualitySample, 'rttMs' | 'lossPercent'>): 0 | 1 | 2 | 3 | 4 {
  if (sample.lossPercent >= 15 || sample.rttMs >= 1000) return 0;
  if (sample.lossPercent >= 8 || sample.rttMs >= 600) return 1;
  if (sample.lossPercent >= 3 || sample.rttMs >= 300) return 2;
  if (sample.lossPercent >= 1 || sample.rttMs >= 150) return 3;
  return 4;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

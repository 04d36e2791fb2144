/**
 * When to try again after a lost connection: exponential backoff with jitter ("equal jitter": half the
 * delay is fixed, half is random), so that a server restart is not followed by every tab reconnecting in
 * the same millisecond, and a tab that keeps failing soon waits the full cap between attempts.
 */
export interface BackoffPolicy {
  /** The delay before the first retry, in ms. */
  readonly initialMs: number;
  /** The largest delay, in ms. */
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2 };

/** The delay before retry number `attempt` (0 for the first), given a random number in [0, 1). */
export function backoffDelay(attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}

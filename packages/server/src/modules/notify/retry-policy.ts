/**
 * When a failed delivery is tried again: the first retry 30 s after the first failure, the wait
 * doubling after each further failure up to 30 min, and after the last allowed attempt the
 * delivery is dead (a dead letter an admin can retry). A claimed delivery is leased for a minute:
 * if its worker dies mid-send, another worker takes it when the lease runs out.
 */
export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
  /** How long a claimed delivery is held by its worker before another may take it. */
  readonly leaseMs: number;
  /** One attempt's time limit (the request is aborted after it). */
  readonly sendTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  firstDelayMs: 30_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 10,
  leaseMs: 60_000,
  sendTimeoutMs: 10_000,
});

/** The wait after the `failedAttempts`-th failed attempt (1-based) before the next one. */
export function retryDelayMs(failedAttempts: number, p: RetryPolicy = defaultRetryPolicy): number {
  const n = Math.max(1, failedAttempts);
  return Math.min(p.firstDelayMs * 2 ** Math.min(n - 1, 30), p.maxDelayMs);
}

/** Dead after this failure? */
export function isLastAttempt(failedAttempts: number, p: RetryPolicy = defaultRetryPolicy): boolean {
  return failedAttempts >= p.maxAttempts;
}

/** Every wait between attempts, in order (docs and tests): 30 s, 60 s, 2 min, … 30 min. */
export function retrySchedule(p: RetryPolicy = defaultRetryPolicy): number[] {
  return Array.from({ length: p.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, p));
}

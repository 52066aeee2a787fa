import { DomainError } from '@huiyin/core';
import type { Clock } from '../../clock.ts';

/**
 * Wrong last-4 guesses per tracking number. Tracking numbers are sequential, so the four digits
 * are all that guards a case's public page; after `max` wrong guesses within `windowMs` the number
 * answers 429 until the window passes, whatever address the guesses come from. Counted per
 * process (several servers each allow `max`).
 */
export function createGuessLimiter(clock: Clock, max = 10, windowMs = 3600_000) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const now = clock.now().getTime();
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  return {
    check(trackingNo: string): void {
      if (recent(trackingNo).length >= max) {
        throw new DomainError('rate_limited', 'too many wrong attempts for this tracking number; try again later');
      }
    },
    fail(trackingNo: string): void {
      const list = recent(trackingNo);
      list.push(clock.now().getTime());
      failures.set(trackingNo, list);
      // Keep memory bounded under a spray of random numbers.
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
  };
}

export type GuessLimiter = ReturnType<typeof createGuessLimiter>;

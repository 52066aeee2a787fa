import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationRank, levelOfRank, nextEscalationAt } from './escalation.ts';

const H = 3_600_000;

describe('escalation of a deadline', () => {
  const t = { nearDueAt: new Date(8 * H), dueAt: new Date(10 * H), leaderAt: new Date(58 * H) };

  it('goes urge → supervise → escalate at the near-due time, the deadline and the leader time', () => {
    expect(escalationRank(t, new Date(7 * H))).toBe(0);
    expect(escalationRank(t, new Date(8 * H))).toBe(1);
    expect(escalationRank(t, new Date(10 * H))).toBe(2);
    expect(escalationRank(t, new Date(57 * H))).toBe(2);
    expect(escalationRank(t, new Date(58 * H))).toBe(3);
    expect([1, 2, 3].map((r) => levelOfRank(r as 1 | 2 | 3))).toEqual(['urge', 'supervise', 'escalate']);
  });

  it('never goes down as time passes, and the next change is exactly where the rank changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 20 }),
        (a, b, c, times) => {
          const d = { nearDueAt: new Date(a * H), dueAt: new Date((a + b) * H), leaderAt: new Date((a + b + c) * H) };
          const sorted = [...times].sort((x, y) => x - y).map((x) => new Date(x * H));
          let last = 0;
          for (const now of sorted) {
            const r = escalationRank(d, now);
            expect(r).toBeGreaterThanOrEqual(last);
            last = r;
            const next = nextEscalationAt(d, now);
            if (next === null) expect(r).toBe(3);
            else {
              expect(next.getTime()).toBeGreaterThan(now.getTime());
              expect(escalationRank(d, new Date(next.getTime() - 1))).toBe(r);
              expect(escalationRank(d, next)).toBeGreaterThan(r);
            }
          }
        },
      ),
    );
  });
});

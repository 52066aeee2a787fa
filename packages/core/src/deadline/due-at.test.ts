import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createChinaCalendar } from '../calendar/china-calendar.ts';
import { chinaDateTime, chinaWallClock } from '../calendar/china-time.ts';
import { isoDate } from '../calendar/iso-date.ts';
import { addWorkingTime, dueAt, nearDueAt } from './due-at.ts';
import { answerLimitFor, defaultTimeLimitPolicy } from './policy.ts';
import type { TimeLimit } from './time-limit.ts';

const cal = createChinaCalendar();
/** An instant given as Beijing wall-clock time. */
const bj = (date: string, time: string) => chinaDateTime(isoDate(date), time);
const iso = (x: Date) => x.toISOString();
const policy = defaultTimeLimitPolicy;

describe('dueAt, examples', () => {
  it('a consultation registered Friday 2026-02-13 10:00 is due Tuesday 2026-02-24 17:30 (make-up Saturday counts)', () => {
    const limit = answerLimitFor(policy, { type: 'consultation', urgent: false });
    expect(iso(dueAt(bj('2026-02-13', '10:00'), limit, cal))).toBe(iso(bj('2026-02-24', '17:30')));
    expect(iso(bj('2026-02-24', '17:30'))).toBe('2026-02-24T09:30:00.000Z');
  });

  it('a complaint registered just before National Day 2026 gets 15 working days after the holiday', () => {
    const limit = answerLimitFor(policy, { type: 'complaint', urgent: false });
    // 10-01..07 off; 10-08, 10-09, Saturday 10-10 (make-up), 10-12..16, 10-19..23, 10-26, 10-27.
    expect(iso(dueAt(bj('2026-09-30', '17:00'), limit, cal))).toBe(iso(bj('2026-10-27', '17:30')));
  });

  it('a case registered late in the evening counts from its Beijing date', () => {
    // 23:30 Beijing on Monday is still Monday, though it is already 15:30 UTC.
    expect(iso(dueAt(bj('2026-03-09', '23:30'), { unit: 'workingDays', value: 1 }, cal))).toBe(iso(bj('2026-03-10', '17:30')));
    // 00:30 Beijing on Tuesday is Monday in UTC, but counts from Tuesday.
    expect(iso(dueAt(bj('2026-03-10', '00:30'), { unit: 'workingDays', value: 1 }, cal))).toBe(iso(bj('2026-03-11', '17:30')));
  });

  it('a case dispatched before Qingming must be signed for after it', () => {
    expect(iso(dueAt(bj('2026-04-03', '15:00'), policy.sign, cal))).toBe(iso(bj('2026-04-07', '17:30')));
  });

  it('urgent help is due 2 hours later, even at night on a holiday', () => {
    const limit = answerLimitFor(policy, { type: 'help', urgent: true });
    expect(limit).toEqual({ unit: 'hours', value: 2 });
    expect(iso(dueAt(bj('2026-02-17', '23:30'), limit, cal))).toBe(iso(bj('2026-02-18', '01:30')));
    expect(answerLimitFor(policy, { type: 'help', urgent: false })).toEqual({ unit: 'workingDays', value: 10 });
    expect(answerLimitFor(policy, { type: 'complaint', urgent: true })).toEqual({ unit: 'workingDays', value: 15 });
  });

  it('working hours skip lunch', () => {
    const two: TimeLimit = { unit: 'workingHours', value: 2 };
    expect(iso(dueAt(bj('2026-03-10', '11:00'), two, cal))).toBe(iso(bj('2026-03-10', '14:30')));
    expect(iso(dueAt(bj('2026-03-10', '12:30'), two, cal))).toBe(iso(bj('2026-03-10', '15:30')));
  });

  it('working hours continue the next working morning', () => {
    expect(iso(dueAt(bj('2026-03-10', '16:30'), { unit: 'workingHours', value: 3 }, cal))).toBe(iso(bj('2026-03-11', '11:00')));
    expect(iso(dueAt(bj('2026-03-10', '16:30'), { unit: 'workingHours', value: 1 }, cal))).toBe(iso(bj('2026-03-10', '17:30')));
    expect(iso(dueAt(bj('2026-03-10', '07:00'), { unit: 'workingHours', value: 1 }, cal))).toBe(iso(bj('2026-03-10', '10:00')));
    expect(iso(dueAt(bj('2026-03-13', '17:00'), { unit: 'workingHours', value: 1 }, cal))).toBe(iso(bj('2026-03-16', '09:30')));
    expect(iso(dueAt(bj('2026-03-14', '10:00'), { unit: 'workingHours', value: 1 }, cal))).toBe(iso(bj('2026-03-16', '10:00')));
  });

  it('working hours use the make-up Saturday and skip the Spring Festival', () => {
    expect(iso(dueAt(bj('2026-02-13', '17:00'), { unit: 'workingHours', value: 2 }, cal))).toBe(iso(bj('2026-02-14', '10:30')));
    // 1 hour left on Saturday 02-14 after 16:30, then the holiday, then Tuesday 02-24.
    expect(iso(dueAt(bj('2026-02-14', '16:30'), { unit: 'workingHours', value: 3 }, cal))).toBe(iso(bj('2026-02-24', '11:00')));
  });

  it('sameDay ends today at 17:30 or rolls to the next working day', () => {
    const sameDay: TimeLimit = { unit: 'sameDay' };
    expect(iso(dueAt(bj('2026-03-10', '08:00'), sameDay, cal))).toBe(iso(bj('2026-03-10', '17:30')));
    expect(iso(dueAt(bj('2026-03-10', '17:29'), sameDay, cal))).toBe(iso(bj('2026-03-10', '17:30')));
    expect(iso(dueAt(bj('2026-03-10', '17:30'), sameDay, cal))).toBe(iso(bj('2026-03-11', '17:30')));
    expect(iso(dueAt(bj('2026-03-10', '18:00'), sameDay, cal))).toBe(iso(bj('2026-03-11', '17:30')));
    expect(iso(dueAt(bj('2026-03-14', '10:00'), sameDay, cal))).toBe(iso(bj('2026-03-16', '17:30')));
    expect(iso(dueAt(bj('2026-02-13', '18:00'), sameDay, cal))).toBe(iso(bj('2026-02-14', '17:30')));
  });

  it('honours configured working hours', () => {
    const hours = { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '14:00', afternoonEnd: '18:00' };
    expect(iso(dueAt(bj('2026-03-10', '11:30'), { unit: 'workingHours', value: 1 }, cal, hours))).toBe(iso(bj('2026-03-10', '14:30')));
    expect(iso(dueAt(bj('2026-03-10', '10:00'), { unit: 'workingDays', value: 1 }, cal, hours))).toBe(iso(bj('2026-03-11', '18:00')));
    expect(() => dueAt(bj('2026-03-10', '10:00'), { unit: 'sameDay' }, cal, { ...hours, morningEnd: '15:00' })).toThrow(RangeError);
  });

  it('rejects invalid limits and starts', () => {
    expect(() => dueAt(bj('2026-03-10', '10:00'), { unit: 'workingDays', value: 0 }, cal)).toThrow(RangeError);
    expect(() => dueAt(bj('2026-03-10', '10:00'), { unit: 'workingDays', value: 1.5 }, cal)).toThrow(RangeError);
    expect(() => dueAt(new Date(Number.NaN), { unit: 'hours', value: 2 }, cal)).toThrow(RangeError);
  });
});

const MIN = 60_000;
const instant2024to2027 = fc
  .integer({ min: bj('2024-01-01', '00:00').getTime() / MIN, max: bj('2027-12-20', '00:00').getTime() / MIN })
  .map((m) => new Date(m * MIN));

function insideOfficeHours(x: Date): boolean {
  const { date, msOfDay } = chinaWallClock(x);
  const m = msOfDay / MIN;
  return cal.isWorkingDay(date) && ((m > 9 * 60 && m <= 12 * 60) || (m > 13 * 60 + 30 && m <= 17 * 60 + 30));
}

describe('dueAt, properties', () => {
  it('a working-day deadline is 17:30 Beijing on a working day after the start', () => {
    fc.assert(
      fc.property(instant2024to2027, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const due = dueAt(start, { unit: 'workingDays', value: n }, cal);
        const { date, msOfDay } = chinaWallClock(due);
        expect(cal.isWorkingDay(date)).toBe(true);
        expect(msOfDay).toBe((17 * 60 + 30) * MIN);
        expect(cal.workingDaysBetween(chinaWallClock(start).date, date)).toBe(n);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('working time ends inside office hours and adds up', () => {
    fc.assert(
      fc.property(instant2024to2027, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (start, a, b) => {
        const first = addWorkingTime(start, a * MIN, cal);
        expect(insideOfficeHours(first)).toBe(true);
        expect(first.getTime()).toBeGreaterThan(start.getTime());
        expect(iso(addWorkingTime(first, b * MIN, cal))).toBe(iso(addWorkingTime(start, (a + b) * MIN, cal)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('nearDueAt', () => {
  it('is 80 % of the wall-clock span by default', () => {
    const start = bj('2026-03-10', '08:00');
    expect(iso(nearDueAt(start, bj('2026-03-10', '18:00')))).toBe(iso(bj('2026-03-10', '16:00')));
    expect(iso(nearDueAt(start, bj('2026-03-10', '18:00'), 0.5))).toBe(iso(bj('2026-03-10', '13:00')));
    expect(iso(nearDueAt(start, bj('2026-03-10', '07:00')))).toBe(iso(bj('2026-03-10', '07:00')));
    expect(() => nearDueAt(start, start, 1.5)).toThrow(RangeError);
  });

  it('lies between start and due', () => {
    fc.assert(
      fc.property(
        instant2024to2027,
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, span, f) => {
          const due = new Date(start.getTime() + span);
          const near = nearDueAt(start, due, f).getTime();
          expect(near).toBeGreaterThanOrEqual(start.getTime());
          expect(near).toBeLessThanOrEqual(due.getTime());
        },
      ),
    );
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bundledHolidayYears, createChinaCalendar } from './china-calendar.ts';
import { epochDayOf, epochDayToIsoDate, isoDate, isoDateToEpochDay, isoWeekday, type IsoDate } from './iso-date.ts';
import { createWorkCalendar } from './work-calendar.ts';

const cal = createChinaCalendar();
const d = isoDate;

const dateIn = (from: string, to: string) =>
  fc.integer({ min: isoDateToEpochDay(d(from)), max: isoDateToEpochDay(d(to)) }).map(epochDayToIsoDate);
/** Any date of the covered years, or one near the Spring Festival 2026 so that edge is hit often. */
const coveredDate = fc.oneof(dateIn('2024-01-01', '2027-12-31'), dateIn('2026-01-20', '2026-02-28'));
const count = fc.integer({ min: 1, max: 40 });

const springFestival2026 = new Set(Array.from({ length: 9 }, (_, i) => epochDayToIsoDate(epochDayOf(2026, 2, 15) + i) as string));
const makeupWorkdays = bundledHolidayYears.flatMap((y) => y.workdays.map((w) => d(w.date)));

describe('WorkCalendar properties', () => {
  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(coveredDate, count, (date, n) => {
        expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkingDays always lands on a working day after the start', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 40 }), (date, n) => {
        const r = cal.addWorkingDays(date, n);
        expect(cal.isWorkingDay(r)).toBe(true);
        expect(n === 0 ? r >= date : r > date).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never returns a day of the Spring Festival 2026 holiday', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 0, max: 40 }), (date, n) => {
        expect(springFestival2026.has(cal.addWorkingDays(date, n))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts make-up Saturdays and Sundays as working days', () => {
    expect(makeupWorkdays.length).toBeGreaterThan(15);
    for (const w of makeupWorkdays) {
      expect(isoWeekday(w), w).toBeGreaterThanOrEqual(6);
      expect(cal.isWorkingDay(w), w).toBe(true);
      expect(cal.dayInfo(w).kind).toBe('makeupWorkday');
    }
    fc.assert(
      fc.property(fc.constantFrom(...makeupWorkdays), (w) => {
        const dayBefore = epochDayToIsoDate(isoDateToEpochDay(w) - 1);
        expect(cal.addWorkingDays(dayBefore, 1)).toBe(w);
        expect(cal.nextWorkingDay(dayBefore)).toBe(w);
        expect(cal.workingDaysBetween(dayBefore, w)).toBe(1);
      }),
    );
  });

  it('adding n then m equals adding n + m', () => {
    fc.assert(
      fc.property(coveredDate, count, count, (date, n, m) => {
        expect(cal.addWorkingDays(cal.addWorkingDays(date, n), m)).toBe(cal.addWorkingDays(date, n + m));
      }),
      { numRuns: 500 },
    );
  });

  it('workingDaysBetween is antisymmetric and additive', () => {
    fc.assert(
      fc.property(coveredDate, coveredDate, coveredDate, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b)).toBe(0 - cal.workingDaysBetween(b, a));
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
      }),
      { numRuns: 200 },
    );
  });

  it('overrides win', () => {
    fc.assert(
      fc.property(coveredDate, fc.constantFrom('holiday' as const, 'workday' as const), (date, kind) => {
        const overridden = createChinaCalendar([{ date, kind, name: 'local' }]);
        expect(overridden.isWorkingDay(date)).toBe(kind === 'workday');
        expect(overridden.dayInfo(date)).toMatchObject({ overridden: true, name: 'local' });
        if (kind === 'workday') expect(overridden.addWorkingDays(date, 0)).toBe(date);
        else expect(overridden.addWorkingDays(date, 0)).not.toBe(date);
      }),
    );
  });
});

describe('WorkCalendar examples', () => {
  it('knows the Spring Festival 2026', () => {
    expect(cal.isWorkingDay(d('2026-02-13'))).toBe(true);
    expect(cal.isWorkingDay(d('2026-02-14'))).toBe(true);
    expect(cal.dayInfo(d('2026-02-16'))).toEqual({ date: '2026-02-16', working: false, kind: 'holiday', name: '春节', overridden: false });
    expect(cal.addWorkingDays(d('2026-02-13'), 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays(d('2026-02-13'), 2)).toBe('2026-02-24');
    expect(cal.workingDaysBetween(d('2026-02-13'), d('2026-02-27'))).toBe(5);
    expect(cal.workingDaysBetween(d('2026-02-27'), d('2026-02-13'))).toBe(-5);
    expect(cal.workingDaysBetween(d('2026-02-20'), d('2026-02-20'))).toBe(0);
  });

  it('n = 0 keeps a working day and moves a day off to the next working day', () => {
    expect(cal.addWorkingDays(d('2026-03-10'), 0)).toBe('2026-03-10');
    expect(cal.addWorkingDays(d('2026-10-01'), 0)).toBe('2026-10-08');
    expect(cal.nextWorkingDay(d('2026-10-01'))).toBe('2026-10-08');
  });

  it('rejects negative and fractional counts', () => {
    expect(() => cal.addWorkingDays(d('2026-03-10'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(d('2026-03-10'), 1.5)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-02-30' as IsoDate)).toThrow(RangeError);
  });

  it('falls back to weekends only outside the covered years', () => {
    expect(cal.coveredYears()).toEqual([2024, 2025, 2026, 2027]);
    expect(cal.isCovered(d('2026-06-01'))).toBe(true);
    expect(cal.isCovered(d('2028-10-02'))).toBe(false);
    expect(cal.isProvisional(d('2027-03-01'))).toBe(true);
    expect(cal.isProvisional(d('2026-03-01'))).toBe(false);
    // 2023-10-02 was a National Day holiday, but 2023 has no data: a Monday is a working day.
    expect(cal.isWorkingDay(d('2023-10-02'))).toBe(true);
    expect(cal.isWorkingDay(d('2028-01-08'))).toBe(false);
    expect(cal.addWorkingDays(d('2027-12-31'), 1)).toBe('2028-01-03');
    // Overrides apply outside the covered years too.
    expect(createChinaCalendar([{ date: '2028-01-03', kind: 'holiday' }]).addWorkingDays(d('2027-12-31'), 1)).toBe('2028-01-04');
  });

  it('validates its input', () => {
    expect(() => createChinaCalendar([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(RangeError);
    expect(() =>
      createWorkCalendar({
        years: [
          {
            year: 2030,
            source: 'test',
            provisional: false,
            holidays: [{ date: '2030-01-05', name: 'x' }],
            workdays: [{ date: '2030-01-05', name: 'x' }],
          },
        ],
      }),
    ).toThrow(RangeError);
  });

  it('a later override of the same day wins and keeps the notice name when it has none', () => {
    const c = createChinaCalendar([
      { date: '2026-02-16', kind: 'workday' },
      { date: '2026-02-16', kind: 'holiday' },
      { date: '2026-02-17', kind: 'workday' },
    ]);
    expect(c.isWorkingDay(d('2026-02-16'))).toBe(false);
    expect(c.dayInfo(d('2026-02-17'))).toMatchObject({ working: true, kind: 'makeupWorkday', name: '春节', overridden: true });
  });
});

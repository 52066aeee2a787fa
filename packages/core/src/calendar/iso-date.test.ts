import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, epochDayOf, epochDayToIsoDate, isoDate, isoDateToEpochDay, isoWeekday, parseIsoDate } from './iso-date.ts';

const MS_PER_DAY = 86_400_000;
const firstDay = epochDayOf(0, 1, 1);
const lastDay = epochDayOf(9999, 12, 31);

describe('IsoDate', () => {
  it('accepts real dates only', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-2-1',
      ' 2026-01-01',
      '2026-01-01T00:00',
      '',
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
    expect(() => isoDate('2026-02-30')).toThrow(RangeError);
  });

  it('knows 1970-01-01 and the weekdays of 2026', () => {
    expect(isoDateToEpochDay(isoDate('1970-01-01'))).toBe(0);
    expect(isoWeekday(isoDate('1970-01-01'))).toBe(4);
    expect(isoWeekday(isoDate('2026-02-13'))).toBe(5);
    expect(isoWeekday(isoDate('2026-02-14'))).toBe(6);
    expect(isoWeekday(isoDate('2026-02-15'))).toBe(7);
    expect(isoWeekday(isoDate('2026-02-16'))).toBe(1);
  });

  it('agrees with the UTC calendar of Date for every day of years 0000-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: firstDay, max: lastDay }), (n) => {
        const d = epochDayToIsoDate(n);
        expect(d).toBe(new Date(n * MS_PER_DAY).toISOString().slice(0, 10));
        expect(isoDateToEpochDay(d)).toBe(n);
        expect(isoWeekday(d)).toBe(((new Date(n * MS_PER_DAY).getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays(isoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addCalendarDays(isoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addCalendarDays(isoDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(() => addCalendarDays(isoDate('2026-03-01'), 0.5)).toThrow(RangeError);
  });
});

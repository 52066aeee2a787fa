import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chinaDateTime, chinaWallClock, parseClockTime, toChinaDate } from './china-time.ts';
import { epochDayOf, epochDayToIsoDate, isoDate } from './iso-date.ts';

describe('Beijing time', () => {
  it('turns midnight at 16:00 UTC', () => {
    expect(toChinaDate(new Date('2026-02-13T15:59:59.999Z'))).toBe('2026-02-13');
    expect(toChinaDate(new Date('2026-02-13T16:00:00.000Z'))).toBe('2026-02-14');
    expect(toChinaDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(chinaWallClock(new Date('2026-02-13T02:00:00Z'))).toEqual({ date: '2026-02-13', msOfDay: 10 * 3_600_000 });
  });

  it('gives the instant of a Beijing wall-clock time', () => {
    expect(chinaDateTime(isoDate('2026-02-24'), '17:30').toISOString()).toBe('2026-02-24T09:30:00.000Z');
    expect(chinaDateTime(isoDate('2026-01-01'), '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(chinaDateTime(isoDate('2026-01-01'), '24:00').toISOString()).toBe('2026-01-01T16:00:00.000Z');
  });

  it('rejects malformed times and invalid instants', () => {
    for (const bad of ['9:00', '24:01', '12:60', '25:00', '12:00:00', '']) {
      expect(parseClockTime(bad), bad).toBeNull();
      expect(() => chinaDateTime(isoDate('2026-01-01'), bad)).toThrow(RangeError);
    }
    expect(() => toChinaDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('round-trips every date and minute', () => {
    const days = fc.integer({ min: epochDayOf(2000, 1, 1), max: epochDayOf(2100, 12, 31) });
    const minutes = fc.integer({ min: 0, max: 24 * 60 - 1 });
    fc.assert(
      fc.property(days, minutes, (day, minute) => {
        const date = epochDayToIsoDate(day);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const instant = chinaDateTime(date, time);
        expect(toChinaDate(instant)).toBe(date);
        expect(chinaWallClock(instant).msOfDay).toBe(minute * 60_000);
      }),
    );
  });
});

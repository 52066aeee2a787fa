import { describe, it, expect } from 'vitest';
import { bundledHolidayYears } from './china-calendar.ts';
import { isoDate, isoDateYear, isoWeekday, parseIsoDate } from './iso-date.ts';

const byYear = new Map(bundledHolidayYears.map((y) => [y.year, y]));
const dates = (year: number, kind: 'holidays' | 'workdays') => byYear.get(year)![kind].map((d) => d.date);

describe('bundled holiday data', () => {
  it('covers 2024 to 2027, only 2027 provisional', () => {
    expect(bundledHolidayYears.map((y) => [y.year, y.provisional])).toEqual([
      [2024, false],
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(byYear.get(2027)!.source).toMatch(/^PROVISIONAL/);
    expect(byYear.get(2027)!.source).not.toMatch(/国办发明电/);
  });

  for (const y of bundledHolidayYears) {
    describe(String(y.year), () => {
      const all = [...y.holidays, ...y.workdays].map((d) => d.date);

      it('lists valid, sorted, unique dates inside the year', () => {
        for (const d of all) {
          expect(parseIsoDate(d), d).not.toBeNull();
          expect(isoDateYear(isoDate(d))).toBe(y.year);
        }
        expect(new Set(all).size).toBe(all.length);
        for (const list of [y.holidays, y.workdays]) {
          const ds = list.map((d) => d.date);
          expect(ds).toEqual([...ds].sort());
        }
      });

      it('has make-up workdays only on weekends', () => {
        for (const { date } of y.workdays) expect(isoWeekday(isoDate(date)), date).toBeGreaterThanOrEqual(6);
      });

      it('names every day', () => {
        for (const { name } of [...y.holidays, ...y.workdays])
          expect(name).toMatch(/^(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节|国庆节、中秋节)$/);
      });
    });
  }

  it('matches the 2026 notice day by day', () => {
    const range = (from: number, to: number, month: string) =>
      Array.from({ length: to - from + 1 }, (_, i) => `2026-${month}-${String(from + i).padStart(2, '0')}`);
    expect(dates(2026, 'holidays')).toEqual([
      ...range(1, 3, '01'),
      ...range(15, 23, '02'),
      ...range(4, 6, '04'),
      ...range(1, 5, '05'),
      ...range(19, 21, '06'),
      ...range(25, 27, '09'),
      ...range(1, 7, '10'),
    ]);
    expect(dates(2026, 'workdays')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('has the known totals of 2024 and 2025', () => {
    expect(dates(2024, 'holidays')).toHaveLength(28);
    expect(dates(2024, 'workdays')).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
    expect(dates(2025, 'holidays')).toHaveLength(28);
    expect(dates(2025, 'workdays')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('gives 2027 the 13 statutory days off on weekdays', () => {
    const weekdaysOff = dates(2027, 'holidays').filter((d) => isoWeekday(isoDate(d)) <= 5);
    expect(weekdaysOff).toHaveLength(13);
    expect(dates(2027, 'workdays')).toEqual([]);
  });
});

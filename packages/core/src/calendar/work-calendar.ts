import type { HolidayYearData } from './holiday-year.ts';
import { epochDayToIsoDate, epochDayWeekday, isoDate, isoDateToEpochDay, isoDateYear, type IsoDate } from './iso-date.ts';

/** An admin's correction of one day. Overrides win over the bundled notices. */
export interface CalendarOverride {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  readonly name?: string | undefined;
}

/** Why a day is or is not a working day. */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeupWorkday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday the day belongs to, when listed. */
  readonly name: string | null;
  /** True when an admin override decided the day. */
  readonly overridden: boolean;
}

/**
 * Working days: Monday to Friday, minus the public holidays, plus the make-up workdays (调休上班)
 * of the covered years, with admin overrides on top. A date in a year that no notice covers
 * falls back to weekends only (Monday-Friday work, Saturday-Sunday off, overrides still apply);
 * `isCovered` tells whether a date's year is covered.
 */
export interface WorkCalendar {
  isWorkingDay(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  /**
   * The n-th working day strictly after `date` (n >= 1). For n = 0: `date` itself when it is a
   * working day, else the next working day. Throws a RangeError for a negative or fractional n.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * The number of working days d with from < d <= to; when to < from, minus the number with
   * to < d <= from (so it is antisymmetric, and 0 when from === to).
   * workingDaysBetween(d, addWorkingDays(d, n)) === n for every d and n >= 1.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  /** Years with holiday data, ascending. */
  coveredYears(): readonly number[];
  /** True when `date`'s year has holiday data (otherwise only weekends count as days off). */
  isCovered(date: IsoDate): boolean;
  /** True when `date`'s year is covered only by a provisional estimate. */
  isProvisional(date: IsoDate): boolean;
}

interface Entry {
  readonly kind: 'holiday' | 'workday';
  readonly name: string | null;
  readonly overridden: boolean;
}

export interface WorkCalendarInput {
  readonly years: readonly HolidayYearData[];
  readonly overrides?: readonly CalendarOverride[] | undefined;
}

/** Upper bound on days scanned by one query: protects against a calendar that has no working day. */
const MAX_SCAN_DAYS = 400 * 366;

function buildEntries(input: WorkCalendarInput): Map<number, Entry> {
  const entries = new Map<number, Entry>();
  for (const y of input.years) {
    const add = (list: HolidayYearData['holidays'], kind: Entry['kind']) => {
      for (const { date, name } of list) {
        const day = isoDateToEpochDay(isoDate(date));
        const existing = entries.get(day);
        if (existing && existing.kind !== kind) {
          throw new RangeError(`${date} is listed both as a holiday and as a workday (${y.year})`);
        }
        entries.set(day, { kind, name, overridden: false });
      }
    };
    add(y.holidays, 'holiday');
    add(y.workdays, 'workday');
  }
  for (const o of input.overrides ?? []) {
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new RangeError(`calendar override for ${o.date} has an unknown kind: ${String(o.kind)}`);
    }
    const day = isoDateToEpochDay(isoDate(o.date));
    const name = o.name === undefined || o.name === '' ? (entries.get(day)?.name ?? null) : o.name;
    entries.set(day, { kind: o.kind, name, overridden: true });
  }
  return entries;
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`working-day count must be a non-negative integer: ${n}`);
  }
}

export function createWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const entries = buildEntries(input);
  const years = new Map<number, boolean>();
  for (const y of input.years) years.set(y.year, (years.get(y.year) ?? false) || y.provisional);
  const covered = Object.freeze([...years.keys()].sort((a, b) => a - b));

  function isWorkingEpochDay(day: number): boolean {
    const entry = entries.get(day);
    if (entry) return entry.kind === 'workday';
    return epochDayWeekday(day) <= 5;
  }

  /** The n-th working epoch day strictly after `day` (n >= 1). */
  function nthWorkingDayAfter(day: number, n: number): number {
    let found = 0;
    for (let d = day + 1, scanned = 0; scanned < MAX_SCAN_DAYS; d++, scanned++) {
      if (isWorkingEpochDay(d) && ++found === n) return d;
    }
    throw new RangeError('no working day found within the scan limit');
  }

  /** Working days d with lo < d <= hi (lo <= hi). */
  function countWorking(lo: number, hi: number): number {
    let count = 0;
    for (let d = lo + 1; d <= hi; d++) if (isWorkingEpochDay(d)) count++;
    return count;
  }

  const calendar: WorkCalendar = {
    isWorkingDay(date) {
      return isWorkingEpochDay(isoDateToEpochDay(date));
    },
    dayInfo(date) {
      const day = isoDateToEpochDay(date);
      const entry = entries.get(day);
      if (entry) {
        return {
          date,
          working: entry.kind === 'workday',
          kind: entry.kind === 'workday' ? 'makeupWorkday' : 'holiday',
          name: entry.name,
          overridden: entry.overridden,
        };
      }
      const weekday = epochDayWeekday(day) <= 5;
      return { date, working: weekday, kind: weekday ? 'weekday' : 'weekend', name: null, overridden: false };
    },
    addWorkingDays(date, n) {
      checkCount(n);
      const day = isoDateToEpochDay(date);
      if (n === 0) return isWorkingEpochDay(day) ? date : epochDayToIsoDate(nthWorkingDayAfter(day, 1));
      return epochDayToIsoDate(nthWorkingDayAfter(day, n));
    },
    workingDaysBetween(from, to) {
      const a = isoDateToEpochDay(from);
      const b = isoDateToEpochDay(to);
      if (Math.abs(b - a) > MAX_SCAN_DAYS) throw new RangeError('date range too long');
      return b >= a ? countWorking(a, b) : 0 - countWorking(b, a);
    },
    nextWorkingDay(date) {
      return epochDayToIsoDate(nthWorkingDayAfter(isoDateToEpochDay(date), 1));
    },
    coveredYears() {
      return covered;
    },
    isCovered(date) {
      isoDateToEpochDay(date);
      return years.has(isoDateYear(date));
    },
    isProvisional(date) {
      isoDateToEpochDay(date);
      return years.get(isoDateYear(date)) === true;
    },
  };
  return Object.freeze(calendar);
}

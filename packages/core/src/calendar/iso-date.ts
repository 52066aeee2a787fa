/**
 * Plain calendar dates as 'YYYY-MM-DD' strings (proleptic Gregorian, years 0000-9999).
 * A date has no time zone; arithmetic is integer arithmetic on days since 1970-01-01,
 * so results never depend on the machine's local time zone.
 */

declare const isoDateBrand: unique symbol;

/** A validated 'YYYY-MM-DD' string. Get one from `parseIsoDate`, `isoDate` or `toChinaDate`. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date if `s` is a real calendar date written 'YYYY-MM-DD', otherwise null. */
export function parseIsoDate(s: string): IsoDate | null {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return s as IsoDate;
}

/** Like `parseIsoDate`, but throws a RangeError for an invalid date. */
export function isoDate(s: string): IsoDate {
  const d = parseIsoDate(s);
  if (d === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return d;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Days since 1970-01-01 for a civil date (H. Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = floorDiv(153 * (month + (month > 2 ? -3 : 9)) + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 of a date. Throws a RangeError if `d` is not a valid date. */
export function isoDateToEpochDay(d: IsoDate): number {
  const m = ISO_DATE_RE.exec(d);
  if (!m || parseIsoDate(d) === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return epochDayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The date `n` days after 1970-01-01 (H. Hinnant's civil_from_days). */
export function epochDayToIsoDate(n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`epoch day must be an integer: ${n}`);
  const z = n + 719_468;
  const era = floorDiv(z, 146_097);
  const doe = z - era * 146_097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36_524) - floorDiv(doe, 146_096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} is outside 0000-9999`);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

/** `d` moved by `n` calendar days (n may be negative). */
export function addCalendarDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`day count must be an integer: ${n}`);
  return epochDayToIsoDate(isoDateToEpochDay(d) + n);
}

/** ISO weekday of an epoch day: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function epochDayWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  return epochDayWeekday(isoDateToEpochDay(d));
}

export function isoDateYear(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { epochDayToIsoDate, isoDateToEpochDay, type IsoDate } from './iso-date.ts';

/**
 * Beijing time. China uses UTC+8 all year with no daylight saving time, so a wall-clock time
 * in Beijing maps to exactly one instant and back by a fixed offset; no time-zone database needed.
 */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * MS_PER_MINUTE;

const CLOCK_TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since midnight of an 'HH:MM' wall-clock time (00:00 to 24:00), or null if malformed. */
export function parseClockTime(time: string): number | null {
  const m = CLOCK_TIME_RE.exec(time);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 24 * 60 ? null : minutes;
}

/** 'HH:MM' for minutes since midnight (0 to 1440). */
export function formatClockTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw new RangeError(`minutes since midnight out of range: ${minutes}`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** The Beijing calendar date and the milliseconds since Beijing midnight of an instant. */
export function chinaWallClock(instant: Date): { date: IsoDate; msOfDay: number } {
  const local = instantMs(instant) + OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  return { date: epochDayToIsoDate(day), msOfDay: local - day * MS_PER_DAY };
}

/** The Beijing calendar date of an instant. */
export function toChinaDate(instant: Date): IsoDate {
  return chinaWallClock(instant).date;
}

/** The instant of the wall-clock time `time` ('HH:MM', '24:00' = next midnight) on `date` in Beijing. */
export function chinaDateTime(date: IsoDate, time: string): Date {
  const minutes = parseClockTime(time);
  if (minutes === null) throw new RangeError(`not a wall-clock time (HH:MM): ${JSON.stringify(time)}`);
  return new Date(isoDateToEpochDay(date) * MS_PER_DAY + minutes * MS_PER_MINUTE - OFFSET_MS);
}

import { chinaDateTime, chinaWallClock, formatClockTime, toChinaDate } from '../calendar/china-time.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { assertTimeLimit, type TimeLimit } from './time-limit.ts';
import { defaultWorkingHours, workingMinutes, type WorkingHours } from './working-hours.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

function at(date: IsoDate, minutes: number): Date {
  return chinaDateTime(date, formatClockTime(minutes));
}

/**
 * When a time limit that starts at `start` runs out, for the given working-day calendar and
 * Beijing office hours (see TimeLimit for each unit). Throws a RangeError for an invalid limit,
 * invalid hours or an invalid start.
 */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkCalendar, hours: WorkingHours = defaultWorkingHours): Date {
  assertTimeLimit(limit);
  const minutes = workingMinutes(hours);
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new RangeError('invalid start Date');

  switch (limit.unit) {
    case 'hours':
      return new Date(startMs + Math.round(limit.value * MS_PER_HOUR));
    case 'workingDays':
      return at(calendar.addWorkingDays(toChinaDate(start), limit.value), minutes.afternoonEnd);
    case 'sameDay': {
      const { date, msOfDay } = chinaWallClock(start);
      const today = calendar.isWorkingDay(date) && msOfDay < minutes.afternoonEnd * MS_PER_MINUTE;
      return at(today ? date : calendar.nextWorkingDay(date), minutes.afternoonEnd);
    }
    case 'workingHours':
      return addWorkingTime(start, Math.round(limit.value * MS_PER_HOUR), calendar, hours);
  }
}

/**
 * `start` plus `durationMs` of office time: only time inside the morning and afternoon sessions of
 * working days counts. A start outside office hours begins at the next session start. When the
 * time runs out exactly at the end of a session, that end is returned (not the next session start).
 */
export function addWorkingTime(start: Date, durationMs: number, calendar: WorkCalendar, hours: WorkingHours = defaultWorkingHours): Date {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`invalid duration: ${durationMs}`);
  const m = workingMinutes(hours);
  let cursor = start.getTime();
  if (!Number.isFinite(cursor)) throw new RangeError('invalid start Date');
  let remaining = durationMs;
  let date = toChinaDate(start);
  if (!calendar.isWorkingDay(date)) date = calendar.nextWorkingDay(date);

  for (;;) {
    const sessions: readonly (readonly [number, number])[] = [
      [m.morningStart, m.morningEnd],
      [m.afternoonStart, m.afternoonEnd],
    ];
    for (const [from, to] of sessions) {
      const sessionStart = at(date, from).getTime();
      const sessionEnd = at(date, to).getTime();
      if (cursor < sessionStart) cursor = sessionStart;
      if (cursor >= sessionEnd) continue;
      const available = sessionEnd - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
      cursor = sessionEnd;
    }
    date = calendar.nextWorkingDay(date);
  }
}

/**
 * The instant when `fraction` (0 to 1, default 0.8) of the wall-clock span from `start` to `due`
 * is used: the moment a case turns "near due". A due at or before the start is returned as is.
 */
export function nearDueAt(start: Date, due: Date, fraction = 0.8): Date {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`fraction must be between 0 and 1: ${fraction}`);
  }
  const s = start.getTime();
  const d = due.getTime();
  if (!Number.isFinite(s) || !Number.isFinite(d)) throw new RangeError('invalid Date');
  if (d <= s) return new Date(d);
  return new Date(s + Math.round((d - s) * fraction));
}

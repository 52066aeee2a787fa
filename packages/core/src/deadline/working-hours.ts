import { parseClockTime } from '../calendar/china-time.ts';

/** Office hours in Beijing time as 'HH:MM': a morning and an afternoon session around lunch. */
export interface WorkingHours {
  readonly morningStart: string;
  readonly morningEnd: string;
  readonly afternoonStart: string;
  readonly afternoonEnd: string;
}

export const defaultWorkingHours: WorkingHours = Object.freeze({
  morningStart: '09:00',
  morningEnd: '12:00',
  afternoonStart: '13:30',
  afternoonEnd: '17:30',
});

/** Working hours as minutes since midnight. */
export interface WorkingMinutes {
  readonly morningStart: number;
  readonly morningEnd: number;
  readonly afternoonStart: number;
  readonly afternoonEnd: number;
}

const fields = ['morningStart', 'morningEnd', 'afternoonStart', 'afternoonEnd'] as const;

/** An error message, or null when the four times are well-formed and strictly increasing. */
export function validateWorkingHours(hours: WorkingHours): string | null {
  let previous = -1;
  for (const field of fields) {
    const value = hours[field];
    const minutes = typeof value === 'string' ? parseClockTime(value) : null;
    if (minutes === null) return `${field} must be a time HH:MM`;
    if (minutes <= previous) return `${field} must be later than the time before it`;
    previous = minutes;
  }
  return null;
}

/** The hours as minutes since midnight; throws a RangeError when they are invalid. */
export function workingMinutes(hours: WorkingHours): WorkingMinutes {
  const error = validateWorkingHours(hours);
  if (error !== null) throw new RangeError(`invalid working hours: ${error}`);
  return {
    morningStart: parseClockTime(hours.morningStart)!,
    morningEnd: parseClockTime(hours.morningEnd)!,
    afternoonStart: parseClockTime(hours.afternoonStart)!,
    afternoonEnd: parseClockTime(hours.afternoonEnd)!,
  };
}

/**
 * How long something may take:
 * - hours: wall-clock hours from the start (urgent help: 2 hours, day or night);
 * - workingDays: until the end of the afternoon session of the value-th working day after the
 *   start's Beijing date;
 * - sameDay: until the end of today's afternoon session if the start is on a working day before
 *   that end, else the end of the next working day;
 * - workingHours: office time only, skipping lunch, evenings and days off.
 */
export type TimeLimit =
  | { readonly unit: 'hours'; readonly value: number }
  | { readonly unit: 'workingDays'; readonly value: number }
  | { readonly unit: 'workingHours'; readonly value: number }
  | { readonly unit: 'sameDay' };

export type TimeLimitUnit = TimeLimit['unit'];

export const timeLimitUnits: readonly TimeLimitUnit[] = ['hours', 'workingDays', 'workingHours', 'sameDay'];

/** Sanity bounds: a limit longer than this is a configuration mistake. */
export const MAX_WORKING_DAYS = 366;
export const MAX_HOURS = 24 * 366;

/**
 * An error message, or null when `limit` is a valid TimeLimit: working days a positive integer
 * (at most MAX_WORKING_DAYS), hours and working hours positive and finite (at most MAX_HOURS).
 * Accepts unknown input so it can check configuration read from storage.
 */
export function validateTimeLimit(limit: unknown): string | null {
  if (typeof limit !== 'object' || limit === null) return 'a time limit must be an object';
  const { unit, value } = limit as { unit?: unknown; value?: unknown };
  switch (unit) {
    case 'sameDay':
      return value === undefined ? null : 'sameDay takes no value';
    case 'workingDays':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'working days must be a whole number';
      if (value < 1) return 'working days must be at least 1';
      if (value > MAX_WORKING_DAYS) return `working days must be at most ${MAX_WORKING_DAYS}`;
      return null;
    case 'hours':
    case 'workingHours':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${unit} must be a number`;
      if (value <= 0) return `${unit} must be positive`;
      if (value > MAX_HOURS) return `${unit} must be at most ${MAX_HOURS}`;
      return null;
    default:
      return `unknown time-limit unit: ${String(unit)}`;
  }
}

/** The limit itself; throws a RangeError when it is invalid. */
export function assertTimeLimit(limit: unknown): TimeLimit {
  const error = validateTimeLimit(limit);
  if (error !== null) throw new RangeError(`invalid time limit: ${error}`);
  return limit as TimeLimit;
}

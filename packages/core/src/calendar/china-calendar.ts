import { cn2024 } from './data/cn-2024.ts';
import { cn2025 } from './data/cn-2025.ts';
import { cn2026 } from './data/cn-2026.ts';
import { cn2027 } from './data/cn-2027.ts';
import type { HolidayYearData } from './holiday-year.ts';
import { createWorkCalendar, type CalendarOverride, type WorkCalendar } from './work-calendar.ts';

/** The bundled State Council arrangements, ascending by year (2027 is provisional, see its file). */
export const bundledHolidayYears: readonly HolidayYearData[] = Object.freeze([cn2024, cn2025, cn2026, cn2027]);

/** The mainland China working-day calendar from the bundled years plus the admin's overrides. */
export function createChinaCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  return createWorkCalendar({ years: bundledHolidayYears, overrides });
}

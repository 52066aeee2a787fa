import {
  DomainError,
  caseScopeFor,
  coversRegion,
  epochDayToIsoDate,
  isoDateToEpochDay,
  parseIsoDate,
  validateTimeLimitPolicyOverride,
  type AuthUser,
  type CalendarOverrideSet,
  type CalendarYear,
  type IsoDate,
  type RegionTimeLimits,
  type TimeLimitPolicyOverride,
  type Deadlines,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * Settings an admin keeps: corrections to the holiday calendar and time-limit policies per
 * region. Reading is open to staff (deadlines explain themselves); writing is admin-only. A
 * change takes effect on this server at once and on the others within a minute.
 */
export function createSettingsService(deps: { db: Db; clock: Clock; deadlines: Deadlines }) {
  const { db, deadlines } = deps;
  const repo = createSettingsRepo(db);

  /** A region's own override and the policy in force there. */
  async function timeLimitsOf(regionCode: string, override: Record<string, unknown> | null): Promise<RegionTimeLimits> {
    const rules = await deadlines.snapshot();
    return { regionCode, override: override as TimeLimitPolicyOverride | null, effective: rules.policyFor(regionCode) };
  }

  return {
    /** The days of a year that differ from the Monday-Friday pattern (holidays, make-up workdays, overrides). */
    async calendar(year: number): Promise<CalendarYear> {
      const rules = await deadlines.snapshot();
      const first = isoDateToEpochDay(`${year}-01-01` as IsoDate);
      const last = isoDateToEpochDay(`${year}-12-31` as IsoDate);
      const days = [];
      for (let d = first; d <= last; d++) {
        const info = rules.calendar.dayInfo(epochDayToIsoDate(d));
        // Ordinary weekdays and weekends are implied; list the days that differ from the pattern.
        if (info.kind === 'holiday' || info.kind === 'makeupWorkday' || info.overridden) days.push(info);
      }
      return {
        year,
        covered: rules.calendar.isCovered(`${year}-01-01` as IsoDate),
        provisional: rules.calendar.isProvisional(`${year}-01-01` as IsoDate),
        days,
        overrides: (await repo.calendarOverrides()).filter((o) => o.date.startsWith(String(year))),
      };
    },

    async setCalendarOverride(date: string, o: { kind: 'holiday' | 'workday'; name?: string | undefined }): Promise<CalendarOverrideSet> {
      if (parseIsoDate(date) === null)
        throw DomainError.atField('validation_failed', { path: 'date', message: 'not a date' }, `${date} is not a calendar date`);
      await repo.upsertCalendarOverride({ date, kind: o.kind, name: o.name ?? null });
      deadlines.invalidate();
      return { date, kind: o.kind, name: o.name ?? null };
    },

    async removeCalendarOverride(date: string): Promise<void> {
      if (!(await repo.deleteCalendarOverride(date))) throw new DomainError('not_found', `no override for ${date}`);
      deadlines.invalidate();
    },

    async timeLimits(regionCode: string): Promise<RegionTimeLimits> {
      return timeLimitsOf(regionCode, (await repo.timeLimitPolicy(regionCode)) ?? null);
    },

    /** An admin sets the time limits of a region of their own; the whole policy is checked so the error names the entry. */
    async setTimeLimits(admin: AuthUser, regionCode: string, policy: Record<string, unknown>): Promise<RegionTimeLimits> {
      if (!coversRegion(caseScopeFor(admin).regionPrefixes, regionCode)) {
        throw new DomainError('forbidden', `${regionCode} is outside your regions`);
      }
      if (!(await createRegionsRepo(db).exists(regionCode))) throw new DomainError('not_found', `unknown region ${regionCode}`);
      const problem = validateTimeLimitPolicyOverride(policy);
      if (problem !== null) throw DomainError.atField('validation_failed', { path: problem.split(':')[0] ?? '', message: problem });
      await repo.upsertTimeLimitPolicy(regionCode, policy, deps.clock.now());
      deadlines.invalidate();
      return timeLimitsOf(regionCode, policy);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

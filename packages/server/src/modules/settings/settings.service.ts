import {
  DomainError,
  epochDayToIsoDate,
  isoDateToEpochDay,
  parseIsoDate,
  validateTimeLimitPolicyOverride,
  type CalendarOverrideSet,
  type CalendarYear,
  type IsoDate,
  type RegionTimeLimits,
  type TimeLimitPolicyOverride,
  type Deadlines,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * Settings an admin keeps: corrections to the holiday calendar (national: only a system admin of
 * the root region) and time-limit policies per region (the admin of that region). Reading is open
 * to staff (deadlines explain themselves). Every change is written to the audit log in its
 * transaction. A change takes effect on this server at once and on the others within a minute.
 */
export function createSettingsService(deps: { db: Db; clock: Clock; deadlines: Deadlines }) {
  const { db, deadlines } = deps;
  const repo = createSettingsRepo(db);

  function entry(scope: AdminScope, e: Omit<AuditEntry, 'at' | 'actor' | 'sourceIp'>): AuditEntry {
    return { ...e, actor: scope.actor, sourceIp: scope.sourceIp, at: deps.clock.now() };
  }

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

    async setCalendarOverride(
      scope: AdminScope,
      date: string,
      o: { kind: 'holiday' | 'workday'; name?: string | undefined },
    ): Promise<CalendarOverrideSet> {
      if (parseIsoDate(date) === null)
        throw DomainError.atField('validation_failed', { path: 'date', message: 'not a date' }, `${date} is not a calendar date`);
      await db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'the holiday calendar');
        await createSettingsRepo(trx).upsertCalendarOverride({ date, kind: o.kind, name: o.name ?? null });
        await recordAudit(
          trx,
          entry(scope, {
            action: 'settings.calendar.set',
            target: { type: 'calendar_day', id: date },
            regionCode: null,
            detail: { kind: o.kind, name: o.name ?? null },
          }),
        );
      });
      deadlines.invalidate();
      return { date, kind: o.kind, name: o.name ?? null };
    },

    async removeCalendarOverride(scope: AdminScope, date: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'the holiday calendar');
        if (!(await createSettingsRepo(trx).deleteCalendarOverride(date))) throw new DomainError('not_found', `no override for ${date}`);
        await recordAudit(
          trx,
          entry(scope, { action: 'settings.calendar.remove', target: { type: 'calendar_day', id: date }, regionCode: null }),
        );
      });
      deadlines.invalidate();
    },

    async timeLimits(regionCode: string): Promise<RegionTimeLimits> {
      return timeLimitsOf(regionCode, (await repo.timeLimitPolicy(regionCode)) ?? null);
    },

    /** An admin sets the time limits of a region of their own; the whole policy is checked so the error names the entry. */
    async setTimeLimits(scope: AdminScope, regionCode: string, policy: Record<string, unknown>): Promise<RegionTimeLimits> {
      if (!scope.covers(regionCode)) {
        throw new DomainError('forbidden', `${regionCode} is outside your regions`);
      }
      if (!(await createRegionsRepo(db).exists(regionCode))) throw new DomainError('not_found', `unknown region ${regionCode}`);
      const problem = validateTimeLimitPolicyOverride(policy);
      if (problem !== null) throw DomainError.atField('validation_failed', { path: problem.split(':')[0] ?? '', message: problem });
      await db.transaction().execute(async (trx) => {
        await createSettingsRepo(trx).upsertTimeLimitPolicy(regionCode, policy, deps.clock.now());
        await recordAudit(
          trx,
          entry(scope, { action: 'settings.time_limits.set', target: { type: 'region', id: regionCode }, regionCode, detail: { policy } }),
        );
      });
      deadlines.invalidate();
      return timeLimitsOf(regionCode, policy);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

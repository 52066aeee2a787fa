import {
  DomainError,
  caseScopeFor,
  calendarOverrideSchema,
  calendarYearQuerySchema,
  epochDayToIsoDate,
  isoDateParamSchema,
  isoDateToEpochDay,
  parseIsoDate,
  regionCodeSchema,
  validateTimeLimitPolicyOverride,
  type IsoDate,
} from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { requireRole, requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createCategoriesRepo } from './categories.repo.ts';
import type { Deadlines } from './deadlines.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * Settings an admin keeps: corrections to the holiday calendar and time-limit policies per
 * region. Reading is open to staff (deadlines explain themselves); writing is admin-only. A
 * change takes effect on this server at once and on the others within a minute.
 */
export function settingsRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock; deadlines: Deadlines }): void {
  const repo = createSettingsRepo(deps.db);

  app.get('/api/v1/categories', async () => {
    const rows = await createCategoriesRepo(deps.db).list();
    return { items: rows.map((r) => ({ code: r.code, parentCode: r.parent_code, nameZh: r.name_zh, nameEn: r.name_en })) };
  });

  app.get('/api/v1/settings/calendar', async (req) => {
    requireUser(req);
    const { year } = parseWith(calendarYearQuerySchema, req.query, langOf(req));
    const rules = await deps.deadlines.snapshot();
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
  });

  app.put<{ Params: { date: string } }>('/api/v1/settings/calendar/overrides/:date', async (req) => {
    requireRole(req, ['admin']);
    const lang = langOf(req);
    const date = parseWith(isoDateParamSchema, req.params.date, lang);
    if (parseIsoDate(date) === null)
      throw new DomainError('validation_failed', `${date} is not a calendar date`, { fields: [{ path: 'date', message: 'not a date' }] });
    const body = parseWith(calendarOverrideSchema, req.body, lang);
    await repo.upsertCalendarOverride({ date, kind: body.kind, name: body.name ?? null });
    deps.deadlines.invalidate();
    return { date, kind: body.kind, name: body.name ?? null };
  });

  app.delete<{ Params: { date: string } }>('/api/v1/settings/calendar/overrides/:date', async (req, reply) => {
    requireRole(req, ['admin']);
    const date = parseWith(isoDateParamSchema, req.params.date, langOf(req));
    if (!(await repo.deleteCalendarOverride(date))) throw new DomainError('not_found', `no override for ${date}`);
    deps.deadlines.invalidate();
    return reply.status(204).send();
  });

  app.get<{ Params: { regionCode: string } }>('/api/v1/settings/time-limits/:regionCode', async (req) => {
    requireUser(req);
    const regionCode = parseWith(regionCodeSchema, req.params.regionCode, langOf(req));
    const rules = await deps.deadlines.snapshot();
    return { regionCode, override: (await repo.timeLimitPolicy(regionCode)) ?? null, effective: rules.policyFor(regionCode) };
  });

  app.put<{ Params: { regionCode: string } }>('/api/v1/settings/time-limits/:regionCode', async (req) => {
    const admin = requireRole(req, ['admin']);
    const regionCode = parseWith(regionCodeSchema, req.params.regionCode, langOf(req));
    if (!caseScopeFor(admin).regionPrefixes.some((p) => regionCode.startsWith(p))) {
      throw new DomainError('forbidden', `${regionCode} is outside your regions`);
    }
    if (!(await createRegionsRepo(deps.db).exists(regionCode))) throw new DomainError('not_found', `unknown region ${regionCode}`);
    const problem = validateTimeLimitPolicyOverride(req.body);
    if (problem !== null)
      throw new DomainError('validation_failed', problem, { fields: [{ path: problem.split(':')[0] ?? '', message: problem }] });
    await repo.upsertTimeLimitPolicy(regionCode, req.body as Record<string, unknown>, deps.clock.now());
    deps.deadlines.invalidate();
    const rules = await deps.deadlines.snapshot();
    return { regionCode, override: req.body, effective: rules.policyFor(regionCode) };
  });
}

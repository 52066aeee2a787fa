import {
  calendarDateParamsSchema,
  calendarOverrideSchema,
  calendarOverrideSetSchema,
  calendarYearQuerySchema,
  calendarYearSchema,
  categoryListSchema,
  regionTimeLimitsSchema,
  timeLimitPolicyBodySchema,
  timeLimitRegionParamsSchema,
} from '@huiyin/core';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { noContent, type ApiApp } from '../../http/route.ts';
import type { CatalogService } from './catalog.service.ts';
import type { SettingsService } from './settings.service.ts';

/**
 * The request categories, and the settings an admin keeps: corrections to the holiday calendar
 * and time-limit policies per region. Reading is open to staff; writing is admin-only.
 */
export function settingsRoutes(app: ApiApp, deps: { settings: SettingsService; catalog: CatalogService }): void {
  const { settings, catalog } = deps;

  app.get(
    '/api/v1/categories',
    { config: { access: 'public' }, schema: { summary: 'Request categories (the active ones)', response: { 200: categoryListSchema } } },
    async () => catalog.active(),
  );

  app.get(
    '/api/v1/settings/calendar',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Holidays, make-up workdays and overrides of a year',
        querystring: calendarYearQuerySchema,
        response: { 200: calendarYearSchema },
      },
    },
    async (req) => settings.calendar(req.query.year),
  );

  app.put(
    '/api/v1/settings/calendar/overrides/:date',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Set a holiday or workday override (a national setting: system admin of the root region)',
        params: calendarDateParamsSchema,
        body: calendarOverrideSchema,
        response: { 200: calendarOverrideSetSchema },
      },
    },
    async (req) => settings.setCalendarOverride(adminScopeOfRequest(req), req.params.date, req.body),
  );

  app.delete(
    '/api/v1/settings/calendar/overrides/:date',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Remove an override (system admin of the root region)',
        params: calendarDateParamsSchema,
        response: { 204: noContent('Removed') },
      },
    },
    async (req, reply) => {
      await settings.removeCalendarOverride(adminScopeOfRequest(req), req.params.date);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/settings/time-limits/:regionCode',
    {
      config: { access: 'user' },
      schema: {
        summary: 'The effective time-limit policy of a region',
        params: timeLimitRegionParamsSchema,
        response: { 200: regionTimeLimitsSchema },
      },
    },
    async (req) => settings.timeLimits(req.params.regionCode),
  );

  app.put(
    '/api/v1/settings/time-limits/:regionCode',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Set a region’s own time limits (admin, own regions)',
        params: timeLimitRegionParamsSchema,
        body: timeLimitPolicyBodySchema,
        response: { 200: regionTimeLimitsSchema },
      },
    },
    async (req) => settings.setTimeLimits(adminScopeOfRequest(req), req.params.regionCode, req.body),
  );
}

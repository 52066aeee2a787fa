import { regionChildrenQuerySchema, regionListSchema, unitListSchema } from '@huiyin/core';
import { requireUser } from '../../http/auth.ts';
import type { ApiApp } from '../../http/route.ts';
import type { RegionsService } from './regions.service.ts';
import type { UnitsService } from './units.service.ts';

/** Units and regions for pickers. */
export function unitsRoutes(app: ApiApp, deps: { units: UnitsService; regions: RegionsService }): void {
  const { units, regions } = deps;

  app.get(
    '/api/v1/units',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Units of the caller’s regions',
        description: 'Active units; a role that sees only its own units gets the units of its units’ regions.',
        response: { 200: unitListSchema },
      },
    },
    async (req) => units.visibleTo(requireUser(req)),
  );

  app.get(
    '/api/v1/regions',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Regions under a parent (GB/T 2260)',
        querystring: regionChildrenQuerySchema,
        response: { 200: regionListSchema },
      },
    },
    async (req) => regions.children(req.query.parent),
  );
}

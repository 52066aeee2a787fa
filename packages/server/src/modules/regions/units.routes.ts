import { caseScopeFor } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect.ts';
import { requireUser } from '../../http/auth.ts';
import { createUnitsRepo } from './units.repo.ts';
import { createRegionsRepo } from './regions.repo.ts';

export function unitsRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  /** Units of the caller's regions (all units for unit-only roles' own region too). */
  app.get('/api/v1/units', async (req) => {
    const user = requireUser(req);
    const scope = caseScopeFor(user);
    const prefixes = scope.regionPrefixes.length > 0 ? scope.regionPrefixes : user.units.map((u) => u.regionCode.slice(0, 6));
    const items = await createUnitsRepo(db).list({ regionPrefixes: prefixes });
    return { items };
  });

  app.get<{ Querystring: { parent?: string } }>('/api/v1/regions', async (req) => {
    const parent = typeof req.query.parent === 'string' && /^\d{6,12}$/.test(req.query.parent) ? req.query.parent : null;
    const rows = await createRegionsRepo(db).children(parent);
    return { items: rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level })) };
  });
}

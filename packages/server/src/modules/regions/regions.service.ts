import type { Region } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from './admin-scope.ts';
import { createRegionsRepo } from './regions.repo.ts';

type RegionRecord = { code: string; name: string; parent_code: string | null; level: number };
const view = (r: RegionRecord): Region => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level });

/** Regions (GB/T 2260) for pickers: the children of a region, and an admin's regions down to townships. */
export function createRegionsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** The children of `parent` (a code of 6 to 12 digits); without one, or with a malformed one, the provinces. */
    async children(parent: string | undefined): Promise<{ items: Region[] }> {
      const code = parent !== undefined && /^\d{6,12}$/.test(parent) ? parent : null;
      return { items: (await createRegionsRepo(db).children(code)).map(view) };
    },

    /** The admin's regions and their townships (at most 5000, by code). */
    async ofAdmin(scope: AdminScope): Promise<{ items: Region[] }> {
      if (scope.prefixes.length === 0) return { items: [] };
      const rows = await createRegionsRepo(db).under(scope.prefixes, { maxLevel: 4, limit: 5000 });
      return { items: rows.map(view) };
    },
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;

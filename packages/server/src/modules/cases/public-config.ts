import type { PublicConfig } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';

/**
 * What the citizen pages need to know before a form is filled: the map tiles (null = maps
 * without tiles, the pin still works) and the districts that have a service centre here, so a
 * citizen only picks places where someone will answer.
 */
export function createPublicConfigService(deps: { db: Db; mapTileUrl: string | undefined; maxUploadBytes: number; maxPhotos: number }) {
  return {
    async get(): Promise<PublicConfig> {
      const rows = await createUnitsRepo(deps.db).serviceRegions();
      return {
        mapTileUrl: deps.mapTileUrl ?? null,
        maxPhotos: deps.maxPhotos,
        maxUploadBytes: deps.maxUploadBytes,
        // 运城市盐湖区, not just 盐湖区: district names repeat across cities.
        serviceRegions: rows.map((r) => ({ code: r.code, name: r.name, fullName: `${r.parentName ?? ''}${r.name}` })),
      };
    },
  };
}

export type PublicConfigService = ReturnType<typeof createPublicConfigService>;

import type { Role, UnitKind } from '@huiyin/core';
import type { Db } from '../db/connect.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { hashPassword } from '../modules/people/password.ts';
import { createRegionsRepo } from '../modules/regions/regions.repo.ts';
import { createUnitsRepo } from '../modules/regions/units.repo.ts';

/** The password of every account a factory makes (the demo's, so the harness can sign them in). */
export const FACTORY_PASSWORD = 'huiyin-demo';

let passwordHash: Promise<string> | undefined;

/**
 * Small factories for test data: exactly the regions, units and accounts a test needs, instead
 * of the whole demo organisation. Defaults are a district of 运城市 with its province and city.
 */
export function factories(db: Db) {
  let seq = 0;
  return {
    /** 山西省 › 运城市 › 盐湖区 (or another district under 运城市). */
    async district(code = '140802', name = '盐湖区'): Promise<string> {
      await createRegionsRepo(db).upsertMany([
        { code: '140000', name: '山西省', parentCode: null, level: 1 },
        { code: '140800', name: '运城市', parentCode: '140000', level: 2 },
        { code, name, parentCode: '140800', level: 3 },
      ]);
      return code;
    },

    async unit(u: { name?: string; kind?: UnitKind; regionCode?: string; parentId?: number | null } = {}): Promise<number> {
      seq += 1;
      return createUnitsRepo(db).insert({
        name: u.name ?? `测试单位${seq}`,
        kind: u.kind ?? 'bureau',
        regionCode: u.regionCode ?? '140802',
        parentId: u.parentId ?? null,
      });
    },

    /** An active account with the roles, in the units; signs in with FACTORY_PASSWORD. */
    async user(u: {
      roles: Role[];
      unitIds: number[];
      username?: string;
      displayName?: string;
    }): Promise<{ id: number; username: string }> {
      seq += 1;
      const username = u.username ?? `user${seq}`;
      passwordHash ??= hashPassword(FACTORY_PASSWORD);
      const people = createPeopleRepo(db);
      const id = await people.insertUser({
        username,
        displayName: u.displayName ?? `测试人员${seq}`,
        passwordHash: await passwordHash,
        phone: null,
        roles: u.roles,
      });
      await people.addMemberships(id, u.unitIds);
      return { id, username };
    },
  };
}

export type Factories = ReturnType<typeof factories>;

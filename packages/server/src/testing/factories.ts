import type { Role, UnitKind } from '@huiyin/core';
import type { Db } from '../db/connect.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { hashPassword } from '../modules/people/password.ts';
import { createRegionsRepo } from '../modules/regions/regions.repo.ts';
import { createUnitsRepo } from '../modules/regions/units.repo.ts';
import { createCategoriesRepo } from '../modules/settings/categories.repo.ts';

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

    /** A category, and its parent for a dotted code (`water.outage` under `water`). */
    async category(code: string, nameZh = code): Promise<string> {
      const categories = createCategoriesRepo(db);
      const dot = code.lastIndexOf('.');
      const parentCode = dot > 0 ? code.slice(0, dot) : null;
      if (parentCode) await categories.upsert({ code: parentCode, parentCode: null, nameZh: parentCode, nameEn: parentCode });
      await categories.upsert({ code, parentCode, nameZh, nameEn: code });
      return code;
    },

    /**
     * An active account with the roles, in the units; signs in with FACTORY_PASSWORD. A demo
     * account by default (it has the demo password: no second factor in demo mode); `demo: false`
     * for one that is treated like a real account.
     */
    async user(u: {
      roles: Role[];
      unitIds: number[];
      username?: string;
      displayName?: string;
      demo?: boolean;
      mustChangePassword?: boolean;
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
        demo: u.demo ?? true,
        mustChangePassword: u.mustChangePassword ?? false,
      });
      await people.addMemberships(id, u.unitIds);
      return { id, username };
    },

    /**
     * The demo's smallest working desk: 盐湖区's service centre and its water bureau, with the
     * accounts named as in the demo (clerk, dispatcher, supervisor in the centre; handler2 in the
     * water bureau).
     */
    async waterDesk(
      accounts: readonly WaterDeskAccount[] = ['clerk', 'dispatcher', 'handler2'],
    ): Promise<{ centre: number; water: number; users: Partial<Record<WaterDeskAccount, number>> }> {
      await this.district();
      const centre = await this.unit({ name: '盐湖区政务服务中心', kind: 'centre' });
      const water = await this.unit({ name: '盐湖区水务局', parentId: centre });
      const users: Partial<Record<WaterDeskAccount, number>> = {};
      for (const username of accounts) {
        const role = username === 'handler2' ? 'handler' : username;
        users[username] = (await this.user({ username, roles: [role], unitIds: [username === 'handler2' ? water : centre] })).id;
      }
      return { centre, water, users };
    },
  };
}

export type WaterDeskAccount = 'clerk' | 'dispatcher' | 'supervisor' | 'handler2';

export type Factories = ReturnType<typeof factories>;

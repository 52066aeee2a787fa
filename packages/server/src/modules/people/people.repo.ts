import type { AuthUser, Role } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';

/** A staff account with its unit memberships (the signed-in user of core's contract). */
export type UserWithUnits = AuthUser;

export function createPeopleRepo(db: Db) {
  async function unitsOf(userIds: number[]) {
    if (userIds.length === 0) return [];
    return db
      .selectFrom('unit_members as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['m.user_id', 'u.id', 'u.name', 'u.region_code', 'u.kind'])
      .where('m.user_id', 'in', userIds)
      .orderBy('u.id')
      .execute();
  }

  return {
    async findCredentials(username: string) {
      return db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst();
    },

    async findById(id: number): Promise<UserWithUnits | undefined> {
      const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!u) return undefined;
      const units = await unitsOf([id]);
      return {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        phone: u.phone,
        roles: u.roles,
        active: u.active,
        units: units.map((x) => ({ id: x.id, name: x.name, regionCode: x.region_code, kind: x.kind })),
      };
    },

    async insertUser(u: { username: string; displayName: string; passwordHash: string; phone: string | null; roles: Role[] }) {
      const row = await db
        .insertInto('users')
        .values({ username: u.username, display_name: u.displayName, password_hash: u.passwordHash, phone: u.phone, roles: u.roles })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async displayNames(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },

    async hasAnyUser(): Promise<boolean> {
      return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
    },

    async usernameExists(username: string): Promise<boolean> {
      const r = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      return r !== undefined;
    },

    async addMemberships(userId: number, unitIds: number[]) {
      if (unitIds.length === 0) return;
      await db
        .insertInto('unit_members')
        .values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async insertSession(tokenHash: string, userId: number, expiresAt: Date) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
    },

    async findSession(tokenHash: string) {
      return db.selectFrom('sessions').select(['user_id', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    async deleteSession(tokenHash: string) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(now: Date) {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },
  };
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;

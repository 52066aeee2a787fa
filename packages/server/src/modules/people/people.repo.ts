import type { AdminUser, AuthUser, Role, UserLang } from '@huiyin/core';
import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { pageWithTotal } from '../../db/pages.ts';
import type { Database } from '../../db/schema.ts';

/** A staff account with its unit memberships (the signed-in user of core's contract). */
export type UserWithUnits = AuthUser;

export interface ManagedUserFilter {
  prefixes: readonly string[];
  q?: string | undefined;
  unitId?: number | undefined;
  active?: boolean | undefined;
}

function likeUnder(prefixes: readonly string[]) {
  return sql<SqlBool>`(${sql.join(
    prefixes.map((p) => sql`u.region_code like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** `%` and `_` typed by a person are literal characters, not wildcards. */
function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const managedColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.phone',
  'users.email',
  'users.lang',
  'users.roles',
  'users.active',
  'users.created_at',
  'users.locked_until',
  'users.totp_enabled_at',
  'users.must_change_password',
] as const;

/**
 * Users an admin manages: members of at least one unit, every one of whose units lies under
 * the admin's region prefixes. A user who also belongs to a unit elsewhere is managed there.
 */
function managed(eb: ExpressionBuilder<Database, 'users'>, prefixes: readonly string[]) {
  const memberships = () =>
    eb
      .selectFrom('unit_members as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select('m.unit_id')
      .whereRef('m.user_id', '=', 'users.id');
  return eb.and([eb.exists(memberships()), eb.not(eb.exists(memberships().where(sql<SqlBool>`not ${likeUnder(prefixes)}`)))]);
}

/** Users, their unit memberships and their sessions: the one repo that writes those tables. */
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

  function managedFiltered(f: ManagedUserFilter) {
    let q = db.selectFrom('users').where((eb) => managed(eb, f.prefixes));
    if (f.q) {
      const pattern = likeContains(f.q);
      q = q.where((eb) => eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'ilike', pattern)]));
    }
    if (f.unitId !== undefined) {
      const unitId = f.unitId;
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom('unit_members as f').select('f.user_id').whereRef('f.user_id', '=', 'users.id').where('f.unit_id', '=', unitId),
        ),
      );
    }
    if (f.active !== undefined) q = q.where('users.active', '=', f.active);
    return q;
  }

  async function withUnits(
    rows: {
      id: number;
      username: string;
      display_name: string;
      phone: string | null;
      email: string | null;
      lang: UserLang | null;
      roles: Role[];
      active: boolean;
      created_at: Date;
      locked_until: Date | null;
      totp_enabled_at: Date | null;
      must_change_password: boolean;
    }[],
  ): Promise<AdminUser[]> {
    const ids = rows.map((r) => r.id);
    const units =
      ids.length === 0
        ? []
        : await db
            .selectFrom('unit_members as m')
            .innerJoin('units as u', 'u.id', 'm.unit_id')
            .select(['m.user_id', 'u.id', 'u.name', 'u.region_code', 'u.kind', 'u.active'])
            .where('m.user_id', 'in', ids)
            .orderBy('u.id')
            .execute();
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      phone: r.phone,
      email: r.email,
      lang: r.lang,
      roles: r.roles,
      active: r.active,
      createdAt: r.created_at.toISOString(),
      lockedUntil: r.locked_until ? r.locked_until.toISOString() : null,
      totpEnabled: r.totp_enabled_at !== null,
      mustChangePassword: r.must_change_password,
      units: units
        .filter((u) => u.user_id === r.id)
        .map((u) => ({ id: u.id, name: u.name, regionCode: u.region_code, kind: u.kind, active: u.active })),
    }));
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

    async insertUser(u: {
      username: string;
      displayName: string;
      passwordHash: string;
      phone: string | null;
      roles: Role[];
      /** A demo account (the demo password; refused when HUIYIN_DEMO=off). */
      demo?: boolean;
      /** Created or reset by someone else: the password must be changed at first sign-in. */
      mustChangePassword?: boolean;
    }) {
      const row = await db
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          phone: u.phone,
          roles: u.roles,
          demo: u.demo ?? false,
          must_change_password: u.mustChangePassword ?? false,
        })
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

    /** The ids of the accounts with these usernames (an import matches its rows by username). */
    async idsByUsername(usernames: readonly string[]): Promise<Map<string, number>> {
      if (usernames.length === 0) return new Map();
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', 'in', [...new Set(usernames)])
        .execute();
      return new Map(rows.map((r) => [r.username, r.id]));
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

    /** End every session of the user: their tokens stop working at once. */
    async deleteSessionsOf(userId: number): Promise<number> {
      const r = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    // ---- what the admin pages see and change ----

    async listManaged(f: ManagedUserFilter, page: { limit: number; offset: number }): Promise<{ items: AdminUser[]; total: number }> {
      if (f.prefixes.length === 0) return { items: [], total: 0 };
      const { rows, total } = await pageWithTotal(managedFiltered(f).select(managedColumns).orderBy('users.id'), page);
      return { items: await withUnits(rows), total };
    },

    /** The user if the admin manages them, locked for the rest of the transaction. */
    async getManaged(id: number, prefixes: readonly string[]): Promise<AdminUser | undefined> {
      if (prefixes.length === 0) return undefined;
      const row = await db
        .selectFrom('users')
        .select(managedColumns)
        .where('users.id', '=', id)
        .where((eb) => managed(eb, prefixes))
        .forUpdate()
        .executeTakeFirst();
      return row ? (await withUnits([row]))[0] : undefined;
    },

    async update(
      id: number,
      patch: {
        displayName?: string;
        phone?: string | null;
        email?: string | null;
        lang?: UserLang | null;
        roles?: Role[];
        active?: boolean;
      },
    ) {
      const set = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
        ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      if (Object.keys(set).length === 0) return;
      await db.updateTable('users').set(set).where('id', '=', id).execute();
    },

    /** Make the user's memberships exactly `unitIds`. */
    async replaceMemberships(userId: number, unitIds: readonly number[]) {
      await db
        .deleteFrom('unit_members')
        .where('user_id', '=', userId)
        .where('unit_id', 'not in', [...unitIds])
        .execute();
      await db
        .insertInto('unit_members')
        .values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async setPasswordHash(id: number, hash: string) {
      await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
    },

    /** A password set by a security admin: the user must change it at the next sign-in. */
    async setPasswordBySecurityAdmin(id: number, hash: string) {
      await db.updateTable('users').set({ password_hash: hash, must_change_password: true }).where('id', '=', id).execute();
    },

    async setMustChangePassword(id: number, value: boolean) {
      await db.updateTable('users').set({ must_change_password: value }).where('id', '=', id).execute();
    },

    /** Lift a lockout: no lock, no failed sign-ins counted (the count of lockouts stays, so the next lock still grows). */
    async unlock(id: number) {
      await db.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('id', '=', id).execute();
    },
  };
}

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;

import type { Role } from '@huiyin/core';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** What sign-in needs to know about an account, read (and locked, in a transaction) by username or id. */
export interface SignInAccount {
  id: number;
  username: string;
  password_hash: string;
  active: boolean;
  roles: Role[];
  demo: boolean;
  must_change_password: boolean;
  password_changed_at: Date | null;
  failed_logins: number;
  locked_until: Date | null;
  lockouts: number;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

const accountColumns = [
  'id',
  'username',
  'password_hash',
  'active',
  'roles',
  'demo',
  'must_change_password',
  'password_changed_at',
  'failed_logins',
  'locked_until',
  'lockouts',
  'totp_secret',
  'totp_enabled_at',
  'totp_last_step',
] as const;

function numberOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function account(row: Record<(typeof accountColumns)[number], unknown>): SignInAccount {
  const r = row as unknown as SignInAccount;
  return { ...r, id: Number(r.id), totp_last_step: numberOrNull(r.totp_last_step) };
}

/**
 * The sign-in state of accounts (lockout, second factor, password history, recovery codes), the
 * per-address throttle and the sessions as their owner sees them. The account rows belong to
 * the people repo; this repo writes only the sign-in columns.
 */
export function createSignInRepo(db: Db) {
  return {
    async accountByUsername(username: string, lock = false): Promise<SignInAccount | undefined> {
      let q = db.selectFrom('users').select(accountColumns).where('username', '=', username);
      if (lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? account(row) : undefined;
    },

    async accountById(id: number, lock = false): Promise<SignInAccount | undefined> {
      let q = db.selectFrom('users').select(accountColumns).where('id', '=', id);
      if (lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? account(row) : undefined;
    },

    async setFailures(id: number, s: { failedLogins: number; lockedUntil?: Date | null; lockouts?: number }) {
      await db
        .updateTable('users')
        .set({
          failed_logins: s.failedLogins,
          ...(s.lockedUntil !== undefined ? { locked_until: s.lockedUntil } : {}),
          ...(s.lockouts !== undefined ? { lockouts: s.lockouts } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async setTotpLastStep(id: number, step: number) {
      await db.updateTable('users').set({ totp_last_step: step }).where('id', '=', id).execute();
    },

    async setPendingTotp(id: number, secret: string) {
      await db
        .updateTable('users')
        .set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null })
        .where('id', '=', id)
        .execute();
    },

    async enableTotp(id: number, at: Date, step: number) {
      await db.updateTable('users').set({ totp_enabled_at: at, totp_last_step: step }).where('id', '=', id).execute();
    },

    async removeTotp(id: number) {
      await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', id).execute();
      await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
    },

    async replaceRecoveryCodes(id: number, hashes: readonly string[]) {
      await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
      await db
        .insertInto('recovery_codes')
        .values(hashes.map((code_hash) => ({ user_id: id, code_hash, used_at: null })))
        .execute();
    },

    /** Mark an unused recovery code used; false when there is none with that hash. */
    async useRecoveryCode(id: number, hash: string, at: Date): Promise<boolean> {
      const r = await db
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('user_id', '=', id)
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async unusedRecoveryCodes(id: number): Promise<number> {
      const r = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The newest password hashes of the account (its history, newest first). */
    async recentPasswordHashes(id: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('password_history')
        .select('password_hash')
        .where('user_id', '=', id)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.password_hash);
    },

    async addPasswordHistory(id: number, hash: string, at: Date) {
      await db.insertInto('password_history').values({ user_id: id, password_hash: hash, created_at: at }).execute();
    },

    /** The new password: stored, remembered, no longer to be changed, failures forgotten. */
    async setPassword(id: number, hash: string, at: Date) {
      await db
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: at, must_change_password: false, failed_logins: 0 })
        .where('id', '=', id)
        .execute();
    },

    /** Accounts flagged as demo accounts, with their password hashes (the HUIYIN_DEMO=off check). */
    async demoAccounts(): Promise<{ username: string; password_hash: string }[]> {
      return db.selectFrom('users').select(['username', 'password_hash']).where('demo', '=', true).orderBy('id').execute();
    },

    // ---- the per-address throttle ----

    async throttleOf(address: string): Promise<{ windowStart: Date; failures: number } | undefined> {
      const r = await db
        .selectFrom('sign_in_throttle')
        .select(['window_start', 'failures'])
        .where('address', '=', address)
        .executeTakeFirst();
      return r ? { windowStart: r.window_start, failures: r.failures } : undefined;
    },

    /** Count one failure from the address: in its current window, or a new window starting now. */
    async countFailure(address: string, now: Date, windowStartedBefore: Date): Promise<void> {
      await db
        .insertInto('sign_in_throttle')
        .values({ address, window_start: now, failures: 1 })
        .onConflict((oc) =>
          oc.column('address').doUpdateSet({
            failures: sql<number>`case when sign_in_throttle.window_start <= ${windowStartedBefore} then 1 else sign_in_throttle.failures + 1 end`,
            window_start: sql<Date>`case when sign_in_throttle.window_start <= ${windowStartedBefore} then ${now} else sign_in_throttle.window_start end`,
          }),
        )
        .execute();
    },

    // ---- sessions ----

    async insertSession(s: {
      tokenHash: string;
      userId: number;
      expiresAt: Date;
      now: Date;
      address: string | null;
      userAgent: string | null;
      restricted: 'password' | 'totp' | null;
    }): Promise<number> {
      const r = await db
        .insertInto('sessions')
        .values({
          token_hash: s.tokenHash,
          user_id: s.userId,
          expires_at: s.expiresAt,
          created_at: s.now,
          last_seen_at: s.now,
          address: s.address,
          user_agent: s.userAgent,
          restricted: s.restricted,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },

    async sessionByToken(tokenHash: string) {
      const r = await db
        .selectFrom('sessions')
        .select(['id', 'user_id', 'created_at', 'expires_at', 'last_seen_at', 'restricted'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return r ? { ...r, id: Number(r.id), user_id: Number(r.user_id) } : undefined;
    },

    async touchSession(id: number, at: Date) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    async setSessionRestriction(id: number, restricted: 'password' | 'totp' | null) {
      await db.updateTable('sessions').set({ restricted }).where('id', '=', id).execute();
    },

    async deleteSessionById(id: number) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    /** End the user's session with this id; false when it is not theirs (or gone). */
    async deleteOwnSession(userId: number, id: number): Promise<boolean> {
      const r = await db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** End every session of the user but one. */
    async deleteOtherSessions(userId: number, keepId: number): Promise<number> {
      const r = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async sessionsOf(userId: number, now: Date) {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'address', 'user_agent'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
      return rows.map((r) => ({ ...r, id: Number(r.id) }));
    },
  };
}

export type SignInRepo = ReturnType<typeof createSignInRepo>;

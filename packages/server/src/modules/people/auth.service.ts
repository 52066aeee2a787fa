import { createHash, randomBytes } from 'node:crypto';
import { DomainError, coversRegion, type AuthUser, type CreateUserInput, type Me } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createPeopleRepo, type PeopleRepo } from './people.repo.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';

/** The signed-in user as the API shows them. */
export function meView(u: AuthUser): Me {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, units: u.units };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  sessionTtlHours: number;
  /** A session unused this long ends (HUIYIN_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes?: number;
  /** HUIYIN_PUBLIC_URL: https makes the session cookie Secure. */
  publicUrl?: string | undefined;
  /** Demo mode: demo accounts need no second factor. */
  demo?: boolean;
}) {
  const { clock } = deps;
  const people: PeopleRepo = createPeopleRepo(deps.db);

  return {
    /** Password sign-in: a new opaque token (its hash is stored), valid for the session TTL. */
    async login(username: string, password: string): Promise<{ token: string; user: AuthUser; expiresAt: Date }> {
      const cred = await people.findCredentials(username);
      const ok = cred ? await verifyPassword(cred.password_hash, password) : await verifyPassword(await dummyHash(), password);
      if (!cred || !ok || !cred.active) throw new DomainError('unauthorized', 'wrong username or password');
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(clock.now().getTime() + deps.sessionTtlHours * 3600_000);
      await people.insertSession(tokenHash(token), cred.id, expiresAt);
      const user = await people.findById(cred.id);
      if (!user) throw new DomainError('unauthorized');
      return { token, user, expiresAt };
    },

    /** The user behind a token, or null when the token is unknown, expired or its user disabled. */
    async authenticate(token: string): Promise<AuthUser | null> {
      if (token.length < 20 || token.length > 200) return null;
      const s = await people.findSession(tokenHash(token));
      if (!s || s.expires_at.getTime() <= clock.now().getTime()) return null;
      const user = await people.findById(s.user_id);
      return user && user.active ? user : null;
    },

    async logout(token: string): Promise<void> {
      await people.deleteSession(tokenHash(token));
    },

    /**
     * A new staff account with its roles and unit memberships, in one transaction; `within`
     * writes what other modules keep about the new user, in the same transaction.
     */
    async createUser(
      input: CreateUserInput,
      opts: { regionPrefixes?: readonly string[]; within?: (trx: Db, userId: number) => Promise<void> } = {},
    ): Promise<AuthUser> {
      const passwordHash = await hashPassword(input.password);
      return deps.db.transaction().execute(async (trx) => {
        const tp = createPeopleRepo(trx);
        if (await tp.usernameExists(input.username)) {
          throw DomainError.atField('conflict', { path: 'username', message: `username ${input.username} is taken` });
        }
        const units = createUnitsRepo(trx);
        const missing = await units.missingIds(input.unitIds);
        if (missing.length > 0) {
          const message = `unknown units: ${missing.join(', ')}`;
          throw DomainError.atField('validation_failed', { path: 'unitIds', message }, message, { missing });
        }
        // An admin creates accounts only in units of their own regions.
        const prefixes = opts.regionPrefixes;
        if (prefixes) {
          for (const id of input.unitIds) {
            const u = await units.get(id);
            if (u && !coversRegion(prefixes, u.regionCode)) {
              throw DomainError.atField('forbidden', { path: 'unitIds', message: `unit ${id} is outside your regions` });
            }
          }
        }
        const id = await tp.insertUser({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          phone: input.phone ?? null,
          roles: input.roles,
        });
        await tp.addMemberships(id, input.unitIds);
        if (opts.within) await opts.within(trx, id);
        const user = await tp.findById(id);
        if (!user) throw new DomainError('internal', 'user vanished after insert');
        return user;
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

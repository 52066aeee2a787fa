import { DomainError, coversRegion, type AuthUser, type CreateUserInput } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { hashPassword } from './password.ts';
import { rememberPassword } from './password-rules.ts';
import { createPeopleRepo } from './people.repo.ts';

export interface CreateAccountOptions {
  /** The creator's regions: every unit of the account must lie in them. */
  regionPrefixes?: readonly string[];
  /** Writes what other modules keep about the new user, in the same transaction. */
  within?: (trx: Db, userId: number) => Promise<void>;
  /** The account must change its password at first sign-in (accounts an administrator creates). */
  mustChangePassword?: boolean;
  /** A transaction already open (`huiyin init` sets up the whole deployment in one): the account is created in it. */
  trx?: Db;
  /** The password's hash, computed beforehand (argon2 is slow: the people import hashes before its transaction). */
  passwordHash?: string;
}

/** A unique violation (PostgreSQL and PGlite: SQLSTATE 23505), e.g. the username taken by a concurrent insert. */
function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === '23505';
}

/**
 * A new staff account with its roles and unit memberships (argon2id), in one transaction; the
 * password is remembered for the reuse rule.
 */
export async function createAccount(db: Db, clock: Clock, input: CreateUserInput, opts: CreateAccountOptions = {}): Promise<AuthUser> {
  const passwordHash = opts.passwordHash ?? (await hashPassword(input.password));
  const run = <T>(fn: (trx: Db) => Promise<T>): Promise<T> => (opts.trx ? fn(opts.trx) : db.transaction().execute(fn));
  return run(async (trx) => {
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
    const id = await tp
      .insertUser({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        phone: input.phone ?? null,
        roles: input.roles,
        ...(opts.mustChangePassword !== undefined ? { mustChangePassword: opts.mustChangePassword } : {}),
      })
      .catch((e: unknown) => {
        // Taken between the check above and the insert (two creations at once): a conflict, not a 500.
        if (isUniqueViolation(e))
          throw DomainError.atField('conflict', { path: 'username', message: `username ${input.username} is taken` });
        throw e;
      });
    await tp.addMemberships(id, input.unitIds);
    await rememberPassword(trx, id, passwordHash, clock.now());
    if (opts.within) await opts.within(trx, id);
    const user = await tp.findById(id);
    if (!user) throw new DomainError('internal', 'user vanished after insert');
    return user;
  });
}

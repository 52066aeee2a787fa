import { DomainError } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from './admin-scope.ts';
import { createUnitsRepo } from './units.repo.ts';

/**
 * The root scope: region prefixes that cover the region of every unit of the deployment (the
 * province's office of a provincial deployment). National settings (the holiday calendar, the
 * categories, the escalation rule, the livelihood practice's settings, the policy library's
 * national articles) are changed only by a system admin whose units give them the root scope.
 */
export async function isRootScope(db: Db, prefixes: readonly string[]): Promise<boolean> {
  if (prefixes.length === 0) return false;
  return !(await createUnitsRepo(db).anyOutside(prefixes));
}

/** Refuse (403 `forbidden`) a change of a national setting by an admin who is not the root's. */
export async function requireRootScope(db: Db, scope: Pick<AdminScope, 'prefixes' | 'user'>, what: string): Promise<void> {
  if (!scope.user.roles.includes('admin') || !(await isRootScope(db, scope.prefixes))) {
    throw new DomainError(
      'forbidden',
      `${what} is a national setting: only a system admin of the whole deployment (the root region) may change it`,
    );
  }
}

import { DomainError, PASSWORD_HISTORY_DEPTH, passwordProblems, passwordProblemText, type PasswordProblemCode } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { verifyPassword } from './password.ts';
import { createSignInRepo } from './sign-in.repo.ts';

function refusal(code: PasswordProblemCode, path: string): DomainError {
  return DomainError.atField('validation_failed', { path, code, message: passwordProblemText(code, 'en') });
}

/**
 * The level-3 password rules for a new password: core's policy (10+ characters of three classes,
 * not containing the username, at most 256) and, for an existing account, not one of its last
 * five passwords (the current one and its history, compared with argon2). Throws
 * `validation_failed` at `path` with the problem's code (`password_too_short`, `password_reused` …).
 * For every new password: self-service change, an admin's create (no `userId`) and reset.
 */
export async function checkNewPassword(
  db: Db,
  p: { username: string; password: string; userId?: number | undefined; path?: string },
): Promise<void> {
  const path = p.path ?? 'password';
  const [problem] = passwordProblems(p.password, p.username);
  if (problem) throw refusal(problem, path);
  if (p.userId === undefined) return;
  if (await isRecentPassword(db, p.userId, p.password)) throw refusal('password_reused', path);
}

/** Whether the password is the account's current one or among its recent ones. */
export async function isRecentPassword(db: Db, userId: number, password: string): Promise<boolean> {
  const repo = createSignInRepo(db);
  const current = await repo.accountById(userId);
  const history = await repo.recentPasswordHashes(userId, PASSWORD_HISTORY_DEPTH);
  // The current password first (an account seeded or reset without history), then the history, newest first.
  const hashes = [...new Set([...(current ? [current.password_hash] : []), ...history])].slice(0, PASSWORD_HISTORY_DEPTH);
  for (const h of hashes) {
    if (await verifyPassword(h, password)) return true;
  }
  return false;
}

/** Remember a password just set (its argon2 hash) for the reuse rule; in the transaction that sets it. */
export async function rememberPassword(trx: Db, userId: number, hash: string, at: Date): Promise<void> {
  await createSignInRepo(trx).addPasswordHistory(userId, hash, at);
}

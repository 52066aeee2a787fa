import { createHash, randomBytes } from 'node:crypto';
import {
  DomainError,
  rolesNeedTotp,
  type AuthUser,
  type ChangePasswordInput,
  type CreateUserInput,
  type LoginInput,
  type Me,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit, recordAuditAlone, regionOfUser, type AuditEntry } from '../audit/audit-log.ts';
import { createPeopleRepo, type PeopleRepo } from './people.repo.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { checkNewPassword, rememberPassword } from './password-rules.ts';
import { createSignInRepo, type SignInAccount, type SignInRepo } from './sign-in.repo.ts';
import { ownAccount } from './own-account.ts';
import { checkTotp, isTotpCode, recoveryCodeHash } from './totp.ts';
import { createAccount, type CreateAccountOptions } from './create-account.ts';

/** The signed-in user as the API shows them. */
export function meView(u: AuthUser): Me {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, units: u.units };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Consecutive failures that lock an account. */
export const LOCK_AFTER_FAILURES = 5;
const LOCK_BASE_MS = 15 * 60_000;
const LOCK_CAP_MS = 24 * 3600_000;
/** The per-address throttle: failures per window. */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_MAX_FAILURES = 30;
/** A session's last use is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

/** The lock after the `lockouts`-th lockout: 15 minutes, doubling, at most a day. */
export function lockDurationMs(lockouts: number): number {
  return Math.min(LOCK_BASE_MS * 2 ** Math.min(lockouts, 20), LOCK_CAP_MS);
}

/** Where a request comes from (the audit log and the session list). */
export interface RequestOrigin {
  address: string | null;
  userAgent: string | null;
}

export type SessionRestriction = 'password' | 'totp';

/** A signed-in session: who, which session, and what it may do until the password is changed or a second factor enrolled. */
export interface ResolvedSession {
  user: AuthUser;
  sessionId: number;
  restricted: SessionRestriction | null;
  /** When the session was opened by a sign-in (a recent one counts as having just given the password). */
  signedInAt: Date;
}

export interface LoginOutcome {
  token: string;
  user: AuthUser;
  expiresAt: Date;
  passwordChangeRequired: boolean;
  totpEnrolmentRequired: boolean;
}

type Refusal = { refused: DomainError };

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
  /** Failures per address per 15 minutes before sign-in answers 429 (default 30). */
  throttleMaxFailures?: number;
}) {
  const { clock, db } = deps;
  const people: PeopleRepo = createPeopleRepo(db);
  const signIn: SignInRepo = createSignInRepo(db);
  const idleMs = (deps.sessionIdleMinutes ?? 30) * 60_000;
  const throttleMax = deps.throttleMaxFailures ?? THROTTLE_MAX_FAILURES;
  const demoMode = deps.demo ?? true;

  /** The role needs a second factor the account has not enrolled (demo accounts are exempt in demo mode). */
  function needsTotpEnrolment(a: Pick<SignInAccount, 'roles' | 'demo' | 'totp_enabled_at'>): boolean {
    return rolesNeedTotp(a.roles) && a.totp_enabled_at === null && !(a.demo && demoMode);
  }

  /** Seconds from now until `until` (Retry-After), at least 1. */
  const secondsUntil = (until: Date) => Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 1000));
  const locked = (until: Date) => ({
    refused: new DomainError('account_locked', undefined, { lockedUntil: until.toISOString(), retryAfterSeconds: secondsUntil(until) }),
  });
  const wrongCredentials = (): Refusal => ({ refused: new DomainError('unauthorized', 'wrong username or password') });

  async function userOrThrow(repo: PeopleRepo, id: number): Promise<AuthUser> {
    const user = await repo.findById(id);
    if (!user) throw new DomainError('unauthorized');
    return user;
  }

  /**
   * A failed sign-in (or a wrong current password) counts against the account: the fifth in a
   * row locks it for 15 minutes × 2^(earlier lockouts), at most a day. The lock's answer when it locks.
   */
  async function countAgainstAccount(trx: Db, a: SignInAccount, user: AuthUser, origin: RequestOrigin, now: Date): Promise<Refusal | null> {
    const repo = createSignInRepo(trx);
    const failures = a.failed_logins + 1;
    if (failures < LOCK_AFTER_FAILURES) {
      await repo.setFailures(a.id, { failedLogins: failures });
      return null;
    }
    const until = new Date(now.getTime() + lockDurationMs(a.lockouts));
    await repo.setFailures(a.id, { failedLogins: 0, lockedUntil: until, lockouts: a.lockouts + 1 });
    await recordAudit(trx, {
      action: 'auth.lockout',
      outcome: 'ok',
      actor: null,
      target: { type: 'user', id: a.id },
      regionCode: regionOfUser(user),
      sourceIp: origin.address,
      detail: { username: a.username, lockedUntil: until.toISOString(), lockouts: a.lockouts + 1 },
      at: now,
    });
    return locked(until);
  }

  /**
   * The signed-in user proves again it is them (changing the password, setting up or removing the
   * second factor): a locked account is refused; a wrong password counts toward the lockout and is
   * written to the audit log under `action`, refused at `path`.
   */
  async function confirmOwnPassword(user: AuthUser, password: string, origin: RequestOrigin, action: string, path: string): Promise<void> {
    const now = clock.now();
    const a = await signIn.accountById(user.id);
    if (!a) throw new DomainError('unauthorized');
    if (a.locked_until && a.locked_until.getTime() > now.getTime()) throw locked(a.locked_until).refused;
    if (await verifyPassword(a.password_hash, password)) return;
    const refusal = await db.transaction().execute(async (trx) => {
      const row = await createSignInRepo(trx).accountById(user.id, true);
      const lock = row ? await countAgainstAccount(trx, row, user, origin, now) : null;
      await recordAudit(trx, {
        action,
        outcome: 'failed',
        actor: { id: user.id, name: user.username },
        target: { type: 'user', id: user.id },
        regionCode: regionOfUser(user),
        sourceIp: origin.address,
        detail: { reason: 'wrong_password' },
        at: now,
      });
      return lock?.refused ?? DomainError.atField('validation_failed', { path, code: 'wrong_password', message: 'the password is wrong' });
    });
    throw refusal;
  }

  async function countAgainstAddress(trx: Db, origin: RequestOrigin, now: Date) {
    if (origin.address) await createSignInRepo(trx).countFailure(origin.address, now, new Date(now.getTime() - THROTTLE_WINDOW_MS));
  }

  function loginEntry(now: Date, origin: RequestOrigin, who: { id: number | null; name: string }, region: string | null) {
    return (outcome: 'ok' | 'failed', detail: Record<string, unknown>): AuditEntry => ({
      action: 'auth.login',
      outcome,
      actor: who,
      ...(who.id !== null ? { target: { type: 'user', id: who.id } } : {}),
      regionCode: region,
      sourceIp: origin.address,
      detail: { username: who.name, ...detail },
      at: now,
    });
  }

  /** The session behind a token, or null when it is unknown, expired, idle too long or its user disabled. */
  async function resolve(token: string, opts: { touch: boolean }): Promise<ResolvedSession | null> {
    if (token.length < 20 || token.length > 200) return null;
    const s = await signIn.sessionByToken(tokenHash(token));
    if (!s) return null;
    const now = clock.now().getTime();
    if (s.expires_at.getTime() <= now) return null;
    const lastSeen = (s.last_seen_at ?? s.created_at).getTime();
    if (now - lastSeen > idleMs) {
      await signIn.deleteSessionById(s.id);
      return null;
    }
    const user = await people.findById(s.user_id);
    if (!user || !user.active) return null;
    if (opts.touch && now - lastSeen >= TOUCH_EVERY_MS) await signIn.touchSession(s.id, new Date(now));
    return { user, sessionId: s.id, restricted: s.restricted, signedInAt: s.created_at };
  }

  return {
    /** Whether the session cookie is Secure: whenever the public address is https. */
    secureCookie: deps.publicUrl?.startsWith('https://') ?? false,

    /**
     * Sign-in (身份鉴别): the per-address throttle, the account's lockout, the password (argon2id;
     * an unknown username costs the same time), the second factor, then a new opaque token (its
     * hash stored) valid for the session TTL. Every attempt is in the audit log.
     */
    async login(input: LoginInput, origin: RequestOrigin): Promise<LoginOutcome> {
      const now = clock.now();
      const username = input.username;
      if (origin.address) {
        const t = await signIn.throttleOf(origin.address);
        const windowEnd = t ? t.windowStart.getTime() + THROTTLE_WINDOW_MS : 0;
        if (t && windowEnd > now.getTime() && t.failures >= throttleMax) {
          await recordAuditAlone(db, loginEntry(now, origin, { id: null, name: username }, null)('failed', { reason: 'throttled' }));
          throw new DomainError('rate_limited', 'too many failed sign-ins from this address', {
            retryAt: new Date(windowEnd).toISOString(),
            retryAfterSeconds: secondsUntil(new Date(windowEnd)),
          });
        }
      }

      const found = await signIn.accountByUsername(username);
      const passwordOk = found
        ? await verifyPassword(found.password_hash, input.password)
        : await verifyPassword(await dummyHash(), input.password);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);

      const outcome = await db.transaction().execute(async (trx): Promise<Refusal | LoginOutcome> => {
        const repo = createSignInRepo(trx);
        if (!found) {
          await countAgainstAddress(trx, origin, now);
          await recordAudit(trx, loginEntry(now, origin, { id: null, name: username }, null)('failed', { reason: 'unknown_user' }));
          return wrongCredentials();
        }
        const a = await repo.accountById(found.id, true);
        if (!a) return wrongCredentials();
        const user = await userOrThrow(createPeopleRepo(trx), a.id);
        const entry = loginEntry(now, origin, { id: a.id, name: a.username }, regionOfUser(user));

        if (a.locked_until && a.locked_until.getTime() > now.getTime()) {
          // The same answer whether the password was right or not.
          await countAgainstAddress(trx, origin, now);
          await recordAudit(trx, entry('failed', { reason: 'locked', lockedUntil: a.locked_until.toISOString() }));
          return locked(a.locked_until);
        }
        // The password may have changed between reading the hash and locking the row.
        const ok = a.password_hash === found.password_hash ? passwordOk : await verifyPassword(a.password_hash, input.password);
        if (!ok) {
          await countAgainstAddress(trx, origin, now);
          const lock = await countAgainstAccount(trx, a, user, origin, now);
          await recordAudit(trx, entry('failed', { reason: 'wrong_password' }));
          return lock ?? wrongCredentials();
        }
        if (!a.active) {
          await countAgainstAddress(trx, origin, now);
          await recordAudit(trx, entry('failed', { reason: 'inactive' }));
          return wrongCredentials();
        }

        if (a.totp_enabled_at !== null && a.totp_secret !== null) {
          const code = input.totp?.trim();
          if (!code) {
            await recordAudit(trx, entry('failed', { reason: 'totp_required' }));
            return { refused: new DomainError('totp_required') };
          }
          let accepted = false;
          if (isTotpCode(code)) {
            const step = await checkTotp(a.totp_secret, code, now, a.totp_last_step);
            if (step !== null) {
              await repo.setTotpLastStep(a.id, step);
              accepted = true;
            }
          } else if (await repo.useRecoveryCode(a.id, recoveryCodeHash(code), now)) {
            accepted = true;
            await recordAudit(trx, {
              action: 'auth.totp.recovery_used',
              actor: { id: a.id, name: a.username },
              target: { type: 'user', id: a.id },
              regionCode: regionOfUser(user),
              sourceIp: origin.address,
              detail: { remaining: await repo.unusedRecoveryCodes(a.id) },
              at: now,
            });
          }
          if (!accepted) {
            await countAgainstAddress(trx, origin, now);
            const lock = await countAgainstAccount(trx, a, user, origin, now);
            await recordAudit(trx, entry('failed', { reason: 'totp_wrong' }));
            return (
              lock ?? {
                refused: DomainError.atField('unauthorized', { path: 'totp', code: 'totp_wrong', message: 'wrong or used code' }),
              }
            );
          }
        }

        await repo.setFailures(a.id, { failedLogins: 0, lockedUntil: null, lockouts: 0 });
        const restricted: SessionRestriction | null = a.must_change_password ? 'password' : needsTotpEnrolment(a) ? 'totp' : null;
        await repo.insertSession({
          tokenHash: tokenHash(token),
          userId: a.id,
          expiresAt,
          now,
          address: origin.address,
          userAgent: origin.userAgent?.slice(0, 300) ?? null,
          restricted,
        });
        await recordAudit(trx, entry('ok', restricted ? { restricted } : {}));
        return {
          token,
          user,
          expiresAt,
          passwordChangeRequired: a.must_change_password,
          totpEnrolmentRequired: !a.must_change_password && restricted === 'totp',
        };
      });
      if ('refused' in outcome) throw outcome.refused;
      return outcome;
    },

    resolve,

    /** The user behind a token (an unrestricted session only), without counting it as a use. */
    async authenticate(token: string): Promise<AuthUser | null> {
      const s = await resolve(token, { touch: false });
      return s && s.restricted === null ? s.user : null;
    },

    async logout(token: string, origin: RequestOrigin): Promise<void> {
      const s = await resolve(token, { touch: false });
      await db.transaction().execute(async (trx) => {
        await createPeopleRepo(trx).deleteSession(tokenHash(token));
        if (s) {
          await recordAudit(trx, {
            action: 'auth.logout',
            actor: { id: s.user.id, name: s.user.username },
            target: { type: 'session', id: s.sessionId },
            regionCode: regionOfUser(s.user),
            sourceIp: origin.address,
            at: clock.now(),
          });
        }
      });
    },

    /**
     * The signed-in user changes their password: the current one must be right (a wrong one is
     * logged and counts toward the lockout), the new one passes the rules and is none of the last
     * five. Every other session of the user ends; this one may do everything again (or must
     * still enrol the second factor).
     */
    async changePassword(session: ResolvedSession, input: ChangePasswordInput, origin: RequestOrigin): Promise<void> {
      const now = clock.now();
      const { user } = session;
      const base = {
        action: 'auth.password.change',
        actor: { id: user.id, name: user.username },
        target: { type: 'user', id: user.id },
        regionCode: regionOfUser(user),
        sourceIp: origin.address,
      } as const;
      await confirmOwnPassword(user, input.currentPassword, origin, 'auth.password.change', 'currentPassword');
      try {
        await checkNewPassword(db, { username: user.username, password: input.newPassword, userId: user.id, path: 'newPassword' });
      } catch (e) {
        const code = e instanceof DomainError ? (e.details?.['fields'] as { code?: string }[] | undefined)?.[0]?.code : undefined;
        await recordAuditAlone(db, { ...base, outcome: 'failed', detail: { reason: code ?? 'refused' }, at: now });
        throw e;
      }
      const hash = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        const repo = createSignInRepo(trx);
        const a = await repo.accountById(user.id, true);
        if (!a) throw new DomainError('unauthorized');
        await repo.setPassword(user.id, hash, now);
        await rememberPassword(trx, user.id, hash, now);
        const ended = await repo.deleteOtherSessions(user.id, session.sessionId);
        await repo.setSessionRestriction(session.sessionId, needsTotpEnrolment(a) ? 'totp' : null);
        await recordAudit(trx, { ...base, outcome: 'ok', detail: { sessionsEnded: ended, forced: a.must_change_password }, at: now });
      });
    },

    ...ownAccount({ db, clock, demoMode, confirmPassword: confirmOwnPassword }),

    /** A new staff account (create-account.ts), in its own transaction or the one given. */
    createUser: (input: CreateUserInput, opts: CreateAccountOptions = {}): Promise<AuthUser> => createAccount(deps.db, clock, input, opts),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

import {
  DomainError,
  rolesNeedTotp,
  type AuthUser,
  type MySecurity,
  type MySessionList,
  type RecoveryCodes,
  type TotpEnrolment,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit, regionOfUser } from '../audit/audit-log.ts';
import type { RequestOrigin, ResolvedSession } from './auth.service.ts';
import { createSignInRepo } from './sign-in.repo.ts';
import { checkTotp, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpEnrolment } from './totp.ts';

/** A sign-in this recent counts as having just given the password (setting up a second factor). */
const RECENT_SIGN_IN_MS = 15 * 60_000;

/**
 * The signed-in user's own account security (part of the auth service): the second factor's
 * state, TOTP enrolment with recovery codes and its removal, the user's sessions.
 */
export function ownAccount(deps: {
  db: Db;
  clock: Clock;
  demoMode: boolean;
  /** The user proves it is them with the password (a wrong one counts toward the lockout and is logged). */
  confirmPassword: (user: AuthUser, password: string, origin: RequestOrigin, action: string, path: string) => Promise<void>;
}) {
  const { db, clock, demoMode, confirmPassword } = deps;
  const signIn = createSignInRepo(db);
  return {
    /** The user's second factor and password state. */
    async security(user: AuthUser): Promise<MySecurity> {
      const a = await signIn.accountById(user.id);
      if (!a) throw new DomainError('unauthorized');
      return {
        totpEnabled: a.totp_enabled_at !== null,
        totpRequired: rolesNeedTotp(a.roles) && !(a.demo && demoMode),
        passwordChangedAt: a.password_changed_at?.toISOString() ?? null,
        mustChangePassword: a.must_change_password,
      };
    },

    /**
     * Start enrolling a TOTP second factor: a new pending secret (replacing any earlier pending
     * one). The password was just given when the session is the one sign-in opened only to enrol,
     * or was opened in the last 15 minutes; otherwise (an old session, perhaps someone else's hands
     * on it) it is asked again. A password sent is always checked.
     */
    async startTotp(session: ResolvedSession, currentPassword: string | undefined, origin: RequestOrigin): Promise<TotpEnrolment> {
      const { user } = session;
      const fresh = session.restricted === 'totp' || clock.now().getTime() - session.signedInAt.getTime() <= RECENT_SIGN_IN_MS;
      if (currentPassword !== undefined || !fresh) {
        if (currentPassword === undefined)
          throw DomainError.atField('validation_failed', {
            path: 'currentPassword',
            code: 'password_required',
            message: 'enter your password to set up two-factor sign-in',
          });
        await confirmPassword(user, currentPassword, origin, 'auth.totp.enrol', 'currentPassword');
      }
      const a = await signIn.accountById(user.id);
      if (!a) throw new DomainError('unauthorized');
      if (a.totp_enabled_at !== null) throw new DomainError('conflict', 'two-factor sign-in is already on; remove it first');
      const secret = newTotpSecret();
      await signIn.setPendingTotp(user.id, secret);
      return totpEnrolment(secret, user.username);
    },

    /** Confirm the enrolment with a code from the app: the second factor is on, and ten recovery codes are answered once. */
    async confirmTotp(session: ResolvedSession, code: string, origin: RequestOrigin): Promise<RecoveryCodes> {
      const now = clock.now();
      const { user } = session;
      const codes = newRecoveryCodes();
      return db.transaction().execute(async (trx) => {
        const repo = createSignInRepo(trx);
        const a = await repo.accountById(user.id, true);
        if (!a) throw new DomainError('unauthorized');
        if (a.totp_enabled_at !== null) throw new DomainError('conflict', 'two-factor sign-in is already on');
        if (a.totp_secret === null) throw new DomainError('conflict', 'start the enrolment first (POST /api/v1/me/totp)');
        const step = await checkTotp(a.totp_secret, code, now, null);
        if (step === null) throw DomainError.atField('validation_failed', { path: 'code', code: 'totp_wrong', message: 'wrong code' });
        await repo.enableTotp(user.id, now, step);
        await repo.replaceRecoveryCodes(user.id, codes.map(recoveryCodeHash));
        if (session.restricted === 'totp') await repo.setSessionRestriction(session.sessionId, null);
        await recordAudit(trx, {
          action: 'auth.totp.enrol',
          actor: { id: user.id, name: user.username },
          target: { type: 'user', id: user.id },
          regionCode: regionOfUser(user),
          sourceIp: origin.address,
          at: now,
        });
        return { recoveryCodes: codes };
      });
    },

    /** Turn the second factor off (with the password); not for a role that needs it. */
    async removeTotp(session: ResolvedSession, password: string, origin: RequestOrigin): Promise<void> {
      const now = clock.now();
      const { user } = session;
      const a = await signIn.accountById(user.id);
      if (!a) throw new DomainError('unauthorized');
      if (rolesNeedTotp(a.roles)) throw new DomainError('forbidden', 'your role needs two-factor sign-in');
      await confirmPassword(user, password, origin, 'auth.totp.remove', 'password');
      await db.transaction().execute(async (trx) => {
        await createSignInRepo(trx).removeTotp(user.id);
        await recordAudit(trx, {
          action: 'auth.totp.remove',
          actor: { id: user.id, name: user.username },
          target: { type: 'user', id: user.id },
          regionCode: regionOfUser(user),
          sourceIp: origin.address,
          at: now,
        });
      });
    },

    /** The user's unexpired sessions, newest first. */
    async sessions(session: ResolvedSession): Promise<MySessionList> {
      const rows = await signIn.sessionsOf(session.user.id, clock.now());
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at.toISOString(),
          lastSeenAt: r.last_seen_at?.toISOString() ?? null,
          expiresAt: r.expires_at.toISOString(),
          address: r.address,
          userAgent: r.user_agent,
          current: r.id === session.sessionId,
        })),
      };
    },

    /** End one of the user's own sessions (another user's is a 404). */
    async revokeSession(session: ResolvedSession, id: number, origin: RequestOrigin): Promise<void> {
      const { user } = session;
      await db.transaction().execute(async (trx) => {
        if (!(await createSignInRepo(trx).deleteOwnSession(user.id, id))) throw new DomainError('not_found', 'session not found');
        await recordAudit(trx, {
          action: 'auth.session.revoke',
          actor: { id: user.id, name: user.username },
          target: { type: 'session', id },
          regionCode: regionOfUser(user),
          sourceIp: origin.address,
          at: clock.now(),
        });
      });
    },
  };
}

import {
  DomainError,
  checkAccountChange,
  passwordProblemText,
  passwordProblems,
  rolesNeedTotp,
  roleDiff,
  sameRoles,
  type AccountChange,
  type AccountRuleViolation,
  type AdminCreateUserInput,
  type AdminSessionsEnded,
  type AdminUser,
  type AdminUserPage,
  type AdminUserUpdated,
  type ListUsersQuery,
  type PasswordReset,
  type Role,
  type UpdateUserInput,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit, recordAuditAlone, regionOfUser, type AuditEntry } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import type { AuthService } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { checkNewPassword, rememberPassword } from './password-rules.ts';
import { isRootScope } from '../regions/root-scope.ts';
import { createPeopleRepo } from './people.repo.ts';

const notFound = () => new DomainError('not_found', 'user not found');

/** A refusal of the officer rules, as the API answers it. */
function refusal(v: AccountRuleViolation): DomainError {
  return DomainError.atField(v.error, { path: v.path, code: v.code, message: v.message });
}

/** The password policy (core's password-policy.ts) for a password the security admin sets. */
function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  const first = problems[0];
  if (first) {
    throw DomainError.atField(
      'validation_failed',
      { path: 'password', code: first, message: passwordProblemText(first, 'en') },
      undefined,
      {
        problems,
      },
    );
  }
}

/**
 * Staff accounts, managed by security admins (三员分立: `security_admin`; the system `admin`
 * manages units and the catalog, the `auditor` reads the audit log, and neither touches
 * accounts). A security admin manages the accounts whose units all lie in their regions: list,
 * create (through the auth service: argon2id, one transaction, with the e-mail address and
 * notification language), change name, phone, e-mail, notification language, roles and units,
 * deactivate and reactivate, set a new password, unlock a locked account, end every session.
 *
 * The rules (core's `checkAccountChange`, people/officers.ts), each refused with a 4xx that
 * changes nothing:
 * - no account holds two of `admin`, `security_admin`, `auditor`;
 * - every account has at least one unit, in the security admin's regions (the contract asks for
 *   one unit at least, on create and on update; units outside the regions are refused);
 * - a security admin never changes their own roles (no self-grant, never `inspector` or
 *   `supervisor` to themselves), never deactivates themselves and sets their own password only
 *   through /api/v1/me/password;
 * - a regional security admin (say of a county) may create and change the county's `admin` and
 *   `auditor` — the officers of their region — and every working role; `security_admin` is
 *   granted or taken away, and another security admin's account managed, only by a root
 *   security admin: one whose regions cover every unit of the deployment. So a county's security
 *   admins are made by the root and cannot make or unmake one another.
 *
 * A password set by a security admin (on create or reset) passes the password policy and must
 * be changed by the user at the next sign-in. Deactivating a user, resetting their password or
 * ending their sessions ends their sessions in the same transaction. Every change is written to
 * the audit log in its own transaction (`user.create`, `user.update`, `user.roles`,
 * `user.deactivate`, `user.activate`, `user.password.reset`, `user.unlock`,
 * `user.sessions.revoke`); refusals that matter (self-grant, officer conflict, a peer security
 * admin, a grant of `security_admin` by a regional one) are logged with outcome `denied`.
 */
export function createUsersService(deps: { db: Db; clock: Clock; auth: Pick<AuthService, 'createUser'> }) {
  const { db, clock, auth } = deps;

  /** Every unit in the list exists in the admin's regions; units being added must also be active. Answers their regions by id. */
  async function checkUnits(trx: Db, scope: AdminScope, unitIds: readonly number[], alreadyMember: readonly number[] = []) {
    const found = new Map((await createUnitsRepo(trx).states(unitIds)).map((u) => [u.id, u]));
    for (const id of unitIds) {
      const u = found.get(id);
      if (!u || !scope.covers(u.regionCode))
        throw DomainError.atField('validation_failed', { path: 'unitIds', code: 'unknown_unit', message: `unknown unit ${id}` });
      if (!u.active && !alreadyMember.includes(id))
        throw DomainError.atField('validation_failed', { path: 'unitIds', code: 'inactive_unit', message: `unit ${id} is inactive` });
    }
    return found;
  }

  /** What the audit log says of every entry of this request. */
  function entry(scope: AdminScope, e: Omit<AuditEntry, 'actor' | 'sourceIp' | 'at'>): AuditEntry {
    return { ...e, actor: scope.actor, sourceIp: scope.sourceIp, at: clock.now() };
  }

  /**
   * Apply the officer rules: null when the change may go ahead, else the refusal (logged as
   * `denied` when it matters, in a transaction of its own, before it is thrown).
   */
  async function officerRules(
    trx: Db,
    scope: AdminScope,
    change: Omit<AccountChange, 'actor'>,
    denied: { action: string; target: { type: 'user'; id: string | number }; regionCode: string | null; detail: Record<string, unknown> },
  ): Promise<{ error: DomainError; audit: AuditEntry | null } | null> {
    const root = await isRootScope(trx, scope.prefixes);
    const v = checkAccountChange({ ...change, actor: { id: scope.adminId, roles: scope.user.roles, root } });
    if (!v) return null;
    return {
      error: refusal(v),
      audit: v.audited ? entry(scope, { ...denied, outcome: 'denied', detail: { ...denied.detail, reason: v.code } }) : null,
    };
  }

  /** Run `work` in a transaction; a refusal it reports is logged (after the rollback) and thrown. */
  async function refusable<T>(work: (trx: Db, refuse: (r: { error: DomainError; audit: AuditEntry | null }) => never) => Promise<T>) {
    let refused: { error: DomainError; audit: AuditEntry | null } | undefined;
    try {
      return await db.transaction().execute((trx) =>
        work(trx, (r) => {
          refused = r;
          throw r.error;
        }),
      );
    } catch (e) {
      if (refused?.audit) await recordAuditAlone(db, refused.audit);
      throw e;
    }
  }

  const withNow = (u: AdminUser): AdminUser =>
    u.lockedUntil !== null && new Date(u.lockedUntil).getTime() <= clock.now().getTime() ? { ...u, lockedUntil: null } : u;

  /** The managed user, locked for the transaction, or 404. */
  async function managed(trx: Db, scope: AdminScope, id: number): Promise<AdminUser> {
    const user = await createPeopleRepo(trx).getManaged(id, scope.prefixes);
    if (!user) throw notFound();
    return user;
  }

  /**
   * One act of the security admin on an account they manage: the account in scope, the officer
   * rules (a refusal logged and thrown), the act, and its audit entry, in one transaction.
   */
  async function actOnAccount<T>(
    scope: AdminScope,
    id: number,
    action: string,
    change: Omit<AccountChange, 'actor' | 'target'>,
    act: (trx: Db, user: AdminUser) => Promise<{ result: T; detail: Record<string, unknown> }>,
  ): Promise<T> {
    return refusable(async (trx, refuse) => {
      const user = await managed(trx, scope, id);
      const base = { action, target: { type: 'user' as const, id }, regionCode: regionOfUser(user) };
      const rules = await officerRules(
        trx,
        scope,
        { ...change, target: { id, roles: user.roles } },
        { ...base, detail: { username: user.username } },
      );
      if (rules) refuse(rules);
      const { result, detail } = await act(trx, user);
      await recordAudit(trx, entry(scope, { ...base, detail: { username: user.username, ...detail } }));
      return result;
    });
  }

  return {
    async list(scope: AdminScope, query: ListUsersQuery): Promise<AdminUserPage> {
      const { items, total } = await createPeopleRepo(db).listManaged(
        {
          prefixes: scope.prefixes,
          q: query.q || undefined,
          unitId: query.unitId,
          active: query.active === undefined ? undefined : query.active === 'true',
        },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items: items.map(withNow), total, page: query.page, pageSize: query.pageSize };
    },

    async get(scope: AdminScope, id: number): Promise<AdminUser> {
      const user = await createPeopleRepo(db).getManaged(id, scope.prefixes);
      if (!user) throw notFound();
      return withNow(user);
    },

    async create(scope: AdminScope, input: AdminCreateUserInput): Promise<AdminUser> {
      const roles = [...new Set(input.roles)];
      const units = await checkUnits(db, scope, input.unitIds);
      const regionCode = units.get(Math.min(...input.unitIds))?.regionCode ?? null;
      const rules = await officerRules(
        db,
        scope,
        { target: null, roles },
        { action: 'user.create', target: { type: 'user', id: input.username }, regionCode, detail: { username: input.username, roles } },
      );
      if (rules) {
        if (rules.audit) await recordAuditAlone(db, rules.audit);
        throw rules.error;
      }
      checkPassword(input.password, input.username);
      try {
        // Everything about the new user is written in the user's own transaction, the audit entry too.
        const created = await auth.createUser(
          { ...input, roles },
          {
            regionPrefixes: scope.prefixes,
            within: async (trx, id) => {
              const repo = createPeopleRepo(trx);
              if (input.email !== undefined || input.lang !== undefined) {
                await repo.update(id, {
                  ...(input.email !== undefined ? { email: input.email } : {}),
                  ...(input.lang !== undefined ? { lang: input.lang } : {}),
                });
              }
              await repo.setMustChangePassword(id, true);
              await recordAudit(
                trx,
                entry(scope, {
                  action: 'user.create',
                  target: { type: 'user', id },
                  regionCode,
                  detail: { username: input.username, roles, unitIds: [...new Set(input.unitIds)] },
                }),
              );
            },
          },
        );
        const user = await createPeopleRepo(db).getManaged(created.id, scope.prefixes);
        if (!user) throw new DomainError('internal', 'user vanished after insert');
        return withNow(user);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'conflict')
          throw DomainError.atField('conflict', { path: 'username', code: 'username_taken', message: e.message });
        throw e;
      }
    },

    async update(scope: AdminScope, id: number, input: UpdateUserInput): Promise<AdminUserUpdated> {
      return refusable(async (trx, refuse) => {
        const repo = createPeopleRepo(trx);
        const user = await managed(trx, scope, id);
        const roles = input.roles === undefined ? undefined : [...new Set(input.roles)];
        const rules = await officerRules(
          trx,
          scope,
          { target: { id, roles: user.roles }, roles, active: input.active },
          {
            action: 'user.update',
            target: { type: 'user', id },
            regionCode: regionOfUser(user),
            detail: { username: user.username, ...(roles ? { roles: { before: user.roles, after: roles } } : {}) },
          },
        );
        if (rules) refuse(rules);
        const unitIds = input.unitIds === undefined ? undefined : [...new Set(input.unitIds)];
        if (unitIds) {
          await checkUnits(
            trx,
            scope,
            unitIds,
            user.units.map((u) => u.id),
          );
          await repo.replaceMemberships(id, unitIds);
        }
        await repo.update(id, {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.lang !== undefined ? { lang: input.lang } : {}),
          ...(roles !== undefined ? { roles } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        // A role that needs a second factor takes effect at the next sign-in, which asks for it.
        const gainsTotpRole = roles !== undefined && rolesNeedTotp(roles) && !rolesNeedTotp(user.roles);
        const sessionsEnded = input.active === false || gainsTotpRole ? await repo.deleteSessionsOf(id) : 0;
        const updated = await repo.getManaged(id, scope.prefixes);
        if (!updated) throw new DomainError('internal', 'user vanished after update');

        // The audit log: what changed (personal details by name only), roles and units before -> after.
        const changed = (['displayName', 'phone', 'email', 'lang'] as const).filter(
          (k) => input[k] !== undefined && input[k] !== user[k],
        ) as string[];
        const rolesChanged = roles !== undefined && !sameRoles(user.roles, roles);
        const beforeUnits = user.units.map((u) => u.id);
        const afterUnits = updated.units.map((u) => u.id);
        const unitsChanged = JSON.stringify(beforeUnits) !== JSON.stringify(afterUnits);
        const activeChanged = input.active !== undefined && input.active !== user.active;
        if (rolesChanged) changed.push('roles');
        if (unitsChanged) changed.push('unitIds');
        if (activeChanged) changed.push('active');
        if (changed.length > 0) {
          const base = { target: { type: 'user', id }, regionCode: regionOfUser(updated) };
          const rolesDetail = rolesChanged
            ? { roles: { before: user.roles, after: roles as Role[], ...roleDiff(user.roles, roles as Role[]) } }
            : {};
          await recordAudit(
            trx,
            entry(scope, {
              ...base,
              action: 'user.update',
              detail: {
                username: user.username,
                changed,
                ...(input.displayName !== undefined && changed.includes('displayName')
                  ? { displayName: { before: user.displayName, after: input.displayName } }
                  : {}),
                ...rolesDetail,
                ...(unitsChanged ? { unitIds: { before: beforeUnits, after: afterUnits } } : {}),
                ...(activeChanged ? { active: input.active } : {}),
              },
            }),
          );
          if (rolesChanged)
            await recordAudit(trx, entry(scope, { ...base, action: 'user.roles', detail: { username: user.username, ...rolesDetail } }));
          if (activeChanged)
            await recordAudit(
              trx,
              entry(scope, {
                ...base,
                action: input.active ? 'user.activate' : 'user.deactivate',
                detail: { username: user.username, sessionsEnded },
              }),
            );
        }
        return { ...withNow(updated), sessionsEnded };
      });
    },

    /** The security admin sets a new password (argon2id, the password policy); the user changes it at the next sign-in; their sessions end. */
    async resetPassword(scope: AdminScope, id: number, password: string): Promise<PasswordReset> {
      const target = await createPeopleRepo(db).getManaged(id, scope.prefixes);
      if (!target) throw notFound();
      checkPassword(password, target.username);
      // Not one of the account's last five either (the user's forced change checks the same).
      await checkNewPassword(db, { username: target.username, password, userId: id });
      const hash = await hashPassword(password);
      return actOnAccount(scope, id, 'user.password.reset', { password: true }, async (trx) => {
        const repo = createPeopleRepo(trx);
        await repo.setPasswordBySecurityAdmin(id, hash);
        await rememberPassword(trx, id, hash, clock.now());
        const sessionsEnded = await repo.deleteSessionsOf(id);
        return { result: { id, sessionsEnded }, detail: { sessionsEnded } };
      });
    },

    /** Lift a lockout after failed sign-ins: the account may sign in again at once. */
    async unlock(scope: AdminScope, id: number): Promise<AdminUser> {
      return actOnAccount(scope, id, 'user.unlock', {}, async (trx, user) => {
        const repo = createPeopleRepo(trx);
        await repo.unlock(id);
        const updated = await repo.getManaged(id, scope.prefixes);
        if (!updated) throw new DomainError('internal', 'user vanished after unlock');
        return { result: withNow(updated), detail: { lockedUntil: user.lockedUntil } };
      });
    },

    /** End every session of the account (a lost phone, a shared computer): every token stops working at once. */
    async endSessions(scope: AdminScope, id: number): Promise<AdminSessionsEnded> {
      return actOnAccount(scope, id, 'user.sessions.revoke', {}, async (trx) => {
        const sessionsEnded = await createPeopleRepo(trx).deleteSessionsOf(id);
        return { result: { sessionsEnded }, detail: { sessionsEnded } };
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;

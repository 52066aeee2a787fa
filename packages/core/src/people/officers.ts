import type { Role } from '../case/vocabulary.ts';

/**
 * 三员分立 (GB/T 22239-2019 level 3): system administration, security administration and audit
 * are three different people. These are the pure rules of who may change which account; the
 * users service asks them before it writes anything.
 */

/** The three officers: 系统管理员, 安全管理员, 安全审计员. No account holds two of them. */
export const officerRoles = ['admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];
export type OfficerRole = (typeof officerRoles)[number];

export function isOfficerRole(r: Role): r is OfficerRole {
  return (officerRoles as readonly Role[]).includes(r);
}

/** The officer roles among `roles`; more than one is a conflict. */
export function officerRolesOf(roles: readonly Role[]): OfficerRole[] {
  return [...new Set(roles.filter(isOfficerRole))];
}

/** Roles in `after` that `before` lacks, and the other way round (each once, in `after`'s / `before`'s order). */
export function roleDiff(before: readonly Role[], after: readonly Role[]): { granted: Role[]; revoked: Role[] } {
  return {
    granted: [...new Set(after.filter((r) => !before.includes(r)))],
    revoked: [...new Set(before.filter((r) => !after.includes(r)))],
  };
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const d = roleDiff(a, b);
  return d.granted.length === 0 && d.revoked.length === 0;
}

export type AccountRuleCode =
  | 'not_security_admin'
  | 'officer_conflict'
  | 'self_roles'
  | 'self_deactivate'
  | 'self_password'
  | 'security_admin_needs_root'
  | 'peer_security_admin';

/** Why a change of an account is refused: the API's error code, the field, and whether the refusal goes into the audit log. */
export interface AccountRuleViolation {
  readonly code: AccountRuleCode;
  readonly error: 'validation_failed' | 'forbidden' | 'conflict';
  readonly path: 'roles' | 'active' | 'password';
  readonly message: string;
  /** A refusal that matters (an attempt to gain or mix powers): logged with outcome `denied`. */
  readonly audited: boolean;
}

/** The security admin who acts. */
export interface AccountActor {
  readonly id: number;
  readonly roles: readonly Role[];
  /** Their regions cover every unit of the deployment (the root security admin). */
  readonly root: boolean;
}

/**
 * One change of an account: a new account (`target` null) with its roles, or a change of an
 * existing one (roles, activation, or a new password set by the security admin).
 */
export interface AccountChange {
  readonly actor: AccountActor;
  readonly target: { readonly id: number; readonly roles: readonly Role[] } | null;
  /** The roles asked for (undefined: unchanged). On create: the new account's roles. */
  readonly roles?: readonly Role[] | undefined;
  readonly active?: boolean | undefined;
  /** The security admin sets a new password. */
  readonly password?: boolean | undefined;
}

const v = (
  code: AccountRuleCode,
  error: AccountRuleViolation['error'],
  path: AccountRuleViolation['path'],
  message: string,
  audited: boolean,
): AccountRuleViolation => ({ code, error, path, message, audited });

/**
 * The first rule a change breaks, or null when it may go ahead:
 *
 * - only a security admin manages accounts and roles (every role, `inspector` and `supervisor`
 *   included, is granted by a security admin);
 * - a security admin never changes their own roles (no self-grant, in particular never
 *   `inspector` or `supervisor` to themselves), never deactivates themselves and does not set
 *   their own password here (they change it like everyone, with their current password);
 * - another security admin's account (and the `security_admin` role itself, granted or taken
 *   away) is managed only by a root security admin: a regional security admin cannot make or
 *   unmake their peers;
 * - no account holds two of `admin`, `security_admin`, `auditor`.
 *
 * Whether the target's units lie in the actor's regions is the caller's check (it needs the
 * database).
 */
export function checkAccountChange(c: AccountChange): AccountRuleViolation | null {
  const { actor, target } = c;
  if (!actor.roles.includes('security_admin'))
    return v('not_security_admin', 'forbidden', 'roles', 'only a security admin manages accounts and roles', true);

  const self = target !== null && target.id === actor.id;
  if (self) {
    if (c.roles !== undefined && !sameRoles(target.roles, c.roles))
      return v('self_roles', 'forbidden', 'roles', 'you cannot change your own roles', true);
    if (c.active === false) return v('self_deactivate', 'conflict', 'active', 'you cannot deactivate your own account', false);
    if (c.password) return v('self_password', 'forbidden', 'password', 'change your own password with your current one', false);
  }

  if (!self && target !== null && target.roles.includes('security_admin') && !actor.root)
    return v('peer_security_admin', 'forbidden', 'roles', 'only a root security admin manages another security admin', true);

  if (c.roles !== undefined) {
    if (officerRolesOf(c.roles).length > 1)
      return v('officer_conflict', 'validation_failed', 'roles', 'an account holds at most one of admin, security_admin and auditor', true);
    const granted = target === null ? [...new Set(c.roles)] : roleDiff(target.roles, c.roles).granted;
    if (granted.includes('security_admin') && !actor.root)
      return v('security_admin_needs_root', 'forbidden', 'roles', 'only a root security admin grants security_admin', true);
  }
  return null;
}

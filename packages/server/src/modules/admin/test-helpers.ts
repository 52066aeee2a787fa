import { DEMO_PASSWORD } from '../../seed/demo-org.ts';
import type { Harness } from '../../testing/harness.ts';
import { hashPassword } from '../people/password.ts';
import { createPeopleRepo } from '../people/people.repo.ts';

/** Helpers of the admin API tests. */

/** An admin of 阳泉市郊区 (140311), to show that each admin stays inside their own regions. */
export async function addJiaoquAdmin(h: Harness): Promise<string> {
  const people = createPeopleRepo(h.db.db);
  if (!(await people.usernameExists('jqadmin'))) {
    const id = await people.insertUser({
      username: 'jqadmin',
      displayName: '郊区管理员',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      phone: null,
      roles: ['admin'],
    });
    await people.addMemberships(id, [h.org.units['jqCentre']!]);
  }
  return 'jqadmin';
}

/**
 * An officer (`admin`, `security_admin` or `auditor`) of one demo unit's county (`centre`:
 * 盐湖区, `jqCentre`: 阳泉市郊区): a regional officer, unlike the demo's `admin`, `secadmin` and
 * `auditor`, who sit in the province's office and cover every unit (the root). Flagged as a demo
 * account, so it signs in without a second factor while the demo mode is on.
 */
export async function addOfficer(
  h: Harness,
  username: string,
  role: 'admin' | 'security_admin' | 'auditor',
  unitKey: 'centre' | 'jqCentre',
): Promise<string> {
  const people = createPeopleRepo(h.db.db);
  if (!(await people.usernameExists(username))) {
    const id = await people.insertUser({
      username,
      displayName: `${unitKey === 'centre' ? '盐湖区' : '郊区'}${role}`,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      phone: null,
      roles: [role],
      demo: true,
    });
    await people.addMemberships(id, [h.org.units[unitKey]!]);
  }
  return username;
}

/** A regional security admin (see addOfficer). */
export function addSecurityAdmin(h: Harness, username: string, unitKey: 'centre' | 'jqCentre'): Promise<string> {
  return addOfficer(h, username, 'security_admin', unitKey);
}

/** The audit log's newest sequence number (0: empty), to read what a test adds after it. */
export async function auditSeq(h: Harness): Promise<number> {
  const r = await h.db.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/** The audit log's entries with this action prefix (after `afterSeq`), oldest first. */
export async function auditEntries(h: Harness, actionPrefix = '', afterSeq = 0) {
  return h.db.db
    .selectFrom('audit_log')
    .select(['seq', 'action', 'outcome', 'actor_id', 'actor_name', 'target_type', 'target_id', 'region_code', 'source_ip', 'detail'])
    .where('action', 'like', `${actionPrefix}%`)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
}

/** Everything the admin API may write, except sessions (sign-ins add those). */
export async function adminState(h: Harness): Promise<string> {
  const db = h.db.db;
  const [units, users, members, categories, rules] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'kind', 'region_code', 'parent_id', 'active']).orderBy('id').execute(),
    db
      .selectFrom('users')
      .select([
        'id',
        'username',
        'display_name',
        'phone',
        'roles',
        'active',
        'password_hash',
        'must_change_password',
        'locked_until',
        'failed_logins',
      ])
      .orderBy('id')
      .execute(),
    db.selectFrom('unit_members').selectAll().orderBy('user_id').orderBy('unit_id').execute(),
    db.selectFrom('categories').selectAll().orderBy('code').execute(),
    db.selectFrom('routing_rules').selectAll().orderBy('id').execute(),
  ]);
  return JSON.stringify({ units, users, members, categories, rules });
}

/** Sign in as a demo account (or one created with DEMO_PASSWORD) and return the raw response. */
export function login(h: Harness, username: string, password = DEMO_PASSWORD) {
  return h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

export function withToken(h: Harness, token: string, method: 'GET' | 'POST', url: string) {
  return h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
}

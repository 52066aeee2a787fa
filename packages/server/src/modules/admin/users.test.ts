import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { expectError } from '../../testing/errors.ts';
import { addSecurityAdmin, adminState, auditEntries, auditSeq, login, withToken } from './test-helpers.ts';

interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  lang: 'zh' | 'en' | null;
  roles: string[];
  active: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  units: { id: number; name: string }[];
}

const PASSWORD = 'Yanhu-12345!';
/** 盐湖区's security admin (the demo's `secadmin` sits in the province's office and covers everything). */
const SEC = 'yhsec';

async function createUser(h: Harness, username: string, extra: Record<string, unknown> = {}) {
  const res = await h.req(await addSecurityAdmin(h, SEC, 'centre'), 'POST', '/api/v1/admin/users', {
    username,
    displayName: '新同事',
    password: PASSWORD,
    roles: ['handler'],
    unitIds: [h.org.units['water']],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AdminUser;
}

/** The user has changed the password the security admin set (what POST /api/v1/me/password does), so their sign-ins are full ones. */
async function passwordChanged(h: Harness, id: number) {
  await h.db.db.updateTable('users').set({ must_change_password: false }).where('id', '=', id).execute();
}

/** What the notify module reads of each user (test-helpers' adminState leaves these out). */
async function notifyFields(h: Harness): Promise<string> {
  return JSON.stringify(await h.db.db.selectFrom('users').select(['id', 'email', 'lang']).orderBy('id').execute());
}

async function signedIn(h: Harness, username: string, password = PASSWORD): Promise<string> {
  const res = await login(h, username, password);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().token as string;
}

describeEachDb('admin: users and roles (the security admin)', (get) => {
  it('lists the accounts of the security admin’s regions with roles, units, lock and second-factor state, filtered and paged', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, SEC, 'centre');
    const res = await h.req(sec, 'GET', '/api/v1/admin/users');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: AdminUser[]; total: number };
    const names = body.items.map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining([SEC, 'clerk', 'dispatcher', 'handler', 'handler2', 'unithead', 'supervisor', 'inspector']),
    );
    // 阳泉市郊区's accounts and the province's officers lie outside 盐湖区.
    for (const outside of ['leader', 'admin', 'secadmin', 'auditor']) expect(names).not.toContain(outside);
    expect(body.items.find((u) => u.username === 'handler2')).toMatchObject({
      roles: ['handler'],
      active: true,
      lockedUntil: null,
      totpEnabled: false,
      units: [{ id: h.org.units['water'], name: '盐湖区水务局' }],
    });
    expect(JSON.stringify(body)).not.toContain('password_hash');
    expect(JSON.stringify(body)).not.toContain('totp_secret');

    const byUnit = (await h.req(sec, 'GET', `/api/v1/admin/users?unitId=${h.org.units['market']}`)).json() as { items: AdminUser[] };
    expect(byUnit.items.map((u) => u.username).sort()).toEqual(['handler', 'unithead']);
    const byText = (await h.req(sec, 'GET', `/api/v1/admin/users?q=${encodeURIComponent('派单')}`)).json() as { items: AdminUser[] };
    expect(byText.items.map((u) => u.username)).toEqual(['dispatcher']);
    const wildcard = (await h.req(sec, 'GET', '/api/v1/admin/users?q=%25')).json() as { total: number };
    expect(wildcard.total).toBe(0);
    const paged = (await h.req(sec, 'GET', '/api/v1/admin/users?pageSize=3&page=2')).json() as { items: AdminUser[]; total: number };
    expect(paged.items.length).toBe(3);
    expect(paged.total).toBe(body.total);

    const jq = (await h.req(await addSecurityAdmin(h, 'jqsec', 'jqCentre'), 'GET', '/api/v1/admin/users')).json() as { items: AdminUser[] };
    expect(jq.items.map((u) => u.username).sort()).toEqual(['jqsec', 'leader', 'leader2', 'leader3', 'minsheng']);
    // The root security admin (the province's office) sees every account.
    const all = (await h.req('secadmin', 'GET', '/api/v1/admin/users?pageSize=100')).json() as { items: AdminUser[] };
    expect(all.items.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'secadmin', 'auditor', 'leader', 'handler2', SEC]));
  });

  it('creates an account (argon2id) that signs in at once and must change the password the security admin chose', async () => {
    const h = get();
    const u = await createUser(h, 'wang.water', { phone: '139 3591 0000', roles: ['handler', 'unit_head'] });
    expect(u).toMatchObject({
      username: 'wang.water',
      phone: '13935910000',
      email: null,
      lang: null,
      roles: ['handler', 'unit_head'],
      active: true,
      mustChangePassword: true,
      lockedUntil: null,
      totpEnabled: false,
    });
    const row = await h.db.db
      .selectFrom('users')
      .select(['password_hash', 'must_change_password'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.must_change_password).toBe(true);
    const first = await login(h, 'wang.water', PASSWORD);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().passwordChangeRequired).toBe(true);

    await passwordChanged(h, u.id);
    const token = await signedIn(h, 'wang.water');
    const me = (await withToken(h, token, 'GET', '/api/v1/me')).json();
    expect(me.units.map((x: { id: number }) => x.id)).toEqual([h.org.units['water']]);
    const dup = expectError(
      await h.req(SEC, 'POST', '/api/v1/admin/users', {
        username: 'wang.water',
        displayName: '重名',
        password: PASSWORD,
        roles: ['clerk'],
        unitIds: [h.org.units['centre']],
      }),
      409,
      'conflict',
    );
    expect(dup.details?.fields?.[0]).toMatchObject({ path: 'username', code: 'username_taken' });
  });

  it('changes roles and unit memberships; the change applies to the next request of the user', async () => {
    const h = get();
    const u = await createUser(h, 'li.move');
    await passwordChanged(h, u.id);
    const token = await signedIn(h, 'li.move');
    const res = await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, {
      roles: ['dispatcher'],
      unitIds: [h.org.units['centre'], h.org.units['centre']],
      displayName: '李派单',
      phone: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['dispatcher'], displayName: '李派单', phone: null, units: [{ id: h.org.units['centre'] }] });
    const me = (await withToken(h, token, 'GET', '/api/v1/me')).json();
    expect(me.roles).toEqual(['dispatcher']);
    expect(me.units.map((x: { id: number }) => x.id)).toEqual([h.org.units['centre']]);
  });

  it('sets the e-mail address and notification language on create, changes and clears them on patch', async () => {
    const h = get();
    const u = await createUser(h, 'zhou.mail', { email: 'zhou.mail@yanhu.gov.cn', lang: 'en' });
    expect(u).toMatchObject({ username: 'zhou.mail', email: 'zhou.mail@yanhu.gov.cn', lang: 'en' });
    const row = () => h.db.db.selectFrom('users').select(['email', 'lang']).where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(await row()).toEqual({ email: 'zhou.mail@yanhu.gov.cn', lang: 'en' });
    expect((await h.req(SEC, 'GET', `/api/v1/admin/users/${u.id}`)).json()).toMatchObject({
      email: 'zhou.mail@yanhu.gov.cn',
      lang: 'en',
    });
    const listed = (await h.req(SEC, 'GET', '/api/v1/admin/users?q=zhou.mail')).json() as { items: AdminUser[] };
    expect(listed.items).toMatchObject([{ username: 'zhou.mail', email: 'zhou.mail@yanhu.gov.cn', lang: 'en' }]);

    const changed = await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { email: 'zhou@yanhu.gov.cn', lang: 'zh' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'zhou@yanhu.gov.cn', lang: 'zh', displayName: '新同事' });

    const cleared = await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { email: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ email: null, lang: 'zh' });
    expect(await row()).toEqual({ email: null, lang: 'zh' });
    expect((await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { lang: null })).json()).toMatchObject({
      email: null,
      lang: null,
    });
    expect(await row()).toEqual({ email: null, lang: null });
  });

  it('refuses a bad e-mail address or language with 400 and changes nothing', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, SEC, 'centre');
    const target = h.org.users['handler2'];
    const ok = { username: 'bad.mail', displayName: '新用户', password: PASSWORD, roles: ['handler'], unitIds: [h.org.units['water']] };
    const before = [await adminState(h), await notifyFields(h)];
    const bad: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/users', { ...ok, email: 'not-an-address' }],
      ['POST', '/api/v1/admin/users', { ...ok, email: 'two@at@yanhu.gov.cn' }],
      // Well formed, but 203 characters (the limit is 200).
      ['POST', '/api/v1/admin/users', { ...ok, email: `${'q'.repeat(50)}@${'x'.repeat(60)}.${'y'.repeat(60)}.${'z'.repeat(23)}.gov.cn` }],
      ['POST', '/api/v1/admin/users', { ...ok, email: null }],
      ['POST', '/api/v1/admin/users', { ...ok, lang: 'fr' }],
      ['POST', '/api/v1/admin/users', { ...ok, lang: null }],
      ['PATCH', `/api/v1/admin/users/${target}`, { email: 'handler2@' }],
      ['PATCH', `/api/v1/admin/users/${target}`, { email: '' }],
      ['PATCH', `/api/v1/admin/users/${target}`, { email: 'ok@yanhu.gov.cn', lang: 'EN' }],
      ['PATCH', `/api/v1/admin/users/${target}`, { displayName: '改名', email: 42 }],
    ];
    for (const [method, url, body] of bad) {
      const res = await h.req(sec, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} -> ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect([await adminState(h), await notifyFields(h)]).toEqual(before);
  });

  it('a deactivated user cannot sign in and their existing token gets 401; reactivated, they sign in again', async () => {
    const h = get();
    const u = await createUser(h, 'zhao.leave');
    await passwordChanged(h, u.id);
    const token = await signedIn(h, 'zhao.leave');
    expect((await withToken(h, token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const off = await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, sessionsEnded: 1 });
    expectError(await withToken(h, token, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expectError(await withToken(h, token, 'GET', '/api/v1/cases'), 401, 'unauthorized');
    expectError(await login(h, 'zhao.leave', PASSWORD), 401, 'unauthorized');
    const sessions = await h.db.db.selectFrom('sessions').select('token_hash').where('user_id', '=', u.id).execute();
    expect(sessions).toEqual([]);
    const listed = (await h.req(SEC, 'GET', '/api/v1/admin/users?active=false')).json() as { items: AdminUser[] };
    expect(listed.items.map((x) => x.username)).toContain('zhao.leave');
    expect((await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { active: true })).statusCode).toBe(200);
    await signedIn(h, 'zhao.leave');
  });

  it('resets a password that passes the policy: the old one and the old sessions stop working, the new one must be changed', async () => {
    const h = get();
    const u = await createUser(h, 'sun.forgot');
    await passwordChanged(h, u.id);
    const token = await signedIn(h, 'sun.forgot');
    const before = await adminState(h);
    for (const [password, code] of [
      ['onlylowercaseletters', 'password_few_classes'],
      ['Sun.forgot-2026', 'password_has_username'],
      // The account's current password (and its last five) cannot come back through a reset either.
      [PASSWORD, 'password_reused'],
    ] as const) {
      const err = expectError(await h.req(SEC, 'PUT', `/api/v1/admin/users/${u.id}/password`, { password }), 400, 'validation_failed');
      expect(err.details?.fields?.[0]).toMatchObject({ path: 'password', code });
    }
    expect(await adminState(h)).toBe(before);
    const res = await h.req(SEC, 'PUT', `/api/v1/admin/users/${u.id}/password`, { password: 'A-new-password-2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: u.id, sessionsEnded: 1 });
    expectError(await withToken(h, token, 'GET', '/api/v1/me'), 401, 'unauthorized');
    expectError(await login(h, 'sun.forgot', PASSWORD), 401, 'unauthorized');
    const again = await login(h, 'sun.forgot', 'A-new-password-2026');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().passwordChangeRequired).toBe(true);
    expect((await h.req(SEC, 'GET', `/api/v1/admin/users/${u.id}`)).json()).toMatchObject({ mustChangePassword: true });
    // The reset is in the history: the next reset cannot set it again.
    const reused = await h.req(SEC, 'PUT', `/api/v1/admin/users/${u.id}/password`, { password: 'A-new-password-2026' });
    expect(expectError(reused, 400, 'validation_failed').details?.fields?.[0]).toMatchObject({ code: 'password_reused' });
  });

  it('refuses a weak password on create with 400 and creates nothing', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, SEC, 'centre');
    const before = await adminState(h);
    const ok = { username: 'weak.pw', displayName: '新用户', roles: ['handler'], unitIds: [h.org.units['water']] };
    for (const password of ['huiyin-demo', 'weak.pw-Yanhu-1']) {
      const err = expectError(await h.req(sec, 'POST', '/api/v1/admin/users', { ...ok, password }), 400, 'validation_failed');
      expect(err.details?.fields?.[0]?.path).toBe('password');
    }
    expect(await adminState(h)).toBe(before);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, SEC, 'centre');
    const target = h.org.users['handler2'];
    const water = h.org.units['water'];
    const ok = { username: 'new.user', displayName: '新用户', password: PASSWORD, roles: ['handler'], unitIds: [water] };
    const before = await adminState(h);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/users', { ...ok, isAdmin: true }],
      ['POST', '/api/v1/admin/users', { ...ok, username: 'Bad Name' }],
      ['POST', '/api/v1/admin/users', { ...ok, password: 'short' }],
      ['POST', '/api/v1/admin/users', { ...ok, roles: [] }],
      ['POST', '/api/v1/admin/users', { ...ok, roles: ['root'] }],
      ['POST', '/api/v1/admin/users', { ...ok, unitIds: [999999] }],
      ['POST', '/api/v1/admin/users', { ...ok, unitIds: [h.org.units['jqWater']] }],
      ['POST', '/api/v1/admin/users', { ...ok, unitIds: [h.org.units['province']] }],
      ['POST', '/api/v1/admin/users', { ...ok, phone: '12345' }],
      ['POST', '/api/v1/admin/users', { ...ok, displayName: '名'.repeat(51) }],
      ['PATCH', `/api/v1/admin/users/${target}`, {}],
      ['PATCH', `/api/v1/admin/users/${target}`, { password: PASSWORD }],
      ['PATCH', `/api/v1/admin/users/${target}`, { roles: ['handler', 'emperor'] }],
      ['PATCH', `/api/v1/admin/users/${target}`, { unitIds: [water, h.org.units['jqCentre']] }],
      ['PATCH', `/api/v1/admin/users/${target}`, { active: 1 }],
      ['PATCH', '/api/v1/admin/users/0x10', { active: false }],
      ['PUT', `/api/v1/admin/users/${target}/password`, { password: 'short' }],
      ['PUT', `/api/v1/admin/users/${target}/password`, { password: PASSWORD, notify: true }],
      ['POST', '/api/v1/admin/users/0x10/unlock', undefined],
      ['DELETE', '/api/v1/admin/users/abc/sessions', undefined],
      ['GET', '/api/v1/admin/users?pageSize=1000', undefined],
      ['GET', '/api/v1/admin/users?active=maybe', undefined],
      ['GET', '/api/v1/admin/users?role=admin', undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = await h.req(sec, method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} -> ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await adminState(h)).toBe(before);
  });

  it('the 盐湖区 security admin cannot see or change 阳泉市郊区 accounts (404) and the 郊区 one cannot change 盐湖区 ones', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, SEC, 'centre');
    const jqSec = await addSecurityAdmin(h, 'jqsec', 'jqCentre');
    const before = await adminState(h);
    const leader = h.org.users['leader']!;
    const PW = { password: PASSWORD };
    expectError(await h.req(sec, 'GET', `/api/v1/admin/users/${leader}`), 404, 'not_found');
    expectError(await h.req(sec, 'PATCH', `/api/v1/admin/users/${leader}`, { active: false }), 404, 'not_found');
    expectError(await h.req(sec, 'PATCH', `/api/v1/admin/users/${leader}`, { roles: ['admin'] }), 404, 'not_found');
    expectError(await h.req(sec, 'PUT', `/api/v1/admin/users/${leader}/password`, PW), 404, 'not_found');
    expectError(await h.req(sec, 'POST', `/api/v1/admin/users/${leader}/unlock`), 404, 'not_found');
    expectError(await h.req(sec, 'DELETE', `/api/v1/admin/users/${leader}/sessions`), 404, 'not_found');
    expectError(await h.req(jqSec, 'PATCH', `/api/v1/admin/users/${h.org.users['handler2']}`, { active: false }), 404, 'not_found');
    // The province's officers lie outside every county.
    expectError(await h.req(jqSec, 'PUT', `/api/v1/admin/users/${h.org.users['admin']}/password`, PW), 404, 'not_found');
    expectError(await h.req(sec, 'PATCH', `/api/v1/admin/users/${h.org.users['secadmin']}`, { active: false }), 404, 'not_found');
    expectError(await h.req(sec, 'PATCH', '/api/v1/admin/users/999999', { active: false }), 404, 'not_found');
    expect(await adminState(h)).toBe(before);
    expect((await h.req('leader', 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('writes every change to the audit log, in the change’s transaction, with who, from where and the region', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const u = await createUser(h, 'qian.audit');
    const secId = (await h.db.db.selectFrom('users').select('id').where('username', '=', SEC).executeTakeFirstOrThrow()).id;
    await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, {
      roles: ['handler', 'inspector'],
      displayName: '钱审计',
      phone: '13935910001',
    });
    await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { active: false });
    await h.req(SEC, 'PATCH', `/api/v1/admin/users/${u.id}`, { active: true });
    await h.req(SEC, 'PUT', `/api/v1/admin/users/${u.id}/password`, { password: 'A-new-password-2026' });
    const entries = (await auditEntries(h, 'user.', seq)).filter((e) => e.target_id === String(u.id));
    expect(entries.map((e) => e.action)).toEqual([
      'user.create',
      'user.update',
      'user.roles',
      'user.update',
      'user.deactivate',
      'user.update',
      'user.activate',
      'user.password.reset',
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({ outcome: 'ok', actor_id: secId, actor_name: SEC, target_type: 'user', region_code: '140802' });
      expect(e.source_ip).toBeTruthy();
      expect(JSON.stringify(e.detail)).not.toContain(PASSWORD);
      expect(JSON.stringify(e.detail)).not.toContain('A-new-password-2026');
    }
    expect(entries[0]!.detail).toMatchObject({ username: 'qian.audit', roles: ['handler'], unitIds: [h.org.units['water']] });
    expect(entries[1]!.detail).toMatchObject({
      changed: ['displayName', 'phone', 'roles'],
      displayName: { before: '新同事', after: '钱审计' },
      roles: { before: ['handler'], after: ['handler', 'inspector'], granted: ['inspector'], revoked: [] },
    });
    // The phone number itself (personal information) stays out of the log.
    expect(JSON.stringify(entries[1]!.detail)).not.toContain('13935910001');
    expect(entries[2]!.detail).toMatchObject({ roles: { granted: ['inspector'] } });
    expect(entries[4]!.detail).toMatchObject({ sessionsEnded: 0 });
  });
});

import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { expectError } from '../../testing/errors.ts';
import { addSecurityAdmin, adminState, auditEntries, auditSeq, login, withToken } from './test-helpers.ts';

/**
 * 三员分立 (issue 12): accounts belong to security admins; no account holds two officer roles;
 * nobody grants themselves a role; every account has a unit; only the root security admin makes
 * security admins. Each refusal changes nothing, and the ones that matter are in the audit log.
 */

const PASSWORD = 'Yanhu-12345!';

const newUser = (h: Harness, extra: Record<string, unknown> = {}) => ({
  username: 'new.officer',
  displayName: '新同事',
  password: PASSWORD,
  roles: ['handler'],
  unitIds: [h.org.units['centre']],
  ...extra,
});

const fieldOf = (err: { details?: { fields?: { path: string; code?: string }[] } }) => err.details?.fields?.[0];

async function idOf(h: Harness, username: string): Promise<number> {
  return (await h.db.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describeEachDb('admin: the three officers (三员分立)', (get) => {
  it('the system admin and the auditor cannot manage accounts (403) and change nothing; the security admin can', async () => {
    const h = get();
    const handler2 = h.org.users['handler2']!;
    const cases: ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown][] = [
      ['GET', '/api/v1/admin/users', undefined],
      ['GET', `/api/v1/admin/users/${handler2}`, undefined],
      ['POST', '/api/v1/admin/users', newUser(h)],
      ['POST', '/api/v1/users', newUser(h)],
      ['PATCH', `/api/v1/admin/users/${handler2}`, { roles: ['inspector'] }],
      ['PUT', `/api/v1/admin/users/${handler2}/password`, { password: PASSWORD }],
      ['POST', `/api/v1/admin/users/${handler2}/unlock`, undefined],
      ['DELETE', `/api/v1/admin/users/${handler2}/sessions`, undefined],
    ];
    for (const u of ['admin', 'auditor']) expect((await h.req(u, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const before = await adminState(h);
    for (const [method, url, body] of cases) {
      for (const u of ['admin', 'auditor']) expectError(await h.req(u, method, url, body), 403, 'forbidden');
    }
    expect(await adminState(h)).toBe(before);
    expect((await h.req('secadmin', 'GET', `/api/v1/admin/users/${handler2}`)).statusCode).toBe(200);
  });

  it('a regional security admin cannot create an account without a unit, through either route, nor take every unit away', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsec', 'centre');
    const before = await adminState(h);
    for (const url of ['/api/v1/admin/users', '/api/v1/users']) {
      for (const body of [newUser(h, { unitIds: [] }), Object.fromEntries(Object.entries(newUser(h)).filter(([k]) => k !== 'unitIds'))]) {
        const err = expectError(await h.req(sec, 'POST', url, body), 400, 'validation_failed');
        expect(JSON.stringify(err.details)).toContain('unitIds');
      }
      // A unit outside the security admin's regions is no unit either.
      expectError(await h.req(sec, 'POST', url, newUser(h, { unitIds: [h.org.units['jqCentre']] })), 400, 'validation_failed');
    }
    const err = expectError(
      await h.req(sec, 'PATCH', `/api/v1/admin/users/${h.org.users['handler2']}`, { unitIds: [] }),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(err.details)).toContain('unitIds');
    expect(await adminState(h)).toBe(before);
    // The old address answers exactly like the scoped route.
    const created = await h.req(sec, 'POST', '/api/v1/users', newUser(h));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ units: [{ id: h.org.units['centre'] }], mustChangePassword: true });
  });

  it('a security admin cannot add inspector, supervisor or any role to themselves, nor drop their own, nor deactivate themselves', async () => {
    const h = get();
    for (const sec of ['secadmin', await addSecurityAdmin(h, 'yhsec', 'centre')]) {
      const me = await idOf(h, sec);
      const seq = await auditSeq(h);
      const before = await adminState(h);
      for (const roles of [
        ['security_admin', 'inspector'],
        ['security_admin', 'supervisor'],
        ['security_admin', 'handler'],
        ['inspector'],
        ['handler'],
      ]) {
        const err = expectError(await h.req(sec, 'PATCH', `/api/v1/admin/users/${me}`, { roles }), 403, 'forbidden');
        expect(fieldOf(err)).toMatchObject({ path: 'roles', code: 'self_roles' });
      }
      expect(
        fieldOf(expectError(await h.req(sec, 'PATCH', `/api/v1/admin/users/${me}`, { active: false }), 409, 'conflict')),
      ).toMatchObject({
        path: 'active',
        code: 'self_deactivate',
      });
      expect(
        fieldOf(
          expectError(await h.req(sec, 'PUT', `/api/v1/admin/users/${me}/password`, { password: 'Another-pass-2026' }), 403, 'forbidden'),
        ),
      ).toMatchObject({ code: 'self_password' });
      expect(await adminState(h)).toBe(before);
      // Their own name they may change.
      expect((await h.req(sec, 'PATCH', `/api/v1/admin/users/${me}`, { displayName: '安全管理员甲' })).statusCode).toBe(200);
      const denied = (await auditEntries(h, 'user.update', seq)).filter((e) => e.outcome === 'denied' && e.target_id === String(me));
      expect(denied.length).toBe(5);
      expect(denied[0]).toMatchObject({
        actor_name: sec,
        detail: { reason: 'self_roles', roles: { after: ['security_admin', 'inspector'] } },
      });
    }
    // The discipline ledger stays closed to them.
    expect((await h.req('secadmin', 'GET', '/api/v1/me')).json().roles).toEqual(['security_admin']);
  });

  it('no account holds two of admin, security_admin and auditor, on create or on change; the refusal is logged', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const before = await adminState(h);
    const target = h.org.users['handler2']!;
    for (const roles of [
      ['admin', 'security_admin'],
      ['admin', 'auditor'],
      ['security_admin', 'auditor'],
      ['auditor', 'handler', 'admin'],
    ]) {
      for (const url of ['/api/v1/admin/users', '/api/v1/users']) {
        const err = expectError(await h.req('secadmin', 'POST', url, newUser(h, { roles })), 400, 'validation_failed');
        expect(fieldOf(err)).toMatchObject({ path: 'roles', code: 'officer_conflict' });
      }
      const err = expectError(await h.req('secadmin', 'PATCH', `/api/v1/admin/users/${target}`, { roles }), 400, 'validation_failed');
      expect(fieldOf(err)).toMatchObject({ path: 'roles', code: 'officer_conflict' });
    }
    // An officer cannot be given a second officer role either.
    const auditor = h.org.users['auditor']!;
    expectError(
      await h.req('secadmin', 'PATCH', `/api/v1/admin/users/${auditor}`, { roles: ['auditor', 'admin'] }),
      400,
      'validation_failed',
    );
    expect(await adminState(h)).toBe(before);
    const denied = (await auditEntries(h, 'user.', seq)).filter((e) => e.outcome === 'denied');
    expect(denied.length).toBe(13);
    expect(denied.every((e) => (e.detail as { reason?: string }).reason === 'officer_conflict')).toBe(true);
    expect(denied[0]).toMatchObject({ action: 'user.create', actor_name: 'secadmin', target_type: 'user', target_id: 'new.officer' });
    // One officer role beside working roles is fine.
    expect((await h.req('secadmin', 'PATCH', `/api/v1/admin/users/${target}`, { roles: ['handler', 'auditor'] })).statusCode).toBe(200);
  });

  it('a county security admin makes the county’s admin and auditor, grants inspector to others, but never security_admin; the root may', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const sec = await addSecurityAdmin(h, 'yhsec', 'centre');
    const admin = await h.req(sec, 'POST', '/api/v1/admin/users', newUser(h, { username: 'yh.admin', roles: ['admin'] }));
    expect(admin.statusCode, admin.body).toBe(201);
    const auditor = await h.req(sec, 'POST', '/api/v1/admin/users', newUser(h, { username: 'yh.auditor', roles: ['auditor'] }));
    expect(auditor.statusCode, auditor.body).toBe(201);
    const handler2 = h.org.users['handler2']!;
    expect((await h.req(sec, 'PATCH', `/api/v1/admin/users/${handler2}`, { roles: ['handler', 'inspector'] })).statusCode).toBe(200);

    const before = await adminState(h);
    const refused = [
      await h.req(sec, 'POST', '/api/v1/admin/users', newUser(h, { username: 'yh.sec2', roles: ['security_admin'] })),
      await h.req(sec, 'PATCH', `/api/v1/admin/users/${handler2}`, { roles: ['security_admin'] }),
    ];
    for (const res of refused)
      expect(fieldOf(expectError(res, 403, 'forbidden'))).toMatchObject({ path: 'roles', code: 'security_admin_needs_root' });
    expect(await adminState(h)).toBe(before);

    // The root security admin makes a second county security admin, whom the first cannot touch.
    const peer = await h.req('secadmin', 'POST', '/api/v1/admin/users', newUser(h, { username: 'yh.sec2', roles: ['security_admin'] }));
    expect(peer.statusCode, peer.body).toBe(201);
    const peerId = (peer.json() as { id: number }).id;
    const snapshot = await adminState(h);
    for (const res of [
      await h.req(sec, 'PATCH', `/api/v1/admin/users/${peerId}`, { active: false }),
      await h.req(sec, 'PATCH', `/api/v1/admin/users/${peerId}`, { roles: ['handler'] }),
      await h.req(sec, 'PUT', `/api/v1/admin/users/${peerId}/password`, { password: 'Taken-over-2026' }),
      await h.req(sec, 'DELETE', `/api/v1/admin/users/${peerId}/sessions`),
    ])
      expect(fieldOf(expectError(res, 403, 'forbidden'))?.code).toBe('peer_security_admin');
    expect(await adminState(h)).toBe(snapshot);
    expect((await h.req('secadmin', 'PATCH', `/api/v1/admin/users/${peerId}`, { roles: ['handler'] })).statusCode).toBe(200);
    const denied = (await auditEntries(h, 'user.', seq))
      .filter((e) => e.outcome === 'denied')
      .map((e) => (e.detail as { reason: string }).reason);
    expect(denied).toEqual([
      'security_admin_needs_root',
      'security_admin_needs_root',
      'peer_security_admin',
      'peer_security_admin',
      'peer_security_admin',
      'peer_security_admin',
    ]);
  });

  it('unlocks an account locked by failed sign-ins and shows the lock until then; the unlock is logged', async () => {
    const h = get();
    const handler2 = h.org.users['handler2']!;
    const seq = await auditSeq(h);
    const until = new Date(h.clock.now().getTime() + 15 * 60_000);
    await h.db.db.updateTable('users').set({ locked_until: until, failed_logins: 5 }).where('id', '=', handler2).execute();
    const listed = (await h.req('secadmin', 'GET', '/api/v1/admin/users?q=handler2')).json() as { items: { lockedUntil: string | null }[] };
    expect(listed.items[0]?.lockedUntil).toBe(until.toISOString());
    const res = await h.req('secadmin', 'POST', `/api/v1/admin/users/${handler2}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: handler2, username: 'handler2', lockedUntil: null });
    const row = await h.db.db
      .selectFrom('users')
      .select(['locked_until', 'failed_logins'])
      .where('id', '=', handler2)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_logins: 0 });
    expect((await login(h, 'handler2')).statusCode).toBe(200);
    const [entry] = await auditEntries(h, 'user.unlock', seq);
    expect(entry).toMatchObject({ outcome: 'ok', actor_name: 'secadmin', target_id: String(handler2), region_code: '140802' });
    // A lock that has run out shows as none.
    await h.db.db
      .updateTable('users')
      .set({ locked_until: new Date(h.clock.now().getTime() - 1000) })
      .where('id', '=', handler2)
      .execute();
    expect((await h.req('secadmin', 'GET', `/api/v1/admin/users/${handler2}`)).json()).toMatchObject({ lockedUntil: null });
  });

  it('ends every session of an account: its tokens stop working at once; logged', async () => {
    const h = get();
    const handler2 = h.org.users['handler2']!;
    const seq = await auditSeq(h);
    const open = async () =>
      Number(
        (
          await h.db.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', handler2)
            .executeTakeFirst()
        )?.n,
      );
    const earlier = await open();
    const tokens = [(await login(h, 'handler2')).json().token as string, (await login(h, 'handler2')).json().token as string];
    for (const t of tokens) expect((await withToken(h, t, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const res = await h.req('secadmin', 'DELETE', `/api/v1/admin/users/${handler2}/sessions`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: earlier + 2 });
    expect(await open()).toBe(0);
    for (const t of tokens) expectError(await withToken(h, t, 'GET', '/api/v1/me'), 401, 'unauthorized');
    const [entry] = await auditEntries(h, 'user.sessions.revoke', seq);
    expect(entry).toMatchObject({
      outcome: 'ok',
      actor_name: 'secadmin',
      target_id: String(handler2),
      detail: { sessionsEnded: earlier + 2 },
    });
    expect((await h.req('secadmin', 'DELETE', '/api/v1/admin/users/999999/sessions')).statusCode).toBe(404);
  });

  it('granting a role that needs a second factor ends the user’s sessions: the next sign-in asks to enrol one', async () => {
    const h = get();
    const u = await h.make.user({ username: 'clerk.promoted', roles: ['clerk'], unitIds: [h.org.units['centre']!], demo: false });
    const first = await login(h, 'clerk.promoted');
    expect(first.statusCode, first.body).toBe(200);
    const token = first.json().token as string;
    const res = await h.req('secadmin', 'PATCH', `/api/v1/admin/users/${u.id}`, { roles: ['inspector'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessionsEnded).toBe(1);
    expectError(await withToken(h, token, 'GET', '/api/v1/me'), 401, 'unauthorized');
    const again = await login(h, 'clerk.promoted');
    expect(again.json()).toMatchObject({ totpEnrolmentRequired: true });
  });
});

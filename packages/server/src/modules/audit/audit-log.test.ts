import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo-org.ts';
import { expectError } from '../../testing/errors.ts';
import { FACTORY_PASSWORD } from '../../testing/factories.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { recordAudit } from './audit-log.ts';

interface Entry {
  seq: number;
  action: string;
  outcome: string;
  actor: { id: number | null; name: string | null } | null;
  regionCode: string | null;
  sourceIp: string | null;
  detail: Record<string, unknown>;
}

describeEachDb('the audit log, for auditors', (get) => {
  it('is a 404 for everyone but an auditor, and has no route that writes or deletes', async () => {
    const h = get();
    for (const who of ['admin', 'secadmin', 'supervisor', 'inspector', 'clerk']) {
      expectError(await h.req(who, 'GET', '/api/v1/audit-log'), 404, 'not_found');
    }
    expectError(await h.req(null, 'GET', '/api/v1/audit-log'), 401, 'unauthorized');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      expect((await h.req('auditor', method, '/api/v1/audit-log', {})).statusCode).toBe(404);
    }
  });

  it('shows the day’s sign-ins, good and failed, with their source address, newest first', async () => {
    const h = get();
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'clerk', password: 'not-the-password' },
      remoteAddress: '10.1.2.3',
    });
    expect(bad.statusCode).toBe(401);
    const good = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'clerk', password: DEMO_PASSWORD },
      remoteAddress: '10.1.2.4',
    });
    expect(good.statusCode).toBe(200);
    const day = new Date(h.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await h.req('auditor', 'GET', `/api/v1/audit-log?action=auth.login&actor=clerk&from=${day}&to=${day}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json().items as Entry[]).filter((e) => e.sourceIp?.startsWith('10.1.2.'));
    expect(items.map((e) => [e.outcome, e.sourceIp])).toEqual([
      ['ok', '10.1.2.4'],
      ['failed', '10.1.2.3'],
    ]);
    expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
    // The auditor's own reading is on the record too.
    const reads = (await h.req('auditor', 'GET', '/api/v1/audit-log?action=audit.read')).json().items as Entry[];
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads[0]!.actor?.name).toBe('auditor');
  });

  it('an auditor reads only their regions; entries of other regions and deployment-wide ones stay hidden from a county auditor', async () => {
    const h = get();
    const countyAuditor = await h.make.user({ username: 'yh-auditor', roles: ['auditor'], unitIds: [h.org.units['centre']!] });
    // Like the demo accounts, no second factor in demo mode (the sign-in tests cover the factor).
    await h.db.db.updateTable('users').set({ demo: true }).where('id', '=', countyAuditor.id).execute();
    const at = h.clock.now();
    await h.db.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { action: 'test.yanhu', regionCode: '140802', at });
      await recordAudit(trx, { action: 'test.jiaoqu', regionCode: '140311', at });
      await recordAudit(trx, { action: 'test.national', regionCode: null, at });
    });
    const root = (await h.req('auditor', 'GET', '/api/v1/audit-log?action=test')).json().items as Entry[];
    expect(root.map((e) => e.action).sort()).toEqual(['test.jiaoqu', 'test.national', 'test.yanhu']);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: countyAuditor.username, password: FACTORY_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const county = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=test',
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(county.statusCode, county.body).toBe(200);
    expect((county.json().items as Entry[]).map((e) => e.action)).toEqual(['test.yanhu']);
  });

  it('pages with a cursor and refuses a bad filter with a clear error', async () => {
    const h = get();
    const at = h.clock.now();
    await h.db.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await recordAudit(trx, { action: 'test.page', regionCode: '140802', detail: { i }, at });
    });
    const first = (await h.req('auditor', 'GET', '/api/v1/audit-log?action=test.page&pageSize=3')).json();
    expect(first.items.map((e: Entry) => e.detail['i'])).toEqual([4, 3, 2]);
    const second = (await h.req('auditor', 'GET', `/api/v1/audit-log?action=test.page&pageSize=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((e: Entry) => e.detail['i'])).toEqual([1, 0]);
    expect(second.nextCursor).toBeNull();
    expectError(await h.req('auditor', 'GET', '/api/v1/audit-log?from=2026-13-45'), 400, 'validation_failed');
    expectError(await h.req('auditor', 'GET', '/api/v1/audit-log?from=2026-03-10&to=2026-03-09'), 400, 'validation_failed');
  });

  it('an auditor’s attempt to change anything is refused (403), logged, and changes nothing', async () => {
    const h = get();
    const res = await h.req('auditor', 'POST', '/api/v1/admin/units', { name: '审计员建的单位', kind: 'bureau', regionCode: '140802' });
    expectError(res, 403, 'forbidden');
    const units = await h.db.db.selectFrom('units').select('id').where('name', '=', '审计员建的单位').execute();
    expect(units).toEqual([]);
    const denied = (await h.req('auditor', 'GET', '/api/v1/audit-log?action=access.denied&actor=auditor')).json().items as Entry[];
    expect(denied[0]).toMatchObject({ outcome: 'denied', detail: { method: 'POST', route: '/api/v1/admin/units' } });
  });
});

import type { Role } from '@huiyin/core';
import { expect, it } from 'vitest';
import { demoAccounts } from '../../seed/demo-org.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { expectError } from '../../testing/errors.ts';
import { adminState } from './test-helpers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SYSTEM: Role[] = ['admin'];
const SECURITY: Role[] = ['security_admin'];
const UNIT_READERS: Role[] = ['admin', 'security_admin'];

/**
 * Every admin route with a body that an allowed caller could send successfully, and the roles
 * allowed (三员分立: units and the catalog for the system admin, accounts for the security admin).
 */
function routes(h: Harness): [Method, string, unknown, Role[]][] {
  const water = h.org.units['water']!;
  return [
    ['GET', '/api/v1/admin/regions', undefined, UNIT_READERS],
    ['GET', '/api/v1/admin/units', undefined, UNIT_READERS],
    ['POST', '/api/v1/admin/units', { name: '新单位', kind: 'bureau', regionCode: '140802' }, SYSTEM],
    ['PATCH', `/api/v1/admin/units/${water}`, { name: '盐湖区水利局' }, SYSTEM],
    ['DELETE', `/api/v1/admin/units/${water}`, undefined, SYSTEM],
    ['GET', '/api/v1/admin/users', undefined, SECURITY],
    ['GET', `/api/v1/admin/users/${h.org.users['handler2']}`, undefined, SECURITY],
    [
      'POST',
      '/api/v1/admin/users',
      { username: 'x.user', displayName: '某人', password: 'long-enough-1', roles: ['admin'], unitIds: [water] },
      SECURITY,
    ],
    [
      'POST',
      '/api/v1/users',
      { username: 'y.user', displayName: '某人', password: 'long-enough-1', roles: ['auditor'], unitIds: [water] },
      SECURITY,
    ],
    ['PATCH', `/api/v1/admin/users/${h.org.users['handler2']}`, { roles: ['admin'] }, SECURITY],
    ['PUT', `/api/v1/admin/users/${h.org.users['inspector']}/password`, { password: 'long-enough-1' }, SECURITY],
    ['POST', `/api/v1/admin/users/${h.org.users['handler']}/unlock`, undefined, SECURITY],
    ['DELETE', `/api/v1/admin/users/${h.org.users['handler']}/sessions`, undefined, SECURITY],
    ['GET', '/api/v1/admin/categories', undefined, SYSTEM],
    ['POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通', nameEn: 'Traffic' }, SYSTEM],
    ['PATCH', '/api/v1/admin/categories/water', { nameZh: '水' }, SYSTEM],
    ['GET', '/api/v1/admin/routing-rules', undefined, SYSTEM],
    ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802001', unitId: water }, SYSTEM],
    ['DELETE', '/api/v1/admin/routing-rules/1', undefined, SYSTEM],
  ];
}

describeEachDb('admin: who may use the admin API', (get) => {
  it('is 401 without a sign-in and 403 for every role the route is not for, and changes nothing', async () => {
    const h = get();
    // Sign everyone in first, so the snapshot compares only what the admin API might write.
    for (const a of demoAccounts) expect((await h.req(a.username, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const before = await adminState(h);
    for (const [method, url, body, allowed] of routes(h)) {
      expectError(await h.req(null, method, url, body), 401, 'unauthorized');
      for (const a of demoAccounts.filter((x) => !x.roles.some((r) => allowed.includes(r)))) {
        const res = await h.req(a.username, method, url, body);
        expect(res.statusCode, `${a.username} ${method} ${url} -> ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await adminState(h)).toBe(before);
  });

  it('the system admin and the security admin may each use theirs', async () => {
    const h = get();
    for (const [method, url, body, allowed] of routes(h)) {
      const as = allowed.includes('admin') ? 'admin' : 'secadmin';
      const res = await h.req(as, method, url, body);
      // Deleting the water bureau is refused (it has members and rules); everything else succeeds.
      const expected =
        url.endsWith(`/units/${h.org.units['water']}`) && method === 'DELETE'
          ? 409
          : method === 'POST' && !url.endsWith('/unlock')
            ? 201
            : method === 'DELETE' && !url.endsWith('/sessions')
              ? 204
              : 200;
      expect(res.statusCode, `${as} ${method} ${url} -> ${res.body}`).toBe(expected);
      if (allowed.length > 1) expect((await h.req('secadmin', method, url, body)).statusCode, `secadmin ${method} ${url}`).toBe(200);
    }
  });
});

import { expect, it } from 'vitest';
import { demoAccounts } from '../../seed/demo-org.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { expectError } from '../../testing/errors.ts';
import { adminState } from './test-helpers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every admin route with a body that an admin could send successfully. */
function routes(h: Harness): [Method, string, unknown][] {
  const water = h.org.units['water']!;
  return [
    ['GET', '/api/v1/admin/regions', undefined],
    ['GET', '/api/v1/admin/units', undefined],
    ['POST', '/api/v1/admin/units', { name: '新单位', kind: 'bureau', regionCode: '140802' }],
    ['PATCH', `/api/v1/admin/units/${water}`, { name: '盐湖区水利局' }],
    ['DELETE', `/api/v1/admin/units/${water}`, undefined],
    ['GET', '/api/v1/admin/users', undefined],
    ['GET', `/api/v1/admin/users/${h.org.users['handler2']}`, undefined],
    [
      'POST',
      '/api/v1/admin/users',
      { username: 'x.user', displayName: '某人', password: 'long-enough-1', roles: ['admin'], unitIds: [water] },
    ],
    ['PATCH', `/api/v1/admin/users/${h.org.users['handler2']}`, { roles: ['admin'] }],
    ['PUT', `/api/v1/admin/users/${h.org.users['inspector']}/password`, { password: 'long-enough-1' }],
    ['GET', '/api/v1/admin/categories', undefined],
    ['POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通', nameEn: 'Traffic' }],
    ['PATCH', '/api/v1/admin/categories/water', { nameZh: '水' }],
    ['GET', '/api/v1/admin/routing-rules', undefined],
    ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802001', unitId: water }],
    ['DELETE', '/api/v1/admin/routing-rules/1', undefined],
  ];
}

describeEachDb('admin: who may use the admin API', (get) => {
  it('is 401 without a sign-in and 403 for every role but admin, and changes nothing', async () => {
    const h = get();
    const others = demoAccounts.filter((a) => !a.roles.includes('admin')).map((a) => a.username);
    // Sign everyone in first, so the snapshot compares only what the admin API might write.
    for (const u of others) expect((await h.req(u, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const before = await adminState(h);
    for (const [method, url, body] of routes(h)) {
      expectError(await h.req(null, method, url, body), 401, 'unauthorized');
      for (const u of others) {
        const res = await h.req(u, method, url, body);
        expect(res.statusCode, `${u} ${method} ${url} -> ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await adminState(h)).toBe(before);
  });

  it('an admin may use each of them', async () => {
    const h = get();
    for (const [method, url, body] of routes(h)) {
      const res = await h.req('admin', method, url, body);
      // Deleting the water bureau is refused (it has members and rules); everything else succeeds.
      const expected =
        url.endsWith(`/units/${h.org.units['water']}`) && method === 'DELETE'
          ? 409
          : method === 'POST'
            ? 201
            : method === 'DELETE'
              ? 204
              : 200;
      expect(res.statusCode, `${method} ${url} -> ${res.body}`).toBe(expected);
    }
  });
});

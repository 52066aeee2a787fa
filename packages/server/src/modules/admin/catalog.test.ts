import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { registerCase } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { addOfficer, adminState } from './test-helpers.ts';

interface Rule {
  id: number;
  categoryCode: string;
  regionPrefix: string;
  regionName: string | null;
  unit: { id: number; name: string; active: boolean };
}

async function rules(h: Harness, as = 'admin') {
  const res = await h.req(as, 'GET', '/api/v1/admin/routing-rules');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Rule[];
}

/** A registration body under the category in the region. */
function kitchenCase(categoryCode: string, regionCode: string) {
  return { type: 'complaint', content: '饭店后厨卫生差', categoryCode, regionCode, requester: { phone: '13900002222' } };
}

describeEachDb('admin: categories and the routing catalog', (get) => {
  it('creates, renames, deactivates and reactivates categories; inactive ones leave the public list and new cases', async () => {
    const h = get();
    const top = await h.req('admin', 'POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通出行', nameEn: 'Traffic' });
    expect(top.statusCode, top.body).toBe(201);
    expect(top.json()).toEqual({ code: 'traffic', parentCode: null, nameZh: '交通出行', nameEn: 'Traffic', active: true });
    const sub = await h.req('admin', 'POST', '/api/v1/admin/categories', {
      code: 'traffic.parking',
      parentCode: 'traffic',
      nameZh: '停车',
      nameEn: 'Parking',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const renamed = await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic.parking', {
      nameZh: '停车管理',
      nameEn: 'Parking management',
    });
    expect(renamed.json()).toMatchObject({ nameZh: '停车管理', nameEn: 'Parking management' });
    await registerCase(h, 'clerk', kitchenCase('traffic.parking', '140802'));

    const before = await adminState(h);
    expect(
      expectError(await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic', { active: false }), 409, 'conflict').details,
    ).toMatchObject({ reason: 'active_children' });
    expect(await adminState(h)).toBe(before);
    expect((await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic.parking', { active: false })).statusCode).toBe(200);
    expect((await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic', { active: false })).statusCode).toBe(200);
    const publicList = (await h.req(null, 'GET', '/api/v1/categories')).json().items as { code: string }[];
    expect(publicList.map((c) => c.code)).not.toContain('traffic.parking');
    const adminList = (await h.req('admin', 'GET', '/api/v1/admin/categories')).json().items as { code: string; active: boolean }[];
    expect(adminList.find((c) => c.code === 'traffic.parking')).toMatchObject({ active: false });
    expect((await h.req('clerk', 'POST', '/api/v1/cases', kitchenCase('traffic.parking', '140802'))).statusCode).toBe(400);
    expectError(
      await h.req('admin', 'POST', '/api/v1/admin/categories', {
        code: 'traffic.bus',
        parentCode: 'traffic',
        nameZh: '公交',
        nameEn: 'Buses',
      }),
      400,
      'validation_failed',
    );

    expect(
      expectError(await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic.parking', { active: true }), 409, 'conflict').details,
    ).toMatchObject({ reason: 'inactive_parent' });
    expect((await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic', { active: true })).statusCode).toBe(200);
    expect((await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic.parking', { active: true })).statusCode).toBe(200);
    expect(
      expectError(
        await h.req('admin', 'POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通', nameEn: 'Traffic' }),
        409,
        'conflict',
      ).details?.fields?.[0],
    ).toMatchObject({ path: 'code', code: 'code_taken' });
    expectError(await h.req('admin', 'PATCH', '/api/v1/admin/categories/nothing.here', { nameZh: '无' }), 404, 'not_found');
  });

  it('lists, adds and removes the routing rules of the admin’s regions; the dispatcher’s suggestion follows', async () => {
    const h = get();
    // 盐湖区's own system admin (the demo's `admin` sits in the province's office: the root).
    const yh = await addOfficer(h, 'yhadmin', 'admin', 'centre');
    const mine = await rules(h, yh);
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.every((r) => r.regionPrefix.startsWith('140802'))).toBe(true);
    expect(mine.find((r) => r.categoryCode === 'water.outage')).toMatchObject({
      regionPrefix: '140802',
      regionName: '盐湖区',
      unit: { id: h.org.units['water'], name: '盐湖区水务局', active: true },
    });

    // Food safety in 中城街道 goes to the street office first.
    const zhongcheng = h.org.units['zhongcheng']!;
    const added = await h.req(yh, 'POST', '/api/v1/admin/routing-rules', {
      categoryCode: 'market.food',
      regionPrefix: '140802001',
      unitId: zhongcheng,
    });
    expect(added.statusCode, added.body).toBe(201);
    const rule = added.json() as Rule;
    expect(rule).toMatchObject({ categoryCode: 'market.food', regionPrefix: '140802001', unit: { id: zhongcheng } });
    expect(rule.regionName).toContain('中城');
    const c = await registerCase(h, 'clerk', kitchenCase('market.food', '140802001'));
    const help = (await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/dispatch-help`)).json();
    expect(help.suggestedUnits[0].id).toBe(zhongcheng);
    expect(help.suggestedUnits.map((u: { id: number }) => u.id)).toContain(h.org.units['market']);

    expect(
      expectError(
        await h.req(yh, 'POST', '/api/v1/admin/routing-rules', {
          categoryCode: 'market.food',
          regionPrefix: '140802001',
          unitId: zhongcheng,
        }),
        409,
        'conflict',
      ).details?.fields?.[0]?.code,
    ).toBe('rule_exists');
    expect((await h.req(yh, 'DELETE', `/api/v1/admin/routing-rules/${rule.id}`)).statusCode).toBe(204);
    expectError(await h.req(yh, 'DELETE', `/api/v1/admin/routing-rules/${rule.id}`), 404, 'not_found');
    const after = (await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/dispatch-help`)).json();
    expect(after.suggestedUnits.map((u: { id: number }) => u.id)).not.toContain(zhongcheng);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const h = get();
    const water = h.org.units['water'];
    const before = await adminState(h);
    const bad: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/categories', { code: 'Traffic', nameZh: '交通', nameEn: 'Traffic' }],
      ['POST', '/api/v1/admin/categories', { code: 'x', nameZh: '', nameEn: 'X' }],
      ['POST', '/api/v1/admin/categories', { code: 'x', nameZh: '交'.repeat(51), nameEn: 'X' }],
      ['POST', '/api/v1/admin/categories', { code: 'x', nameZh: '交通', nameEn: 'X', color: 'red' }],
      ['POST', '/api/v1/admin/categories', { code: 'parking', parentCode: 'water', nameZh: '停车', nameEn: 'Parking' }],
      ['POST', '/api/v1/admin/categories', { code: 'nothing.parking', parentCode: 'nothing', nameZh: '停车', nameEn: 'Parking' }],
      ['PATCH', '/api/v1/admin/categories/water', {}],
      ['PATCH', '/api/v1/admin/categories/water', { code: 'river' }],
      ['PATCH', '/api/v1/admin/categories/WATER', { nameZh: '水' }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '14080', unitId: water }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802', unitId: 'water' }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802', unitId: water, priority: 1 }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'no.such', regionPrefix: '140802', unitId: water }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802999', unitId: water }],
      ['POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix: '140802', unitId: 999999 }],
      ['DELETE', '/api/v1/admin/routing-rules/one', undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = await h.req('admin', method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} -> ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    expect(await adminState(h)).toBe(before);
  });

  it('the 盐湖区 admin cannot see, add or remove 阳泉市郊区 rules', async () => {
    const h = get();
    const jqAdmin = await addOfficer(h, 'jqadmin', 'admin', 'jqCentre');
    const yh = await addOfficer(h, 'yhadmin', 'admin', 'centre');
    const theirs = await rules(h, jqAdmin);
    expect(theirs.map((r) => r.categoryCode).sort()).toEqual(['water.outage', 'water.quality']);
    expect((await rules(h, yh)).map((r) => r.id)).not.toContain(theirs[0]!.id);
    const before = await adminState(h);
    expectError(await h.req(yh, 'DELETE', `/api/v1/admin/routing-rules/${theirs[0]!.id}`), 404, 'not_found');
    const addRule = (regionPrefix: string, unitId = h.org.units['water']) =>
      h.req(yh, 'POST', '/api/v1/admin/routing-rules', { categoryCode: 'water.outage', regionPrefix, unitId });
    const outside = expectError(await addRule('140311'), 400, 'validation_failed');
    expect(outside.details?.fields?.[0]).toMatchObject({ path: 'regionPrefix', code: 'region_outside' });
    // A wider prefix (the whole city, the province) is not the county admin's either.
    expectError(await addRule('1408'), 400, 'validation_failed');
    const foreignUnit = expectError(await addRule('140802', h.org.units['jqWater']), 400, 'validation_failed');
    expect(foreignUnit.details?.fields?.[0]).toMatchObject({ path: 'unitId', code: 'unknown_unit' });
    expect(await adminState(h)).toBe(before);
  });
});

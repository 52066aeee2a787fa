import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { expectError } from '../../testing/errors.ts';
import { addOfficer, adminState, auditEntries, auditSeq } from './test-helpers.ts';

interface UnitNode {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string | null;
  parentId: number | null;
  active: boolean;
  memberCount: number;
  children: UnitNode[];
}

function flatten(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

async function tree(h: Harness, as = 'admin') {
  const res = await h.req(as, 'GET', '/api/v1/admin/units');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as UnitNode[];
}

async function createUnit(h: Harness, body: Record<string, unknown>) {
  const res = await h.req('admin', 'POST', '/api/v1/admin/units', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as UnitNode;
}

describeEachDb('admin: units', (get) => {
  it('lists the units of the admin’s own regions as a tree, inactive ones included', async () => {
    const h = get();
    // 盐湖区's own system admin (the demo's `admin` sits in the province's office: the root).
    const roots = await tree(h, await addOfficer(h, 'yhadmin', 'admin', 'centre'));
    expect(roots.map((r) => r.name)).toEqual(['运城市盐湖区政务服务中心']);
    const all = flatten(roots);
    expect(all.map((u) => u.name)).toContain('盐湖区中城街道办事处');
    expect(all.every((u) => u.regionCode.startsWith('140802'))).toBe(true);
    expect(all.find((u) => u.id === h.org.units['market'])).toMatchObject({
      regionName: '盐湖区',
      memberCount: 2,
      active: true,
      parentId: h.org.units['centre'],
    });
    const jq = flatten(await tree(h, await addOfficer(h, 'jqadmin', 'admin', 'jqCentre')));
    expect(jq.map((u) => u.name)).toEqual(
      expect.arrayContaining([
        '中共阳泉市郊区委员会办公室',
        '郊区西南舁乡人民政府',
        '阳泉市郊区政务服务中心',
        '阳泉市郊区水务局',
        '阳泉市郊区交通运输局',
      ]),
    );
    expect(jq.every((u) => u.regionCode.startsWith('140311'))).toBe(true);
  });

  it('creates, renames, moves, deactivates and reactivates a unit', async () => {
    const h = get();
    const created = await createUnit(h, {
      name: '  盐湖区城市管理局 ',
      kind: 'bureau',
      regionCode: '140802',
      parentId: h.org.units['centre'],
    });
    expect(created).toMatchObject({
      name: '盐湖区城市管理局',
      kind: 'bureau',
      regionCode: '140802',
      parentId: h.org.units['centre'],
      active: true,
      memberCount: 0,
    });
    const renamed = await h.req('admin', 'PATCH', `/api/v1/admin/units/${created.id}`, { name: '盐湖区城市管理综合执法局' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('盐湖区城市管理综合执法局');
    const moved = await h.req('admin', 'PATCH', `/api/v1/admin/units/${created.id}`, { parentId: h.org.units['zhongcheng'] });
    expect(moved.json().parentId).toBe(h.org.units['zhongcheng']);
    const zhongcheng = flatten(await tree(h)).find((u) => u.id === h.org.units['zhongcheng'])!;
    expect(zhongcheng.children.map((c) => c.id)).toEqual([created.id]);
    const off = await h.req('admin', 'PATCH', `/api/v1/admin/units/${created.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    // An inactive unit stays in the admin's tree but leaves the staff's unit list.
    expect(flatten(await tree(h)).find((u) => u.id === created.id)!.active).toBe(false);
    const staffUnits = (await h.req('dispatcher', 'GET', '/api/v1/units')).json().items as { id: number }[];
    expect(staffUnits.map((u) => u.id)).not.toContain(created.id);
    const on = await h.req('admin', 'PATCH', `/api/v1/admin/units/${created.id}`, { active: true, parentId: null });
    expect(on.json()).toMatchObject({ active: true, parentId: null });
  });

  it('deactivation waits for open cases, active members and active sub-units, and takes the unit out of the routing catalog', async () => {
    const h = get();
    const water = h.org.units['water']!;
    const c = (
      await h.req('clerk', 'POST', '/api/v1/cases', {
        type: 'help',
        content: '停水',
        categoryCode: 'water.outage',
        regionCode: '140802',
        requester: { phone: '13900001111' },
      })
    ).json();
    const d = await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
      version: c.version,
      action: 'dispatch',
      leadUnitId: water,
    });
    expect(d.statusCode, d.body).toBe(200);
    const before = await adminState(h);
    expect(
      expectError(await h.req('admin', 'PATCH', `/api/v1/admin/units/${water}`, { active: false }), 409, 'conflict').details,
    ).toMatchObject({ reason: 'open_cases', count: 1 });
    expect(
      expectError(await h.req('admin', 'PATCH', `/api/v1/admin/units/${h.org.units['market']}`, { active: false }), 409, 'conflict')
        .details,
    ).toMatchObject({ reason: 'active_members' });
    expect(
      expectError(await h.req('admin', 'PATCH', `/api/v1/admin/units/${h.org.units['centre']}`, { active: false }), 409, 'conflict')
        .details,
    ).toMatchObject({ reason: 'active_children' });
    expect(await adminState(h)).toBe(before);

    // The environment bureau has no accounts and no cases here: it goes, and so do its rules.
    const env = h.org.units['env']!;
    const rulesBefore = (await h.req('admin', 'GET', '/api/v1/admin/routing-rules')).json().items as { unit: { id: number } }[];
    expect(rulesBefore.filter((r) => r.unit.id === env).length).toBe(2);
    const off = await h.req('admin', 'PATCH', `/api/v1/admin/units/${env}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().routesRemoved).toBe(2);
    const rulesAfter = (await h.req('admin', 'GET', '/api/v1/admin/routing-rules')).json().items as { unit: { id: number } }[];
    expect(rulesAfter.filter((r) => r.unit.id === env)).toEqual([]);
    // Nothing new goes under an inactive unit.
    expectError(
      await h.req('admin', 'POST', '/api/v1/admin/units', { name: '环境监测站', kind: 'department', regionCode: '140802', parentId: env }),
      400,
      'validation_failed',
    );
  });

  it('refuses a move under the unit itself or one of its sub-units', async () => {
    const h = get();
    const top = await createUnit(h, { name: '测试上级单位', kind: 'office', regionCode: '140802' });
    const child = await createUnit(h, { name: '测试下级单位', kind: 'department', regionCode: '140802', parentId: top.id });
    const before = await adminState(h);
    const err = expectError(
      await h.req('admin', 'PATCH', `/api/v1/admin/units/${top.id}`, { parentId: child.id }),
      400,
      'validation_failed',
    );
    expect(err.details?.fields?.[0]).toMatchObject({ path: 'parentId', code: 'cycle' });
    expectError(await h.req('admin', 'PATCH', `/api/v1/admin/units/${top.id}`, { parentId: top.id }), 400, 'validation_failed');
    expect(await adminState(h)).toBe(before);
  });

  it('deletes only a unit nothing refers to', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const typo = await createUnit(h, { name: '盐湖区水物局', kind: 'bureau', regionCode: '140802' });
    expect((await h.req('admin', 'DELETE', `/api/v1/admin/units/${typo.id}`)).statusCode).toBe(204);
    // Both changes are in the audit log, with the unit's region; the refusals below add nothing.
    const logged = async () => (await auditEntries(h, 'unit.', seq)).map((e) => [e.action, e.actor_name, e.target_id, e.region_code]);
    expect(await logged()).toEqual([
      ['unit.create', 'admin', String(typo.id), '140802'],
      ['unit.delete', 'admin', String(typo.id), '140802'],
    ]);
    expect(flatten(await tree(h)).find((u) => u.id === typo.id)).toBeUndefined();
    expectError(await h.req('admin', 'DELETE', `/api/v1/admin/units/${typo.id}`), 404, 'not_found');
    const before = await adminState(h);
    expect(expectError(await h.req('admin', 'DELETE', `/api/v1/admin/units/${h.org.units['tax']}`), 409, 'conflict').details).toMatchObject(
      { reason: 'in_use' },
    );
    expect(await adminState(h)).toBe(before);
    expect(await logged()).toHaveLength(2);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const h = get();
    const before = await adminState(h);
    const centre = h.org.units['centre'];
    const bad: [string, string, unknown][] = [
      ['POST', '/api/v1/admin/units', { name: '单位', kind: 'bureau', regionCode: '140802', extra: 1 }],
      ['POST', '/api/v1/admin/units', { name: '', kind: 'bureau', regionCode: '140802' }],
      ['POST', '/api/v1/admin/units', { name: '单'.repeat(101), kind: 'bureau', regionCode: '140802' }],
      ['POST', '/api/v1/admin/units', { name: '单位', kind: 'ministry', regionCode: '140802' }],
      ['POST', '/api/v1/admin/units', { name: '单位', kind: 'bureau', regionCode: '1408' }],
      ['POST', '/api/v1/admin/units', { name: '单位', kind: 'bureau', regionCode: '140802999' }],
      ['POST', '/api/v1/admin/units', { name: '单位', kind: 'bureau', regionCode: '140802', parentId: 999999 }],
      ['POST', '/api/v1/admin/units', { name: 'a\u0000b', kind: 'bureau', regionCode: '140802' }],
      ['POST', '/api/v1/admin/units', []],
      ['PATCH', `/api/v1/admin/units/${centre}`, {}],
      ['PATCH', `/api/v1/admin/units/${centre}`, { name: '中心', region: '140311' }],
      ['PATCH', `/api/v1/admin/units/${centre}`, { active: 'no' }],
      ['PATCH', `/api/v1/admin/units/${centre}`, { parentId: 0 }],
      ['PATCH', '/api/v1/admin/units/1e3', { name: '中心' }],
      ['PATCH', '/api/v1/admin/units/-1', { name: '中心' }],
      ['DELETE', '/api/v1/admin/units/abc', undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = await h.req('admin', method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} -> ${res.body}`).toBe(400);
      expect(['validation_failed', 'bad_request']).toContain(res.json().error.code);
    }
    expect(await adminState(h)).toBe(before);
  });

  it('the 盐湖区 admin cannot see or touch 阳泉市郊区 units, nor create units there', async () => {
    const h = get();
    const yh = await addOfficer(h, 'yhadmin', 'admin', 'centre');
    const before = await adminState(h);
    for (const key of ['jqCentre', 'jqWater', 'xinanyu']) {
      const id = h.org.units[key]!;
      expectError(await h.req(yh, 'PATCH', `/api/v1/admin/units/${id}`, { name: '改名' }), 404, 'not_found');
      expectError(await h.req(yh, 'PATCH', `/api/v1/admin/units/${id}`, { active: false }), 404, 'not_found');
      expectError(await h.req(yh, 'DELETE', `/api/v1/admin/units/${id}`), 404, 'not_found');
    }
    const err = expectError(
      await h.req(yh, 'POST', '/api/v1/admin/units', { name: '郊区新单位', kind: 'bureau', regionCode: '140311' }),
      400,
      'validation_failed',
    );
    expect(err.details?.fields?.[0]).toMatchObject({ path: 'regionCode', code: 'region_outside' });
    expectError(
      await h.req(yh, 'POST', '/api/v1/admin/units', {
        name: '新单位',
        kind: 'bureau',
        regionCode: '140802',
        parentId: h.org.units['jqCentre'],
      }),
      400,
      'validation_failed',
    );
    expectError(
      await h.req(yh, 'PATCH', `/api/v1/admin/units/${h.org.units['tax']}`, { parentId: h.org.units['jqCentre'] }),
      400,
      'validation_failed',
    );
    expect(await adminState(h)).toBe(before);
    const regions = (await h.req(yh, 'GET', '/api/v1/admin/regions')).json().items as { code: string; name: string }[];
    expect(regions[0]).toMatchObject({ code: '140802', name: '盐湖区' });
    expect(regions.length).toBeGreaterThan(5);
    expect(regions.every((r) => r.code.startsWith('140802'))).toBe(true);
  });
});

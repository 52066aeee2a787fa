import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { addOfficer, adminState } from './test-helpers.ts';

async function unitsFile(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['单位名称', '类型', '区划代码', '上级单位']);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, as: string, url: string, data: Buffer) {
  const form = multipart([{ name: 'file', filename: 'units.xlsx', data }]);
  const res = await h.req(as, 'POST', url, form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describeEachDb('admin: units from and to Excel', (get) => {
  it('previews and applies new units (parents in the file or stored), updates by name, exports the same layout, refuses bad rows whole', async () => {
    const h = get();
    const admin = await addOfficer(h, 'jqunits', 'admin', 'jqCentre');
    const db = h.db.db;

    const tpl = await h.req(admin, 'GET', '/api/v1/admin/units/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(tpl.rawPayload as never);
    expect(twb.worksheets.map((w) => w.name)).toEqual(['单位', '填写说明', '下拉选项']);
    expect(twb.getWorksheet('单位')!.getRow(1).values).toEqual([
      undefined,
      '单位名称',
      '类型',
      '区划代码',
      '上级单位',
      '新建村（社区）名称',
    ]);

    const edu = await db.selectFrom('units').select('parent_id').where('name', '=', '阳泉市郊区教育局').executeTakeFirstOrThrow();
    const eduParent =
      edu.parent_id === null
        ? ''
        : (await db.selectFrom('units').select('name').where('id', '=', edu.parent_id).executeTakeFirstOrThrow()).name;
    const file = await unitsFile([
      ['郊区水务局供水科', '科室', '140311', '郊区水务局二级'],
      ['郊区水务局二级', '委办局', '140311', '阳泉市郊区政务服务中心'],
      ['阳泉市郊区水务局', '乡镇（街道）', '140311', ''],
      ['阳泉市郊区教育局', '委办局', '140311', eduParent],
    ]);
    const state = await adminState(h);
    const preview = await upload(h, admin, '/api/v1/admin/units/import?dryRun=true', file);
    expect(preview).toMatchObject({ dryRun: true, applied: false, created: 2, updated: 1, unchanged: 1, errors: [] });
    expect(preview.rows).toEqual([
      { row: 2, action: 'create', name: '郊区水务局供水科' },
      { row: 3, action: 'create', name: '郊区水务局二级' },
      { row: 4, action: 'update', name: '阳泉市郊区水务局' },
      { row: 5, action: 'unchanged', name: '阳泉市郊区教育局' },
    ]);
    expect(await adminState(h)).toBe(state);

    const applied = await upload(h, admin, '/api/v1/admin/units/import?dryRun=false', file);
    expect(applied).toMatchObject({ applied: true, created: 2, updated: 1, unchanged: 1 });
    const byName = async (name: string) => db.selectFrom('units').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
    const second = await byName('郊区水务局二级');
    expect((await byName('郊区水务局供水科')).parent_id).toBe(second.id);
    expect((await byName('阳泉市郊区水务局')).kind).toBe('township');
    expect(await db.selectFrom('audit_log').select('seq').where('action', '=', 'import.units').execute()).toHaveLength(1);

    // The export imports back unchanged.
    const exp = await h.req(admin, 'GET', '/api/v1/admin/units/export.xlsx');
    expect(exp.statusCode).toBe(200);
    const back = await upload(h, admin, '/api/v1/admin/units/import?dryRun=true', exp.rawPayload);
    expect(back).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(back.unchanged).toBe((await db.selectFrom('units').select('id').where('region_code', 'like', '140311%').execute()).length);
    expect(await db.selectFrom('audit_log').select('seq').where('action', '=', 'export.units').execute()).toHaveLength(1);

    // Bad rows: nothing applied, every row named.
    const before = await adminState(h);
    const bad = await upload(
      h,
      admin,
      '/api/v1/admin/units/import?dryRun=false',
      await unitsFile([
        ['新单位甲', '部门', '140311', ''],
        ['新单位乙', '委办局', '140802', ''],
        ['新单位丙', '委办局', '140311', '不存在的单位'],
        ['新单位乙', '委办局', '140311', ''],
        ['新单位丁', '委办局', '140311', '新单位戊'],
        ['新单位戊', '委办局', '140311', '新单位丁'],
        ['新单位己', '委办局', '999999', ''],
      ]),
    );
    expect(bad).toMatchObject({ applied: false, created: 0, rows: [] });
    expect(bad.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '类型'],
      [3, '区划代码'],
      [4, '上级单位'],
      [5, '单位名称'],
      [6, '上级单位'],
      [7, '上级单位'],
      [8, '区划代码'],
    ]);
    expect(await adminState(h)).toBe(before);
  });

  it('creates villages and communities (level 5) under their townships with the units that sit in them, and exports them to import back', async () => {
    const h = get();
    const admin = await addOfficer(h, 'jqvillage', 'admin', 'jqCentre');
    const db = h.db.db;
    const town = await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'like', '140311%')
      .where('level', '=', 4)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const village = `${town.code}201`;
    const community = `${town.code}202`;
    const file = async (rows: readonly (readonly string[])[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('单位');
      ws.addRow(['单位名称', '类型', '区划代码', '上级单位', '新建村（社区）名称']);
      for (const r of rows) ws.addRow([...r]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };

    // Bad rows first: a new code without a name, under a township that does not exist, one code named twice.
    const before = await adminState(h);
    const bad = await upload(
      h,
      admin,
      '/api/v1/admin/units/import?dryRun=false',
      await file([
        ['桃园村村民委员会', '委员会', village, '', ''],
        ['不存在乡镇的村委会', '委员会', '140311999201', '', '某村'],
        ['甲社区居民委员会', '委员会', community, '', '甲社区'],
        ['甲社区服务站', '办公室', community, '', '乙社区'],
        ['郊区某局', '委办局', '140311', '', '多余的名称'],
      ]),
    );
    expect(bad.applied).toBe(false);
    expect(bad.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '新建村（社区）名称'],
      [3, '区划代码'],
      [5, '新建村（社区）名称'],
      [6, '新建村（社区）名称'],
    ]);
    expect(await adminState(h)).toBe(before);
    expect(await db.selectFrom('regions').select('code').where('code', 'in', [village, community]).execute()).toEqual([]);

    const good = await file([
      ['桃园村村民委员会', '委员会', village, '', '桃园村'],
      ['甲社区居民委员会', '委员会', community, '', '甲社区'],
      ['甲社区服务站', '办公室', community, '甲社区居民委员会', '甲社区'],
    ]);
    const preview = await upload(h, admin, '/api/v1/admin/units/import?dryRun=true', good);
    expect(preview).toMatchObject({ created: 3, errors: [] });
    expect(await db.selectFrom('regions').select('code').where('code', '=', village).execute()).toEqual([]);
    expect(await upload(h, admin, '/api/v1/admin/units/import?dryRun=false', good)).toMatchObject({ applied: true, created: 3 });
    const made = await db.selectFrom('regions').selectAll().where('code', 'in', [village, community]).orderBy('code').execute();
    expect(made.map((r) => [r.code, r.name, r.parent_code, r.level])).toEqual([
      [village, '桃园村', town.code, 5],
      [community, '甲社区', town.code, 5],
    ]);
    const unit = await db.selectFrom('units').select('region_code').where('name', '=', '桃园村村民委员会').executeTakeFirstOrThrow();
    expect(unit.region_code).toBe(village);

    // The export names the villages, and imports back with nothing to change.
    const exp = await h.req(admin, 'GET', '/api/v1/admin/units/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as never);
    const rows = wb
      .getWorksheet('单位')!
      .getSheetValues()
      .flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    const row = rows.find((r) => r[0] === '桃园村村民委员会');
    expect([row?.[2], row?.[4]]).toEqual([village, '桃园村']);
    const back = await upload(h, admin, '/api/v1/admin/units/import?dryRun=true', exp.rawPayload);
    expect(back).toMatchObject({ created: 0, updated: 0, errors: [] });
  });

  it('answers a clear 4xx for a bad query, a missing file or a body that is not multipart, and 403 to other roles', async () => {
    const h = get();
    const file = await unitsFile([['盐湖区新单位', '委办局', '140802', '']]);
    const form = multipart([{ name: 'file', filename: 'u.xlsx', data: file }]);
    expect((await h.req('admin', 'POST', '/api/v1/admin/units/import?dryRun=maybe', form.payload, form.headers)).statusCode).toBe(400);
    const noFile = multipart([{ name: 'other', filename: 'u.xlsx', data: file }]);
    expect((await h.req('admin', 'POST', '/api/v1/admin/units/import', noFile.payload, noFile.headers)).statusCode).toBe(400);
    expect((await h.req('admin', 'POST', '/api/v1/admin/routing-rules/import', { file: 'x' })).statusCode).toBe(415);
    expect((await h.req('clerk', 'POST', '/api/v1/admin/units/import', form.payload, form.headers)).statusCode).toBe(403);
    expect((await h.req('secadmin', 'GET', '/api/v1/admin/units/export.xlsx')).statusCode).toBe(403);
  });
});

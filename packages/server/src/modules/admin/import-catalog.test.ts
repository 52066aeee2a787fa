import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { addOfficer, adminState, auditEntries, auditSeq } from './test-helpers.ts';

/** A catalog workbook as a centre would fill it in: the template's headers, one rule per row. */
async function catalogFile(rows: readonly (readonly string[])[], headers = ['诉求分类代码', '区划代码', '主办单位']): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('派单目录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, as: string, url: string, data: Buffer) {
  const form = multipart([{ name: 'file', filename: 'catalog.xlsx', data }]);
  const res = await h.req(as, 'POST', url, form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function sheetRows(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const ws = wb.getWorksheet('派单目录')!;
  const out: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push([1, 3, 4].map((c) => String(row.getCell(c).value ?? '')));
  });
  return out;
}

describeEachDb('admin: the routing catalog from and to Excel', (get) => {
  it('previews, applies and exports a 300-row catalog; the export imports back unchanged; a bad file changes nothing', async () => {
    const h = get();
    const admin = await addOfficer(h, 'jqimport', 'admin', 'jqCentre');
    const db = h.db.db;
    // A national tree larger than the demo's, as a real centre has.
    await db
      .insertInto('categories')
      .values({ code: 'town', parent_code: null, name_zh: '乡镇事务', name_en: 'Township affairs' })
      .execute();
    for (let i = 10; i < 40; i++)
      await db
        .insertInto('categories')
        .values({ code: `town.c${i}`, parent_code: 'town', name_zh: `乡镇事务${i}`, name_en: `Township ${i}` })
        .execute();
    const categories = (await db.selectFrom('categories').select('code').where('active', '=', true).orderBy('code').execute()).map(
      (c) => c.code,
    );
    const regions = (
      await db.selectFrom('regions').select('code').where('code', 'like', '140311%').orderBy('code').limit(20).execute()
    ).map((r) => r.code);
    const units = (
      await db.selectFrom('units').select('name').where('region_code', 'like', '140311%').where('active', '=', true).orderBy('id').execute()
    ).map((u) => u.name);
    const rows: string[][] = [];
    for (const r of regions) for (const c of categories) if (rows.length < 300) rows.push([c, r, units[rows.length % units.length]!]);
    expect(rows).toHaveLength(300);

    // A template for the admin's regions.
    const tpl = await h.req(admin, 'GET', '/api/v1/admin/routing-rules/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(tpl.rawPayload as never);
    expect(twb.worksheets.map((w) => w.name)).toEqual(['派单目录', '填写说明', '下拉选项']);

    const rulesBefore = await db.selectFrom('routing_rules').select('id').where('region_prefix', 'like', '140311%').execute();
    const file = await catalogFile(rows);
    const state = await adminState(h);
    const preview = await upload(h, admin, '/api/v1/admin/routing-rules/import?dryRun=true', file);
    expect(preview).toMatchObject({ dryRun: true, applied: false, errors: [] });
    expect(preview.created + preview.updated + preview.unchanged).toBe(300);
    expect(preview.rows).toHaveLength(300);
    expect(preview.rows[0]).toMatchObject({ row: 2 });
    expect(await adminState(h)).toBe(state);

    const applied = await upload(h, admin, '/api/v1/admin/routing-rules/import?dryRun=false', file);
    expect(applied).toMatchObject({
      dryRun: false,
      applied: true,
      created: preview.created,
      updated: preview.updated,
      unchanged: preview.unchanged,
    });
    const audit = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'import.routing_rules').execute();
    expect(audit).toHaveLength(1);
    const again = await upload(h, admin, '/api/v1/admin/routing-rules/import?dryRun=true', file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 300 });
    expect(rulesBefore.length).toBeLessThanOrEqual(300 + rulesBefore.length);

    // The export holds every rule of the admin's regions and imports back unchanged.
    const exp = await h.req(admin, 'GET', '/api/v1/admin/routing-rules/export.xlsx');
    expect(exp.statusCode).toBe(200);
    const exported = await sheetRows(exp.rawPayload);
    const stored = await db
      .selectFrom('routing_rules')
      .select(['category_code', 'region_prefix'])
      .where('region_prefix', 'like', '140311%')
      .execute();
    expect(exported).toHaveLength(stored.length);
    for (const r of rows) expect(exported).toContainEqual(r);
    const back = await upload(h, admin, '/api/v1/admin/routing-rules/import?dryRun=false', exp.rawPayload);
    expect(back).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: stored.length, errors: [] });
    expect(await sheetRows((await h.req(admin, 'GET', '/api/v1/admin/routing-rules/export.xlsx')).rawPayload)).toEqual(exported);
    expect(await db.selectFrom('audit_log').select('seq').where('action', '=', 'export.routing_rules').execute()).toHaveLength(2);

    // A bad file: every bad row named, nothing written.
    const bad = [
      ...rows.slice(0, 5).map((r) => [r[0]!, r[1]!, units[0]!]),
      ['no.such.category', '140311', units[0]!],
      ['water.quality', '140802', units[0]!],
      ['water.quality', '140311', '没有这个单位'],
      [categories[0]!, regions[0]!, units[1]!],
      ['water.quality', '', units[0]!],
    ];
    const before = await adminState(h);
    const report = await upload(h, admin, '/api/v1/admin/routing-rules/import?dryRun=false', await catalogFile(bad));
    expect(report).toMatchObject({ applied: false, created: 0, updated: 0, unchanged: 0, rows: [] });
    expect(report.errors).toEqual([
      { row: 7, column: '诉求分类代码', reason: '未知或已停用的诉求分类“no.such.category”' },
      { row: 8, column: '区划代码', reason: '区划“140802”不在您管辖的区划内' },
      { row: 9, column: '主办单位', reason: '您管辖的区划内没有在用单位“没有这个单位”' },
      { row: 10, column: '', reason: '与第 2 行的分类和区划重复' },
      { row: 11, column: '区划代码', reason: '必填' },
    ]);
    expect(await adminState(h)).toBe(before);

    // Not a workbook at all: one error for the file.
    const text = await upload(h, admin, '/api/v1/admin/routing-rules/import', Buffer.from('a,b,c\n1,2,3\n'));
    expect(text.errors).toHaveLength(1);
    expect(text.errors[0]).toMatchObject({ row: 0, column: '' });
  });

  it('the audit log has an entry per added or replaced rule (before and after), besides the totals', async () => {
    const h = get();
    const admin = await addOfficer(h, 'jqaudit', 'admin', 'jqCentre');
    const db = h.db.db;
    const units = (
      await db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('region_code', 'like', '140311%')
        .where('active', '=', true)
        .orderBy('id')
        .execute()
    ).slice(0, 2);
    await db.insertInto('categories').values({ code: 'auditcat', parent_code: null, name_zh: '审计测试', name_en: 'Audit test' }).execute();
    const headers = ['诉求分类代码', '区划代码', '主办单位', '办理时限（工作日）'];
    const seq = await auditSeq(h);
    await upload(
      h,
      admin,
      '/api/v1/admin/routing-rules/import?dryRun=false',
      await catalogFile([['auditcat', '140311', units[0]!.name, '']], headers),
    );
    const seq2 = await auditSeq(h);
    const added = (await auditEntries(h, '', seq)).filter((e) => !e.action.startsWith('auth.'));
    expect(added.map((e) => e.action)).toEqual(['catalog.rule.add', 'import.routing_rules']);
    expect(added[0]!).toMatchObject({ target_type: 'routing_rule', region_code: '140311' });
    expect(added[0]!.detail).toMatchObject({ categoryCode: 'auditcat', regionPrefix: '140311', unitId: units[0]!.id, via: 'import' });

    const r = await upload(
      h,
      admin,
      '/api/v1/admin/routing-rules/import?dryRun=false',
      await catalogFile([['auditcat', '140311', units[1]!.name, '5']], headers),
    );
    expect(r).toMatchObject({ applied: true, updated: 1 });
    const replaced = (await auditEntries(h, '', seq2)).filter((e) => !e.action.startsWith('auth.'));
    expect(replaced.map((e) => e.action)).toEqual(['catalog.rule.replace', 'import.routing_rules']);
    expect(replaced[0]!.detail).toMatchObject({
      categoryCode: 'auditcat',
      regionPrefix: '140311',
      before: { unitIds: [units[0]!.id], assistUnitIds: [], timeLimitDays: null },
      after: { unitIds: [units[1]!.id], assistUnitIds: [], timeLimitDays: 5 },
      via: 'import',
    });
  });
});

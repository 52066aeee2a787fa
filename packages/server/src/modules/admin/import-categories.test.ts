import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { addOfficer, adminState, auditEntries, auditSeq } from './test-helpers.ts';

async function filledTemplate(h: Harness, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const tpl = await h.req('admin', 'GET', '/api/v1/admin/categories/template.xlsx');
  expect(tpl.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as never);
  const ws = wb.getWorksheet('诉求分类')!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, as: string, dryRun: boolean, data: Buffer) {
  const form = multipart([{ name: 'file', filename: 'categories.xlsx', data }]);
  return h.req(as, 'POST', `/api/v1/admin/categories/import?dryRun=${dryRun}`, form.payload, form.headers);
}

describeEachDb('admin: the category tree from and to Excel (a national setting)', (get) => {
  it('the root admin previews and applies a tree (parents after children in the file), renames and deactivates; the export round-trips', async () => {
    const h = get();
    const file = await filledTemplate(h, [
      ['traffic.parking', '停车管理', 'Parking', 'traffic', ''],
      ['traffic', '交通出行', '', '', '是'],
      ['traffic.bus', '公交服务', '', 'traffic', '否'],
      ['water.outage', '停水停水', '', 'water', '是'],
    ]);
    const preview = (await upload(h, 'admin', true, file)).json();
    expect(preview).toMatchObject({ applied: false, created: 3, updated: 1, errors: [] });
    const applied = (await upload(h, 'admin', false, file)).json();
    expect(applied).toMatchObject({ applied: true, created: 3, updated: 1 });
    const list = (await h.req('admin', 'GET', '/api/v1/admin/categories')).json().items as {
      code: string;
      nameZh: string;
      nameEn: string;
      parentCode: string | null;
      active: boolean;
    }[];
    const by = new Map(list.map((c) => [c.code, c]));
    expect(by.get('traffic.parking')).toMatchObject({ nameZh: '停车管理', nameEn: 'Parking', parentCode: 'traffic', active: true });
    expect(by.get('traffic')).toMatchObject({ nameEn: '交通出行', parentCode: null, active: true });
    expect(by.get('traffic.bus')?.active).toBe(false);
    expect(by.get('water.outage')).toMatchObject({ nameZh: '停水停水', nameEn: 'Water outage' });
    // New cases may use the new categories.
    expect((await h.req('clerk', 'GET', '/api/v1/categories')).body).toContain('停车管理');

    const exported = (await h.req('admin', 'GET', '/api/v1/admin/categories/export.xlsx')).rawPayload;
    const again = (await upload(h, 'admin', true, exported)).json();
    expect(again).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(again.unchanged).toBe(list.length);
  });

  it('a loop, an unknown parent, a duplicate code or an active child of an inactive parent imports nothing; a regional admin may not import', async () => {
    const h = get();
    const regional = await addOfficer(h, 'yhcategories', 'admin', 'centre');
    const state = await adminState(h);
    const file = await filledTemplate(h, [
      ['loop.a', '甲', '', 'loop.b', ''],
      ['loop.b', '乙', '', 'loop.a', ''],
      ['orphan', '孤儿', '', 'nowhere', ''],
      ['orphan', '重复', '', '', ''],
      ['dead', '停用', '', '', '否'],
      ['dead.child', '子类', '', 'dead', '是'],
      ['Bad Code', '坏', '', '', '也许'],
    ]);
    const r = (await upload(h, 'admin', false, file)).json();
    expect(r.applied).toBe(false);
    expect(r.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:上级分类代码',
      '3:上级分类代码',
      '4:上级分类代码',
      '5:分类代码',
      '7:是否启用',
      '8:分类代码',
      '8:是否启用',
    ]);
    expect(r.errors[0].reason).toMatch(/循环/);
    expect(r.errors[2].reason).toMatch(/nowhere/);
    expect(await adminState(h)).toBe(state);

    const ok = await filledTemplate(h, [['x.y', '某类', '', '', '']]);
    expect((await upload(h, regional, true, ok)).statusCode).toBe(403);
    expect(await adminState(h)).toBe(state);
  });

  it('deactivating a category whose stored subcategories stay active (not in the file) imports nothing: the parent’s row names them', async () => {
    const h = get();
    const created = (
      await upload(
        h,
        'admin',
        false,
        await filledTemplate(h, [
          ['garden', '园林绿化', 'Gardens', '', '是'],
          ['garden.trees', '树木养护', 'Trees', 'garden', '是'],
          ['garden.lawn', '草坪养护', 'Lawns', 'garden', '是'],
        ]),
      )
    ).json();
    expect(created).toMatchObject({ applied: true, created: 3 });
    const state = await adminState(h);
    const r = (await upload(h, 'admin', false, await filledTemplate(h, [['garden', '园林绿化', 'Gardens', '', '否']]))).json();
    expect(r).toMatchObject({ applied: false, errors: [{ row: 2, column: '是否启用' }] });
    expect(r.errors[0].reason).toMatch(/garden\.lawn、garden\.trees/);
    expect(await adminState(h)).toBe(state);
    // With the subcategories in the same file it goes through.
    const ok = (
      await upload(
        h,
        'admin',
        false,
        await filledTemplate(h, [
          ['garden', '园林绿化', 'Gardens', '', '否'],
          ['garden.trees', '树木养护', 'Trees', 'garden', '否'],
          ['garden.lawn', '草坪养护', 'Lawns', 'garden', '否'],
        ]),
      )
    ).json();
    expect(ok).toMatchObject({ applied: true, updated: 3, errors: [] });
  });

  it('the audit log has an entry per created or changed category, with before and after, besides the totals', async () => {
    const h = get();
    const seq = await auditSeq(h);
    await upload(
      h,
      'admin',
      false,
      await filledTemplate(h, [
        ['kiosk', '市场监管', 'Markets', '', '是'],
        ['kiosk.sign', '价格投诉', 'Prices', 'kiosk', '是'],
      ]),
    );
    const seq2 = await auditSeq(h);
    const changed = await upload(
      h,
      'admin',
      false,
      await filledTemplate(h, [
        ['kiosk', '市场监管', 'Markets', '', '是'],
        ['kiosk.sign', '物价投诉', 'Prices', 'kiosk', '否'],
      ]),
    );
    expect(changed.json()).toMatchObject({ applied: true, updated: 1, unchanged: 1 });
    const first = (await auditEntries(h, '', seq))
      .filter((e) => !e.action.startsWith('auth.'))
      .filter((e) => e.seq <= seq2)
      .map((e) => [e.action, e.target_id]);
    expect(first).toEqual([
      ['catalog.category.create', 'kiosk'],
      ['catalog.category.create', 'kiosk.sign'],
      ['import.categories', null],
    ]);
    const second = (await auditEntries(h, '', seq2)).filter((e) => !e.action.startsWith('auth.'));
    expect(second.map((e) => [e.action, e.target_id])).toEqual([
      ['catalog.category.update', 'kiosk.sign'],
      ['import.categories', null],
    ]);
    expect(second[0]!.detail).toMatchObject({
      before: { nameZh: '价格投诉', parentCode: 'kiosk', active: true },
      after: { nameZh: '物价投诉', parentCode: 'kiosk', active: false },
      via: 'import',
    });
  });
});

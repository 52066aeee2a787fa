import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { createChinaCalendar, dueAt } from '@huiyin/core';
import { actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { addOfficer, adminState } from './test-helpers.ts';

/** The catalog template downloaded and filled in, its layout kept. */
async function filledTemplate(h: Harness, as: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const tpl = await h.req(as, 'GET', '/api/v1/admin/routing-rules/template.xlsx');
  expect(tpl.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as never);
  const ws = wb.getWorksheet('派单目录')!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, as: string, dryRun: boolean, data: Buffer) {
  const form = multipart([{ name: 'file', filename: 'catalog.xlsx', data }]);
  const res = await h.req(as, 'POST', `/api/v1/admin/routing-rules/import?dryRun=${dryRun}`, form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describeEachDb('admin: catalog rules with assisting units and a time limit of their own', (get) => {
  it('imports and exports them; dispatch-help proposes them; dispatching to the rule’s unit takes its time limit', async () => {
    const h = get();
    const admin = await addOfficer(h, 'yhcatalog', 'admin', 'centre');
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await h.req(admin, 'GET', '/api/v1/admin/routing-rules/template.xlsx')).rawPayload as never);
    expect(tpl.getWorksheet('派单目录')!.getRow(1).values).toEqual([
      undefined,
      '诉求分类代码',
      '分类名称',
      '区划代码',
      '主办单位',
      '协办单位',
      '办理时限（工作日）',
    ]);

    const file = await filledTemplate(h, admin, [
      ['water.outage', '', '140802', '盐湖区水务局', '盐湖区住房和城乡建设局、盐湖区中城街道办事处', '3'],
    ]);
    const preview = await upload(h, admin, true, file);
    expect(preview).toMatchObject({ applied: false, updated: 1, errors: [] });
    const applied = await upload(h, admin, false, file);
    expect(applied).toMatchObject({ applied: true, updated: 1 });
    // The same file again changes nothing.
    expect(await upload(h, admin, true, file)).toMatchObject({ updated: 0, unchanged: 1 });

    const rules = (await h.req(admin, 'GET', '/api/v1/admin/routing-rules')).json().items as {
      categoryCode: string;
      regionPrefix: string;
      unit: { name: string };
      assistUnits: { name: string }[];
      timeLimitDays: number | null;
    }[];
    const rule = rules.find((r) => r.categoryCode === 'water.outage' && r.regionPrefix === '140802')!;
    expect(rule).toMatchObject({
      unit: { name: '盐湖区水务局' },
      assistUnits: [{ name: '盐湖区住房和城乡建设局' }, { name: '盐湖区中城街道办事处' }],
      timeLimitDays: 3,
    });

    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load((await h.req(admin, 'GET', '/api/v1/admin/routing-rules/export.xlsx')).rawPayload as never);
    const rows: string[][] = [];
    exported.getWorksheet('派单目录')!.eachRow((row, n) => {
      if (n > 1) rows.push([1, 3, 4, 5, 6].map((c) => String(row.getCell(c).value ?? '')));
    });
    expect(rows).toContainEqual(['water.outage', '140802', '盐湖区水务局', '盐湖区住房和城乡建设局、盐湖区中城街道办事处', '3']);

    // A case of that category: the proposal, then the dispatch with it.
    const c = await registerCase(h, 'clerk', {
      type: 'help',
      content: '解放南路小区停水两天了，请尽快恢复供水',
      categoryCode: 'water.outage',
      regionCode: '140802001',
      requester: { phone: '13900006666' },
    });
    const help = (await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/dispatch-help`)).json();
    expect(help.suggestedUnits[0]).toEqual({ id: h.org.units['water'], name: '盐湖区水务局' });
    expect(help.suggestedAssistUnits).toEqual([
      { id: h.org.units['housing'], name: '盐湖区住房和城乡建设局' },
      { id: h.org.units['zhongcheng'], name: '盐湖区中城街道办事处' },
    ]);
    expect(help.suggestedTimeLimitDays).toBe(3);
    const before = await h.db.db
      .selectFrom('cases')
      .select(['answer_started_at', 'answer_by'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    await actOn(h, 'dispatcher', c.id, {
      action: 'dispatch',
      leadUnitId: help.suggestedUnits[0].id,
      assistUnitIds: help.suggestedAssistUnits.map((u: { id: number }) => u.id),
    });
    const after = (await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(after.leadUnit).toEqual({ id: h.org.units['water'], name: '盐湖区水务局' });
    const expected = dueAt(before.answer_started_at, { unit: 'workingDays', value: 3 }, createChinaCalendar());
    expect(new Date(after.answerBy).toISOString()).toBe(expected.toISOString());
    expect(new Date(after.answerBy).getTime()).toBeLessThan(before.answer_by.getTime());

    // Urgent help (2 hours) keeps its shorter limit under the same rule.
    const u = await registerCase(h, 'clerk', {
      type: 'help',
      urgent: true,
      content: '中城街道自来水管爆裂，水淹楼道',
      categoryCode: 'water.outage',
      regionCode: '140802001',
      requester: { phone: '13900006668' },
    });
    const uBefore = await h.db.db.selectFrom('cases').select('answer_by').where('id', '=', u.id).executeTakeFirstOrThrow();
    await actOn(h, 'dispatcher', u.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    const uAfter = await h.db.db.selectFrom('cases').select('answer_by').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(uAfter.answer_by.getTime()).toBe(uBefore.answer_by.getTime());

    // Dispatched to another unit than the rule's: the region's limit stays.
    const d = await registerCase(h, 'clerk', {
      type: 'help',
      content: '东城街道停水',
      categoryCode: 'water.outage',
      regionCode: '140802002',
      requester: { phone: '13900006667' },
    });
    const dBefore = await h.db.db.selectFrom('cases').select('answer_by').where('id', '=', d.id).executeTakeFirstOrThrow();
    await actOn(h, 'dispatcher', d.id, { action: 'dispatch', leadUnitId: h.org.units['housing'] });
    const dAfter = await h.db.db.selectFrom('cases').select('answer_by').where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(dAfter.answer_by.getTime()).toBe(dBefore.answer_by.getTime());
  });

  it('refuses unknown assisting units, the lead unit as its own assistant and a bad time limit; nothing changes', async () => {
    const h = get();
    const admin = await addOfficer(h, 'yhcatbad', 'admin', 'centre');
    const state = await adminState(h);
    const r = await upload(
      h,
      admin,
      false,
      await filledTemplate(h, admin, [
        ['water.outage', '', '140802', '盐湖区水务局', '没有这个单位', ''],
        ['water.quality', '', '140802', '盐湖区水务局', '盐湖区水务局', '5'],
        ['market.food', '', '140802', '盐湖区市场监督管理局', '', '0'],
        ['market.price', '', '140802', '盐湖区市场监督管理局', '阳泉市郊区政务服务中心', '三天'],
      ]),
    );
    expect(r.applied).toBe(false);
    expect(r.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:协办单位',
      '3:协办单位',
      '4:办理时限（工作日）',
      '5:协办单位',
      '5:办理时限（工作日）',
    ]);
    expect(await adminState(h)).toBe(state);
  });

  it('a rule added by hand may name assisting units and a time limit; an assisting unit outside the admin’s regions is refused', async () => {
    const h = get();
    const admin = await addOfficer(h, 'yhcatadd', 'admin', 'centre');
    const added = await h.req(admin, 'POST', '/api/v1/admin/routing-rules', {
      categoryCode: 'env.noise',
      regionPrefix: '140802001',
      unitId: h.org.units['env'],
      assistUnitIds: [h.org.units['zhongcheng']],
      timeLimitDays: 5,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ assistUnits: [{ name: '盐湖区中城街道办事处' }], timeLimitDays: 5 });
    const state = await adminState(h);
    const outside = await h.req(admin, 'POST', '/api/v1/admin/routing-rules', {
      categoryCode: 'env.noise',
      regionPrefix: '140802002',
      unitId: h.org.units['env'],
      assistUnitIds: [h.org.units['jqCentre']],
    });
    expect(outside.statusCode).toBe(400);
    expect(await adminState(h)).toBe(state);
  });
});

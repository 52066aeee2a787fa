import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { actOn, answerCase, registerCase, OUTAGE_COMPLAINT } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { popplerAvailable, pdfText } from '../../testing/pdf.ts';
import { auditEntries, auditSeq } from '../admin/test-helpers.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { caseExportHeaders, createCaseExport } from './case-export.ts';

/** The rows of the export's one sheet, each a list of cell texts (row 1 is the header). */
async function sheetRows(data: Buffer | Readable): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  if (Buffer.isBuffer(data)) await wb.xlsx.load(data as unknown as ArrayBuffer);
  else await wb.xlsx.read(data);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    for (let i = 1; i <= caseExportHeaders.length; i++) cells.push(String(row.getCell(i).text ?? ''));
    rows.push(cells);
  });
  return rows;
}

const col = (name: string) => caseExportHeaders.indexOf(name);

/** A case in 郊区 (another county than the demo's 盐湖区), registered straight into the table. */
async function otherCountyCase(h: Harness): Promise<string> {
  const c = await registerCase(h, 'clerk', {
    ...OUTAGE_COMPLAINT,
    content: '郊区的停水诉求',
    requester: { name: '郊区赵六', phone: '13935300999' },
  });
  await h.db.db.updateTable('cases').set({ region_code: '140311' }).where('id', '=', c.id).execute();
  return c.trackingNo;
}

describeEachDb('cases: the list as Excel and the printable case sheet', (get) => {
  it('exports the caller’s cases with the list’s filters: Chinese columns, phones masked per role, another county absent, in the audit log', async () => {
    const h = get();
    const a = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const b = await registerCase(h, 'clerk', {
      ...OUTAGE_COMPLAINT,
      type: 'help',
      content: '路灯不亮，请求维修',
      requester: { name: '李四', phone: '13935912346' },
    });
    await answerCase(h, a.id);
    const other = await otherCountyCase(h);

    const seq = await auditSeq(h);
    const res = await h.req('dispatcher', 'GET', '/api/v1/cases/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual([...caseExportHeaders]);
    const byNo = new Map(rows.slice(1).map((r) => [r[col('受理编号')]!, r]));
    expect([...byNo.keys()]).toEqual([b.trackingNo, a.trackingNo]);
    expect(byNo.has(other)).toBe(false);
    const rowA = byNo.get(a.trackingNo)!;
    expect(rowA[col('类型')]).toBe('投诉');
    expect(rowA[col('状态')]).toBe('已答复');
    expect(rowA[col('主办单位')]).toBe('盐湖区水务局');
    expect(rowA[col('内容摘要')]).toBe(OUTAGE_COMPLAINT.content);
    expect(rowA[col('诉求人')]).toBe('王杏桃');
    // The dispatcher calls requesters back: the full number.
    expect(rowA[col('电话')]).toBe('13935912345');
    expect(rowA[col('区域')]).toContain('盐湖区');

    const [entry] = await auditEntries(h, 'export.cases', seq);
    expect(entry).toMatchObject({ action: 'export.cases', actor_name: 'dispatcher', outcome: 'ok' });
    expect(entry!.detail).toMatchObject({ filter: {}, rows: 2, fullPhones: true });

    // The list's filters: only the open help request; the filter goes into the audit log.
    const help = await h.req('dispatcher', 'GET', '/api/v1/cases/export.xlsx?type=help&status=registered');
    expect(help.statusCode, help.body).toBe(200);
    expect((await sheetRows(help.rawPayload)).slice(1).map((r) => r[col('受理编号')])).toEqual([b.trackingNo]);
    const entries = await auditEntries(h, 'export.cases', seq);
    expect(entries[1]!.detail).toMatchObject({ filter: { type: 'help', status: ['registered'] }, rows: 1 });

    // 郊区's leader reads 郊区's cases but calls nobody back: only the other county's case, masked.
    const lead = await h.req('leader', 'GET', '/api/v1/cases/export.xlsx');
    expect(lead.statusCode, lead.body).toBe(200);
    const leaderRows = (await sheetRows(lead.rawPayload)).slice(1);
    expect(leaderRows.map((r) => [r[col('受理编号')], r[col('诉求人')], r[col('电话')]])).toEqual([[other, '郊区赵六', '139****0999']]);
    expect(JSON.stringify(leaderRows)).not.toContain('13935300999');

    // The handler of the water bureau sees only the case their unit leads.
    const unit = await h.req('handler2', 'GET', '/api/v1/cases/export.xlsx');
    expect((await sheetRows(unit.rawPayload)).slice(1).map((r) => r[col('受理编号')])).toEqual([a.trackingNo]);

    // Bad filters are a 400, nothing written.
    expectError(await h.req('dispatcher', 'GET', '/api/v1/cases/export.xlsx?status=nope'), 400, 'validation_failed');
    expectError(await h.req('dispatcher', 'GET', '/api/v1/cases/export.xlsx?pageSize=10'), 400, 'validation_failed');
  });

  it('refuses more cases than the limit before writing anything, and writes exactly the limit', async () => {
    const h = get();
    for (let i = 0; i < 3; i++) await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, type: 'suggestion', content: `停水第${i + 1}件` });
    const user = (await createPeopleRepo(h.db.db).findById(h.org.users['dispatcher']!))!;
    const seq = await auditSeq(h);

    const small = createCaseExport({ db: h.db.db, clock: h.clock, maxRows: 2, batchSize: 1 });
    const refused = small.start({ type: 'suggestion' }, user, { sourceIp: null, lang: 'zh' });
    await expect(refused).rejects.toMatchObject({ code: 'bad_request', details: { maxRows: 2 } });
    await expect(refused).rejects.toThrow(/超过 2 条，请缩小筛选范围/);
    expect(await auditEntries(h, 'export.cases', seq)).toEqual([]);

    // Narrowed to fit (and read one case at a time): every row written, newest first.
    const fits = createCaseExport({ db: h.db.db, clock: h.clock, maxRows: 3, batchSize: 1 });
    const rows = await sheetRows(await fits.start({ type: 'suggestion' }, user, { sourceIp: null, lang: 'zh' }));
    expect(rows.slice(1).map((r) => r[col('内容摘要')])).toEqual(['停水第3件', '停水第2件', '停水第1件']);
    expect((await auditEntries(h, 'export.cases', seq))[0]!.detail).toMatchObject({ rows: 3 });
  });

  it('prints the case sheet as the caller may read the case: tracking number, timeline in Chinese, phone per role, 404 outside', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await answerCase(h, c.id, { text: '已恢复供水' });
    await actOn(h, 'supervisor', c.id, { action: 'followUp', solved: true, satisfaction: 'satisfied' });

    const seq = await auditSeq(h);
    const res = await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/sheet.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('inline');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [entry] = await auditEntries(h, 'export.case_sheet', seq);
    expect(entry).toMatchObject({ actor_name: 'dispatcher', target_type: 'case', target_id: String(c.id) });

    // The root admin reads every case but calls nobody back: masked.
    const leader = await h.req('admin', 'GET', `/api/v1/cases/${c.id}/sheet.pdf`);
    expect(leader.statusCode).toBe(200);

    if (popplerAvailable()) {
      const text = pdfText(res.rawPayload);
      expect(text).toContain(c.trackingNo);
      for (const words of [
        '诉求办理工单',
        '办理过程',
        '登记受理',
        '派单',
        '签收',
        '答复',
        '回访',
        '盐湖区水务局',
        '王杏桃',
        '13935912345',
        '已恢复供水',
        '停水',
      ]) {
        expect(text).toContain(words);
      }
      const masked = pdfText(leader.rawPayload);
      expect(masked).toContain(c.trackingNo);
      expect(masked).not.toContain('13935912345');
      expect(masked).toContain('139****2345');
    }

    // Long texts run over several pages (no row is kept on one page whatever its height).
    const long = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: '小区停水三天未恢复。'.repeat(150) });
    await answerCase(h, long.id, { text: '经现场核查，管网已抢修完毕并恢复供水。'.repeat(100) });
    const longSheet = await h.req('dispatcher', 'GET', `/api/v1/cases/${long.id}/sheet.pdf`);
    expect(longSheet.statusCode, longSheet.body).toBe(200);
    expect(longSheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Outside the caller's scope: 404, as GET /cases/{id}.
    const other = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: '另一件停水诉求' });
    expectError(await h.req('handler2', 'GET', `/api/v1/cases/${other.id}/sheet.pdf`), 404, 'not_found');
    expectError(await h.req('secadmin', 'GET', `/api/v1/cases/${c.id}/sheet.pdf`), 404, 'not_found');
    expectError(await h.req('dispatcher', 'GET', '/api/v1/cases/999999/sheet.pdf'), 404, 'not_found');
  });
});

import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, actOn, registerCase } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { addMatter } from '../../testing/livelihood.ts';
import { addOfficer, auditEntries, auditSeq } from '../admin/test-helpers.ts';

const DAY = 86_400_000;

/** Every cell's text of an exported workbook. */
async function workbookText(data: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return cells.join('\n');
}

/** A matter in 郊区 (by the demo's 民生办) and one in 盐湖区 (by 盐湖区's own livelihood officer), each with a named, phoned originator. */
async function twoCounties(h: Harness, username: string) {
  const yhOfficer = (await h.make.user({ roles: ['livelihood_officer'], unitIds: [h.org.units['centre']!], username })).username;
  const jq = await addMatter(h, 'minsheng', {
    title: '郊区道路破损',
    regionCode: '140311',
    areaCode: 'livelihood',
    originators: [{ kind: 'person', name: '郊区张三', phone: '13935300111' }],
  });
  const yh = await addMatter(h, yhOfficer, {
    title: '盐湖区路灯不亮',
    regionCode: '140802',
    areaCode: 'livelihood',
    originators: [{ kind: 'person', name: '盐湖李四', phone: '13935300222' }],
  });
  return { yhOfficer, jq, yh };
}

/** Issue 12: the admin role was "every region" in livelihood and supervision; every export, reveal and change goes to the audit log. */
describeEachDb('scope of admins in livelihood and supervision; the audit log of exports, reveals and changes', (get) => {
  it('a county admin reads and exports only their own region’s matters (no other county’s names or phones)', async () => {
    const h = get();
    const { jq, yh } = await twoCounties(h, 'yhminsheng');
    const jqAdmin = await addOfficer(h, 'jqadmin', 'admin', 'jqCentre');

    const search = await h.req(jqAdmin, 'GET', '/api/v1/matters?pageSize=100');
    expect(search.statusCode, search.body).toBe(200);
    const ids = (search.json().items as { id: number }[]).map((m) => m.id);
    expect(ids).toContain(jq.id);
    expect(ids).not.toContain(yh.id);
    expectError(await h.req(jqAdmin, 'GET', `/api/v1/matters/${yh.id}`), 404, 'not_found');
    expect((await h.req(jqAdmin, 'GET', `/api/v1/matters?regionCode=140802`)).json().items).toEqual([]);

    const seq = await auditSeq(h);
    const xlsx = await h.req(jqAdmin, 'GET', '/api/v1/matters/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const text = await workbookText(xlsx.rawPayload);
    expect(text).toContain('郊区道路破损');
    expect(text).not.toContain('盐湖区路灯不亮');
    expect(text).not.toContain('盐湖李四');
    expect(text).not.toContain('13935300222');

    // The export is in the audit log: who, the filter, how many rows.
    const [entry] = await auditEntries(h, 'export.', seq);
    expect(entry).toMatchObject({ action: 'export.matters', actor_name: 'jqadmin', outcome: 'ok', region_code: '140311' });
    expect(entry!.detail).toMatchObject({ rows: 1 });
    expect(entry!.source_ip).toBeTruthy();

    // The root admin (the province's office) covers both counties.
    const all = (await h.req('admin', 'GET', '/api/v1/matters?pageSize=100')).json().items as { id: number }[];
    expect(all.map((m) => m.id)).toEqual(expect.arrayContaining([jq.id, yh.id]));
  });

  it('the security admin and the auditor read no citizen’s data: no cases, matters, projects, supervision or deliveries', async () => {
    const h = get();
    await twoCounties(h, 'yhminsheng3');
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    for (const who of ['secadmin', 'auditor']) {
      const cases = await h.req(who, 'GET', '/api/v1/cases?pageSize=50');
      expect(cases.statusCode, who).toBe(200);
      expect(cases.json().items, who).toEqual([]);
      expect((await h.req(who, 'GET', `/api/v1/cases/${c.id}`)).statusCode, who).toBe(404);
      expect((await h.req(who, 'GET', '/api/v1/matters')).statusCode, who).toBe(403);
      expect((await h.req(who, 'GET', '/api/v1/matters/export.xlsx')).statusCode, who).toBe(403);
      expect((await h.req(who, 'GET', '/api/v1/projects')).json().items, who).toEqual([]);
      expect((await h.req(who, 'GET', '/api/v1/supervision/overview')).statusCode, who).toBe(403);
      expect((await h.req(who, 'GET', '/api/v1/safety-net/analysis')).statusCode, who).toBe(403);
      expect((await h.req(who, 'GET', '/api/v1/admin/deliveries')).statusCode, who).toBe(403);
    }
  });

  it('a county admin sees only their own region in the supervision centre', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    h.clock.advance(40 * DAY);
    h.resetSessions();
    const water = h.org.units['water']!;
    const unitsOf = async (who: string) => {
      const res = await h.req(who, 'GET', '/api/v1/supervision/overview?days=60');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().units as { unitId: number | null }[]).map((u) => u.unitId);
    };
    expect(await unitsOf('admin')).toContain(water);
    expect(await unitsOf(await addOfficer(h, 'yhadmin', 'admin', 'centre'))).toContain(water);
    const jqAdmin = await addOfficer(h, 'jqadmin', 'admin', 'jqCentre');
    expect(await unitsOf(jqAdmin)).not.toContain(water);
    const flags = await h.req(jqAdmin, 'GET', '/api/v1/supervision/rating-flags');
    expect(flags.statusCode).toBe(200);
  });

  it('a full phone number shown is a pii.reveal; a matter’s creation is in the audit log', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const { yhOfficer, yh } = await twoCounties(h, 'yhminsheng2');
    const created = await auditEntries(h, 'livelihood.matter.create', seq);
    expect(created.map((e) => [e.actor_name, e.target_id, e.region_code])).toEqual([
      ['minsheng', expect.any(String), '140311'],
      [yhOfficer, String(yh.id), '140802'],
    ]);

    // The livelihood officer sees the originator's full number: logged with the matter and the field.
    const before = await auditSeq(h);
    const detail = await h.req(yhOfficer, 'GET', `/api/v1/matters/${yh.id}`);
    expect(detail.json().originators[0].phone).toBe('13935300222');
    const [reveal] = await auditEntries(h, 'pii.reveal', before);
    expect(reveal).toMatchObject({ actor_name: yhOfficer, target_type: 'matter', target_id: String(yh.id), region_code: '140802' });
    expect(reveal!.detail).toMatchObject({ field: 'originators.phone' });
    // A masked number is no reveal.
    const after = await auditSeq(h);
    const clerkView = await h.req('clerk', 'GET', `/api/v1/matters/${yh.id}`);
    expect(clerkView.json().originators[0].phone).not.toBe('13935300222');
    expect(await auditEntries(h, 'pii.reveal', after)).toEqual([]);

    // A case's requester phone: lists mask it for everyone; the detail shows it to the dispatcher and logs the reveal.
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const list = await h.req('dispatcher', 'GET', '/api/v1/cases?pageSize=50');
    expect(list.body).not.toContain(OUTAGE_COMPLAINT.requester.phone);
    const beforeCase = await auditSeq(h);
    const caseDetail = await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}`);
    expect(caseDetail.json().requester.phone).toBe(OUTAGE_COMPLAINT.requester.phone);
    expect(await auditEntries(h, 'pii.reveal', beforeCase)).toMatchObject([
      {
        actor_name: 'dispatcher',
        target_type: 'case',
        target_id: String(c.id),
        region_code: '140802',
        detail: { field: 'requester.phone' },
      },
    ]);
  });
});

import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { addMatter } from '../../testing/livelihood.ts';
import { pdfText } from '../../testing/pdf.ts';
import { multipart, PNG } from '../../testing/multipart.ts';
import { createDeadlines } from '../settings/deadlines.ts';
import { createLivelihood } from './livelihood.ts';

/**
 * The livelihood practice end to end, as the district did it: collect (import and form), merge a
 * duplicate, propose and select a key project, assign it by letter (PDF), report progress,
 * answer everyone who raised it, accept and strike it off, and show it on the public page.
 */
const VILLAGE = '140311200201';
const TOWN = '140311200';

/** Fill the server's own template by header name. */
async function filledTemplate(h: Harness, rows: Record<string, string>[]): Promise<Buffer> {
  const res = await h.req('minsheng', 'GET', '/api/v1/matters/import-template.xlsx');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  const ws = wb.worksheets[0]!;
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => headers.set(String(cell.text).replace(/[*＊\s]/g, ''), col));
  // Clear any example rows below the header.
  for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      const col = headers.get(k);
      if (col === undefined) throw new Error(`template has no column ${k}: ${[...headers.keys()].join(',')}`);
      ws.getRow(i + 2).getCell(col).value = v;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, user: string, url: string, parts: Parameters<typeof multipart>[0]) {
  const body = multipart(parts);
  return h.req(user, 'POST', url, body.payload, body.headers);
}

describeEachDb('livelihood: from the problem list to every originator answered', (get) => {
  let listId = 0;
  let projectId = 0;
  const matterIds: number[] = [];

  it('a livelihood officer opens the district list and imports matters from field visits', async () => {
    const h = get();
    await h.db.db
      .insertInto('regions')
      .values({ code: VILLAGE, name: '北庄村', parent_code: TOWN, level: 5 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const list = await h.req('minsheng', 'POST', '/api/v1/livelihood/lists', {
      regionCode: '140311',
      title: '2026年郊区“我为群众办实事”民生事项清单',
      batch: 1,
      year: 2026,
    });
    expect(list.statusCode, list.body).toBe(201);
    listId = list.json().id;
    expect(list.json()).toMatchObject({ status: 'collecting', batchName: '第一批' });

    // A bad workbook: one good row, one with an unknown region: nothing is imported.
    const bad = await filledTemplate(h, [
      {
        事项标题: '村里自来水管网老化经常停水',
        所属区域: '西南舁乡北庄村',
        领域: '保障和改善基本民生',
        反映人类型: '个人',
        反映人: '李大山',
        联系电话: '13935300001',
        收集日期: '2026-04-02',
      },
      {
        事项标题: '路灯不亮',
        所属区域: '不存在乡',
        领域: '保障和改善基本民生',
        反映人类型: '个人',
        反映人: '王小花',
        联系电话: '13935300002',
        收集日期: '2026/4/3',
      },
    ]);
    const refused = await upload(h, 'minsheng', '/api/v1/matters/import', [{ name: 'file', filename: 'visits.xlsx', data: bad }]);
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().imported).toBe(0);
    expect(refused.json().errors).toEqual([expect.objectContaining({ row: 3, column: expect.stringContaining('所属区域') })]);
    expect((await h.req('minsheng', 'GET', '/api/v1/matters?regionCode=140311')).json().total).toBe(0);

    const notExcel = await upload(h, 'minsheng', '/api/v1/matters/import', [
      { name: 'file', filename: 'visits.xlsx', data: Buffer.from('名称,区域\n停水,郊区\n') },
    ]);
    expect(notExcel.statusCode).toBe(200);
    expect(notExcel.json().imported).toBe(0);
    expect(notExcel.json().errors.length).toBeGreaterThan(0);

    const good = await filledTemplate(h, [
      {
        事项标题: '北庄村自来水管网老化经常停水',
        事项描述: '村里的水管是几十年前铺的，冬天经常冻裂停水，吃水靠水窖。',
        所属区域: '西南舁乡北庄村',
        领域: '保障和改善基本民生',
        反映人类型: '个人',
        反映人: '李大山',
        联系电话: '13935300001',
        收集日期: '2026-04-02',
      },
      {
        事项标题: '北庄村吃水难，希望通自来水',
        事项描述: '山上缺水，靠收集雨水，老人挑水困难。',
        所属区域: '郊区西南舁乡北庄村',
        领域: '保障和改善基本民生',
        反映人类型: '住户',
        反映人: '张二娃',
        地址: '北庄村3号',
        收集日期: '2026年4月5日',
      },
      {
        事项标题: '杨家庄乡卫生所缺医生',
        所属区域: '杨家庄乡',
        领域: '保障和改善基本民生',
        反映人类型: '个人',
        反映人: '赵三',
        联系电话: '13935300003',
        收集日期: '2026/4/6',
      },
    ]);
    const imported = await upload(h, 'minsheng', '/api/v1/matters/import', [{ name: 'file', filename: 'visits.xlsx', data: good }]);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 3, errors: [] });
    const listed = (await h.req('minsheng', 'GET', '/api/v1/matters?regionCode=140311200')).json();
    expect(listed.total).toBe(2);
    expect(listed.items.every((m: { listId: number }) => m.listId === listId)).toBe(true);
    matterIds.push(...listed.items.map((m: { id: number }) => m.id).sort((a: number, b: number) => a - b));
  });

  it('a matter entered by form is flagged as a likely duplicate and merged, keeping every originator', async () => {
    const h = get();
    const check = await h.req('minsheng', 'POST', '/api/v1/matters/similar', {
      title: '北庄村水管老化冬季冻裂停水',
      description: '吃水困难，希望改造自来水管网',
      regionCode: VILLAGE,
    });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().items.map((s: { id: number }) => s.id)).toContain(matterIds[0]);

    const created = await addMatter(h, 'minsheng', {
      title: '北庄村水管老化冬季冻裂停水',
      description: '吃水困难，希望改造自来水管网',
      regionCode: VILLAGE,
      areaCode: 'livelihood',
      originators: [
        { kind: 'person', name: '刘四', phone: '13935300004' },
        { kind: 'household', name: '孙五', address: '北庄村11号' },
      ],
    });
    const dupId = created.id;
    const similar = (await h.req('minsheng', 'GET', `/api/v1/matters/${dupId}/similar`)).json();
    expect(similar.items[0]).toMatchObject({ id: matterIds[0] });
    expect(similar.items[0].score).toBeGreaterThanOrEqual(similar.threshold);

    // Refused: into itself, by someone who may not merge.
    expect((await h.req('minsheng', 'POST', `/api/v1/matters/${dupId}/merge`, { intoId: dupId })).statusCode).toBe(400);
    expect((await h.req('clerk', 'POST', `/api/v1/matters/${dupId}/merge`, { intoId: matterIds[0] })).statusCode).toBe(403);

    const merged = await h.req('minsheng', 'POST', `/api/v1/matters/${dupId}/merge`, { intoId: matterIds[0] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(
      merged
        .json()
        .originators.map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual(['刘四', '孙五', '李大山'].sort());
    expect(merged.json().mergedFrom).toEqual([expect.objectContaining({ id: dupId })]);
    expect((await h.req('minsheng', 'GET', `/api/v1/matters/${dupId}`)).json()).toMatchObject({
      status: 'merged',
      mergedIntoId: matterIds[0],
      originatorCount: 0,
    });
    expect((await h.req('minsheng', 'POST', `/api/v1/matters/${dupId}/merge`, { intoId: matterIds[1] })).statusCode).toBe(409);
  });

  it('a key project is proposed, selected, published and assigned by a numbered letter', async () => {
    const h = get();
    const base = {
      listId,
      title: '北庄村自来水管网改造工程',
      matterIds,
      leadUnitId: h.org.units['jqWater'],
      budget: 120,
      startDate: '2026-05-01',
      dueDate: '2026-10-31',
    };
    const late = await h.req('minsheng', 'POST', '/api/v1/projects', {
      ...base,
      milestones: [{ title: '通水验收', plannedDate: '2026-11-30', weight: 10 }],
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('milestones.0.reason');

    const created = await h.req('minsheng', 'POST', '/api/v1/projects', {
      ...base,
      milestones: [
        { title: '勘察设计', plannedDate: '2026-05-31', weight: 20 },
        { title: '管网铺设', plannedDate: '2026-08-31', weight: 50 },
        { title: '通水验收', plannedDate: '2026-10-31', weight: 30 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    projectId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'candidate', matterCount: 2, originatorCount: 4, progress: 0 });
    // A matter belongs to one project at a time.
    expect((await h.req('minsheng', 'POST', '/api/v1/projects', { ...base, title: '另一个项目' })).statusCode).toBe(409);

    // A due date already past is refused.
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/projects/${projectId}/assign`, {
          cadreUserId: h.org.users['leader'],
          dueDate: '2026-01-31',
        })
      ).statusCode,
    ).toBe(400);
    const sel = await h.req('minsheng', 'POST', `/api/v1/livelihood/lists/${listId}/selection`, {
      heldAt: '2026-04-20T09:00:00+08:00',
      attendees: '区委常委会成员',
      scores: [{ projectId, votes: 11, priority: 1, peopleAffected: 860 }],
      selectedIds: [projectId],
    });
    expect(sel.statusCode, sel.body).toBe(200);
    expect(sel.json()).toMatchObject({ status: 'selecting', selectedCount: 1 });
    // Not public until published.
    expect((await h.req(null, 'GET', '/api/v1/public/projects?regionCode=140311')).json().items).toEqual([]);
    expect((await h.req('minsheng', 'POST', `/api/v1/livelihood/lists/${listId}/publish`)).json().status).toBe('published');

    // Only a cadre may be given the project.
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/projects/${projectId}/assign`, {
          cadreUserId: h.org.users['clerk'],
          dueDate: '2026-10-31',
        })
      ).statusCode,
    ).toBe(400);
    const assigned = await h.req('minsheng', 'POST', `/api/v1/projects/${projectId}/assign`, {
      cadreUserId: h.org.users['leader'],
      dueDate: '2026-10-31',
      requirements: '入冬前通水',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'assigned', letterNo: '郊党办交〔2026〕1号', cadre: { name: '吴区长' } });

    const pdf = await h.req('leader', 'GET', `/api/v1/projects/${projectId}/assignment-letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const s of ['郊党办交〔2026〕1号', '北庄村自来水管网改造工程', '吴区长', '2026年10月31日', '管网铺设']) expect(text).toContain(s);
    expect((await h.req('handler', 'GET', `/api/v1/projects/${projectId}/assignment-letter.pdf`)).statusCode).toBe(404);
  });

  it('the cadre signs, reports progress on milestones, and the project progress is their weighted sum', async () => {
    const h = get();
    h.clock.set('2026-06-01T02:00:00Z');
    h.resetSessions();
    expect((await h.req('leader2', 'POST', `/api/v1/projects/${projectId}/sign`)).statusCode).toBe(403);
    expect((await h.req('leader', 'POST', `/api/v1/projects/${projectId}/sign`)).json().status).toBe('signed');
    const p = (await h.req('leader', 'GET', `/api/v1/projects/${projectId}`)).json();
    const [design, pipes, water] = p.milestones as { id: number }[];
    expect(
      (await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, { milestoneId: design!.id, percent: 101, text: '超过' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, { milestoneId: 999999, percent: 50, text: '未知' }))
        .statusCode,
    ).toBe(400);

    const photo = await upload(h, 'leader', `/api/v1/projects/${projectId}/photos`, [
      { name: 'files', filename: 'site.png', type: 'image/png', data: PNG },
    ]);
    expect(photo.statusCode, photo.body).toBe(201);
    const photoIds = photo.json().ids as number[];
    const r1 = await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, {
      milestoneId: design!.id,
      percent: 100,
      text: '设计完成并通过评审',
      photoIds,
    });
    expect(r1.json().progress).toBe(20);
    const r2 = await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, {
      milestoneId: pipes!.id,
      percent: 50,
      text: '主管网铺设过半',
    });
    expect(r2.json().progress).toBe(45);
    expect(r2.json().reports[0]).toMatchObject({ text: '主管网铺设过半', percent: 50 });

    // The pipes milestone is late: yellow, then red; each announced once.
    const job = createLivelihood({ db: h.db.db, clock: h.clock, deadlines: createDeadlines(h.db.db, h.clock), dataDir: h.dataDir }).duty;
    const warnings = async () =>
      (await h.db.db.selectFrom('outbox').select('payload').where('topic', '=', 'livelihood.milestone_late').execute()).map((m) => {
        const p = m.payload as { light: string; to: string };
        return `${p.light}:${p.to}`;
      });
    h.clock.set('2026-09-02T02:00:00Z');
    h.resetSessions();
    expect((await h.req('leader', 'GET', '/api/v1/duty-list')).json().late).toEqual([
      expect.objectContaining({ id: pipes!.id, light: 'yellow' }),
    ]);
    expect(await job.warnLateMilestones()).toEqual({ yellow: 1, red: 0 });
    expect(await job.warnLateMilestones()).toEqual({ yellow: 0, red: 0 }); // announced once
    h.clock.set('2026-09-21T02:00:00Z');
    h.resetSessions();
    expect((await h.req('leader', 'GET', `/api/v1/projects/${projectId}`)).json().light).toBe('red');
    expect(await job.warnLateMilestones()).toEqual({ yellow: 0, red: 1 });
    expect((await warnings()).sort()).toEqual(['red:cadre', 'red:supervisors', 'yellow:cadre', 'yellow:supervisors']);

    await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, { milestoneId: pipes!.id, percent: 100, text: '管网铺设完毕' });
    const done = await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, {
      milestoneId: water!.id,
      percent: 100,
      text: '七个自然村全部通水',
    });
    expect(done.json().progress).toBe(100);
  });

  it('the project cannot be struck off while anyone who raised it is unanswered; then everyone is answered', async () => {
    const h = get();
    const first = await h.req('minsheng', 'POST', `/api/v1/projects/${projectId}/accept`, {
      findings: '工程质量合格',
      answer: '管网已完工通水，感谢您的反映。',
    });
    expect(first.statusCode, first.body).toBe(409);
    expect(first.json().error.code).toBe('originators_unanswered');
    const missing = first.json().error.details.unanswered as { id: number; name: string; reachable: boolean }[];
    // 张二娃 and 孙五 are households with an address only: the outbox cannot reach them.
    expect(missing.map((o) => o.name).sort()).toEqual(['孙五', '张二娃'].sort());
    // The refused acceptance sent nothing and changed nothing.
    const after = (await h.req('minsheng', 'GET', `/api/v1/projects/${projectId}`)).json();
    expect(after.status).toBe('signed');
    expect(after.originators.answered).toBe(0);
    const sent = await h.db.db.selectFrom('outbox').select('id').where('topic', '=', 'livelihood.answer').execute();
    expect(sent).toHaveLength(0);

    for (const o of missing) {
      const r = await h.req('leader', 'POST', `/api/v1/projects/${projectId}/originators/${o.id}/answer`, {
        method: 'visit',
        note: '入户告知已通水',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const accepted = await h.req('minsheng', 'POST', `/api/v1/projects/${projectId}/accept`, {
      findings: '工程质量合格，七个自然村全部通水',
      checkers: '区水务局、西南舁乡',
      answer: '管网已完工通水，感谢您的反映。',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', originators: { total: 4, answered: 4, unanswered: [] } });
    const sms = await h.db.db.selectFrom('outbox').select('payload').where('topic', '=', 'livelihood.answer').execute();
    expect(sms.map((m) => (m.payload as { to: string }).to).sort()).toEqual(['13935300001', '13935300004']);
    expect((await h.req('minsheng', 'GET', `/api/v1/matters/${matterIds[0]}`)).json().status).toBe('answered');
    expect(
      (await h.req('leader', 'POST', `/api/v1/projects/${projectId}/progress`, { milestoneId: 1, percent: 100, text: 'x' })).statusCode,
    ).toBe(409);
  });

  it('the public page shows the project and its progress without personal data', async () => {
    const h = get();
    const res = await h.req(null, 'GET', '/api/v1/public/projects?regionCode=140311');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((p: { id: number }) => p.id === projectId);
    expect(item).toMatchObject({ title: '北庄村自来水管网改造工程', progress: 100, status: 'accepted', originatorCount: 4 });
    expect(item.milestones.map((m: { title: string }) => m.title)).toEqual(['勘察设计', '管网铺设', '通水验收']);
    const body = res.body;
    for (const secret of ['13935300001', '李大山', '孙五', '吴区长']) expect(body).not.toContain(secret);
    const photoId =
      item.lastReports.flatMap((r: { photoIds: number[] }) => r.photoIds)[0] ??
      (await h.req(null, 'GET', `/api/v1/public/projects/${projectId}`))
        .json()
        .lastReports.flatMap((r: { photoIds: number[] }) => r.photoIds)[0];
    const photo = await h.req(null, 'GET', `/api/v1/public/project-photos/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    // A county below sees nothing of another county; an unknown region is 404.
    expect((await h.req(null, 'GET', '/api/v1/public/projects?regionCode=140802')).json().items).toEqual([]);
    expect((await h.req(null, 'GET', '/api/v1/public/projects?regionCode=999999')).statusCode).toBe(404);
  });
});

import type { AuthUser } from '@huiyin/core';
import { tmpdir } from 'node:os';
import type { ManualClock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { createLivelihood } from '../modules/livelihood/livelihood.ts';
import { createRegionsRepo } from '../modules/regions/regions.repo.ts';
import { createListsRepo } from '../modules/livelihood/lists.repo.ts';
import { createMattersRepo } from '../modules/livelihood/matters.repo.ts';
import { createProjectsRepo } from '../modules/livelihood/projects.repo.ts';
import { matterTerms } from '../modules/livelihood/matter-view.ts';
import { createDeadlines } from '../modules/settings/deadlines.ts';
import type { DemoOrg } from './demo-org.ts';
import { demoMatters, demoProjects, demoVillages } from './demo-livelihood-data.ts';

const JIAOQU = '140311';
/** China noon of an ISO date, as an instant. */
const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The second story of the source article, in the demo: 阳泉市郊区 collects 425 matters on
 * household visits, merges the duplicates, selects 46 key projects (the first being the water
 * network for the seven villages of 北七村), assigns each to a district cadre by letter, and
 * reports progress; a few projects are accepted with everyone answered. Everything goes through
 * the same services as the API, so the demo obeys the same rules.
 */
export async function seedLivelihoodDemo(ctx: {
  db: Db;
  clock: ManualClock;
  now: Date;
  org: DemoOrg;
  u: (name: string) => AuthUser;
  waterCaseId?: number;
}): Promise<{ matters: number; projects: number }> {
  const { db, clock, u, org } = ctx;
  const mergedKeys = new Set<string>();
  const lv = createLivelihood({ db, clock, deadlines: createDeadlines(db, clock), dataDir: tmpdir() });
  const officer = u('minsheng');
  const cadres = ['leader', 'leader2', 'leader3'];

  await createRegionsRepo(db).upsertMany(demoVillages.map((v) => ({ code: v.code, name: v.name, parentCode: v.townCode, level: 5 })));

  clock.set(at('2026-03-25'));
  const list = await lv.lists.create(
    { regionCode: JIAOQU, title: '2026年阳泉市郊区“我为群众办实事”重点民生项目清单', batch: 1, year: 2026 },
    officer,
  );

  // Collected on household visits: written as one import would write them.
  const areas = new Set((await lv.matters.areas()).map((a) => a.code));
  const writes = demoMatters.map((m) => {
    if (!areas.has(m.areaCode)) throw new Error(`demo matter ${m.key}: unknown area ${m.areaCode}`);
    return {
      listId: list.id,
      regionCode: m.regionCode,
      title: m.title,
      description: m.description,
      areaCode: m.areaCode,
      source: 'import' as const,
      caseId: null,
      collectedOn: m.collectedOn,
      collectedBy: m.collectedBy,
      terms: matterTerms(m),
      originators: m.originators.map((o) => ({
        kind: o.kind,
        name: o.name,
        phone: o.phone ?? null,
        address: o.address ?? null,
        creditCode: null,
        caseId: null,
      })),
    };
  });
  clock.set(at('2026-05-21'));
  const ids = await db.transaction().execute((trx) => createMattersRepo(trx).insertMany(writes, officer.id, clock.now()));
  const idOf = new Map(demoMatters.map((m, i) => [m.key, ids[i]!]));
  // The hotline case of 北七村 goes on the problem list too, and into the water project.
  const fromCase =
    ctx.waterCaseId !== undefined
      ? (await lv.matters.fromCase({ caseId: ctx.waterCaseId, areaCode: 'livelihood', listId: list.id }, officer, 'zh')).id
      : null;

  // Most planted duplicates were merged at the review; a few are left for the review screen.
  clock.set(at('2026-05-25'));
  const dups = demoMatters.filter((m) => m.duplicateOf !== undefined);
  const inProjects = new Set(demoProjects.flatMap((p) => p.matterKeys));
  for (const [i, m] of dups.entries()) {
    if (i % 4 === 3 && !inProjects.has(m.key)) continue;
    await lv.matters.merge(idOf.get(m.key)!, resolveMerged(m.duplicateOf!), officer);
    mergedKeys.add(m.key);
  }

  // Candidates, the selection meeting, publication.
  clock.set(at('2026-05-28'));
  const projectIds: number[] = [];
  for (const p of demoProjects) {
    const matterIds = [...new Set(p.matterKeys.map((k) => resolveMerged(k)))];
    if (p === demoProjects[0] && fromCase !== null) matterIds.push(fromCase);
    const created = await lv.projects.create(
      {
        listId: list.id,
        title: p.title,
        description: p.description,
        areaCode: p.areaCode,
        leadUnitId: org.units[p.leadUnitKey] ?? org.units['jqOffice']!,
        budget: p.budget,
        startDate: p.startDate,
        dueDate: p.dueDate,
        matterIds,
        milestones: p.milestones.map((m) => ({ title: m.title, plannedDate: m.plannedDate, weight: m.weight })),
      },
      officer,
    );
    projectIds.push(created.id);
  }
  clock.set(at('2026-06-02', 9));
  await lv.lists.selection(
    list.id,
    {
      heldAt: at('2026-06-02', 9).toISOString(),
      attendees: '区委书记、区长，区委常委，区人大、区政协分管领导，各乡镇党委书记，区直有关部门主要负责人',
      notes: '对征集的民生事项逐项研究，按照群众关注度、受益人数和可行性排序，确定首批重点民生项目46件。',
      scores: demoProjects.map((p, i) => ({
        projectId: projectIds[i]!,
        votes: p.votes,
        priority: p.priority,
        peopleAffected: p.peopleAffected,
      })),
      selectedIds: projectIds,
    },
    officer,
  );
  clock.set(at('2026-06-03'));
  await lv.lists.publish(list.id, officer);

  // Matters that did not become key projects are answered too: some handed to the departments
  // (answered by SMS, the households without a phone visited by grid workers).
  const rest = demoMatters.filter((m) => !inProjects.has(m.key) && !mergedKeys.has(m.key) && m.duplicateOf === undefined);
  for (const [i, m] of rest.entries()) {
    if (i % 6 !== 0) continue;
    clock.set(at('2026-06-10', 9 + (i % 8)));
    const id = idOf.get(m.key)!;
    const r = await lv.matterAnswers.answer(
      id,
      i % 12 === 0
        ? '该事项已转交属地乡镇和主管部门办理，列入常态化工作推进，办理结果将另行告知。'
        : '该事项已列入下一批民生项目征集范围，我们将继续跟进。',
      officer,
    );
    for (const o of r.unanswered) await lv.matterAnswers.record(id, o.id, { method: 'visit', note: '网格员入户当面告知' }, officer);
  }

  // Letters to the district cadres; progress on each milestone as reported.
  for (const [i, p] of demoProjects.entries()) {
    const id = projectIds[i]!;
    const cadre = u(i === 0 ? 'leader' : cadres[i % cadres.length]!);
    clock.set(at('2026-06-05', 9 + (i % 8)));
    await lv.projects.assign(
      id,
      { cadreUserId: cadre.id, dueDate: p.dueDate, requirements: '请按节点推进，每月报告进展；完工后逐一答复反映群众，经验收后销号。' },
      officer,
    );
    // Two letters are not signed for yet (the duty list shows them).
    if (i % 23 === 22) continue;
    clock.set(at('2026-06-06', 9 + (i % 8)));
    await lv.projects.sign(id, cadre);
    const reports = p.milestones
      .flatMap((m, k) => m.reports.map((r) => ({ ...r, milestone: k })))
      .sort((a, b) => a.date.localeCompare(b.date));
    const view = await lv.projects.view(id, cadre);
    for (const r of reports) {
      if (at(r.date) > ctx.now) continue;
      clock.set(at(r.date, 15));
      await lv.projects.progress(id, { milestoneId: view.milestones[r.milestone]!.id, percent: r.percent, text: r.text }, cadre);
    }
    if (p.accepted && at(p.accepted.on) <= ctx.now) {
      clock.set(at(p.accepted.on, 9));
      const left = await lv.answers.sendAnswers(id, `项目“${p.title}”已完工，经验收合格。感谢您的反映和支持。`, cadre);
      for (const o of left.unanswered)
        await lv.answers.recordAnswer(id, o.id, { method: 'visit', note: '网格员入户告知项目完工情况' }, cadre);
      clock.set(at(p.accepted.on, 15));
      await lv.answers.accept(id, { findings: p.accepted.findings, checkers: '区民生办、区纪委监委、项目所在乡镇' }, officer);
    }
  }

  await seedUpperLists(db, u('admin').id, at('2026-03-01'));

  // The lights of late milestones as of today, announced once.
  clock.set(ctx.now);
  await lv.duty.warnLateMilestones();
  return { matters: demoMatters.length, projects: demoProjects.length };

  function resolveMerged(key: string): number {
    let m = demoMatters.find((x) => x.key === key)!;
    for (let i = 0; i < 10 && m.duplicateOf !== undefined && mergedKeys.has(m.key); i++)
      m = demoMatters.find((x) => x.key === m.duplicateOf)!;
    return idOf.get(m.key)!;
  }
}

/**
 * Lists nest by region: the province sets its own list (11 projects) and the city adds its own
 * (2); the district sees both above its own. Illustrative titles for the demo, written straight
 * through the repositories (the demo has no provincial or city office accounts).
 */
async function seedUpperLists(db: Db, adminId: number, when: Date): Promise<void> {
  const upper: { region: string; title: string; projects: string[] }[] = [
    {
      region: '140000',
      title: '2026年山西省“我为群众办实事”民生实事清单',
      projects: [
        '城镇老旧小区改造',
        '农村生活污水治理',
        '城乡居民医保财政补助提标',
        '困难残疾人生活补贴和重度残疾人护理补贴提标',
        '农村公路提质改造',
        '城镇新增就业和职业技能培训',
        '义务教育学校办学条件改善',
        '城乡老年助餐服务',
        '农村供水保障巩固提升',
        '政务服务“一网通办”“跨省通办”',
        '基层医疗卫生机构能力提升',
      ],
    },
    {
      region: '140300',
      title: '2026年阳泉市“我为群众办实事”民生实事清单',
      projects: ['中心城区集中供热管网改造', '城市公交线路向城郊乡村延伸'],
    },
  ];
  for (const l of upper) {
    const listId = await createListsRepo(db).insert(
      { regionCode: l.region, title: l.title, year: 2026, batch: 1, createdBy: adminId },
      when,
    );
    if (listId === null) continue;
    const projects = createProjectsRepo(db);
    for (const title of l.projects) {
      const id = await projects.insert(
        {
          listId,
          regionCode: l.region,
          title,
          description: null,
          areaCode: 'livelihood',
          leadUnitId: null,
          budget: null,
          startDate: '2026-03-01',
          dueDate: '2026-12-31',
          createdBy: adminId,
        },
        when,
      );
      await projects.update(id, { status: 'selected' }, when);
    }
    await createListsRepo(db).update(listId, {
      status: 'published',
      publishedAt: when,
      selection: { heldAt: when.toISOString(), attendees: '（上级清单）', notes: null, recordedBy: adminId },
    });
  }
}

import type { ActionBody, ActionInput, Role, AuthUser } from '@huiyin/core';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { createWiredCaseService } from '../main/case-wiring.ts';
import { createGuessLimiter } from '../modules/cases/guess-limiter.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { hashPassword } from '../modules/people/password.ts';
import { createDeadlines } from '../modules/settings/deadlines.ts';
import { DEMO_PASSWORD, seedDemoOrg, type DemoOrg } from './demo-org.ts';
import { seedDemoPolicies } from './demo-policies.ts';
import { seedLivelihoodDemo } from './demo-livelihood.ts';
import { seedSafetyNetDemo } from './demo-safety-net.ts';
import { addresses, demoTemplates, explainedTemplates, givenNames, surnames, type DemoTemplate } from './demo-texts.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await createPeopleRepo(db).hasAnyUser());
}

/** Deterministic pseudo-random numbers (mulberry32), so every demo looks the same. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Target =
  | 'registered'
  | 'dispatched'
  | 'returned'
  | 'in_progress'
  | 'extension'
  | 'reply_review'
  | 'replied'
  | 'closed'
  | 'reopened_closed'
  | 'unsatisfied'
  | 'merged';

const plan: [Target, number][] = [
  ['registered', 30],
  ['dispatched', 28],
  ['returned', 10],
  ['in_progress', 50],
  ['extension', 10],
  ['reply_review', 10],
  ['replied', 35],
  ['unsatisfied', 8],
  ['closed', 90],
  ['reopened_closed', 10],
  ['merged', 15],
];

/**
 * The demo: organisation, accounts, the article's two cases and about 300 more across every
 * status, each walked through the real case service (so every event, hash chain, counter and
 * outbox row is what the system itself would have written) at times spread over six weeks.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<{ cases: number; org: DemoOrg }> {
  const org = await seedDemoOrg(db, { allChina: true });
  const people = createPeopleRepo(db);
  // One handler per unit that has none among the named demo accounts, so every unit can work cases.
  const hash = await hashPassword(DEMO_PASSWORD);
  const extra: [string, string, Role, string][] = [
    ['h.approval', '审批局承办人', 'handler', 'approval'],
    ['h.tax', '税务局承办人', 'handler', 'tax'],
    ['h.hrss', '人社局承办人', 'handler', 'hrss'],
    ['h.housing', '住建局承办人', 'handler', 'housing'],
    ['h.env', '生态环境承办人', 'handler', 'env'],
    ['h.zhongcheng', '中城街道承办人', 'handler', 'zhongcheng'],
    ['jq.dispatcher', '郊区派单员', 'dispatcher', 'jqCentre'],
    ['jq.water', '郊区水务局承办人', 'handler', 'jqWater'],
    ['head.housing', '住建局负责人', 'unit_head', 'housing'],
    ['head.hrss', '人社局负责人', 'unit_head', 'hrss'],
  ];
  for (const [username, name, role, unit] of extra) {
    const id = await people.insertUser({ username, displayName: name, passwordHash: hash, phone: null, roles: [role] });
    await people.addMemberships(id, [org.units[unit]!]);
    org.users[username] = id;
  }
  const users = new Map<string, AuthUser>();
  for (const [name, id] of Object.entries(org.users)) users.set(name, (await people.findById(id))!);
  const u = (name: string) => users.get(name)!;
  const handlerOf: Record<string, string> = {
    market: 'handler',
    water: 'handler2',
    approval: 'h.approval',
    tax: 'h.tax',
    hrss: 'h.hrss',
    housing: 'h.housing',
    env: 'h.env',
    zhongcheng: 'h.zhongcheng',
    jqWater: 'jq.water',
  };

  const clock = new ManualClock(now);
  const service = createWiredCaseService({ db, clock, deadlines: createDeadlines(db, clock), guesses: createGuessLimiter(clock) });
  const rand = rng(20210701);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let count = 0;

  const versions = new Map<number, number>();
  async function act(id: number, user: AuthUser, body: ActionInput, at: number) {
    clock.set(new Date(at));
    const after = await service.act(id, { ...body, version: versions.get(id) ?? 1 } as ActionBody, user);
    versions.set(id, after.version);
    // A merge also bumps the master's version.
    if (body.action === 'merge') versions.set(body.masterId, (versions.get(body.masterId) ?? 1) + 1);
  }

  // The article's first story and a dozen more at the safety-net window, with a policy library to cite.
  const policies = await seedDemoPolicies(db, now, org.users['admin']);
  count += await seedSafetyNetDemo({
    service,
    clock,
    org,
    now,
    u,
    act,
    policy: (fragment) => {
      for (const [key, id] of policies) if (key.includes(fragment)) return id;
      throw new Error(`demo policy ${fragment} not found`);
    },
  });
  // The second story: seven mountain villages of 西南舁乡 without tap water.
  let waterCaseId: number | undefined;
  {
    const t0 = now.getTime() - 30 * DAY;
    clock.set(new Date(t0));
    const c = await service.register(
      {
        type: 'help',
        channel: 'visit',
        title: '北七村吃水难，盼建自来水管网',
        content:
          '西南舁乡北部七个小村落（北七村）地处山区，偏远缺水，村民吃水基本只能靠水窖里收集的雨水。党员入户走访时群众集中反映，希望建设自来水管网，彻底解决吃水难。',
        categoryCode: 'water.outage',
        regionCode: '140311200',
        address: '阳泉市郊区西南舁乡北七村',
        requester: { name: '北七村村民代表', phone: '13835300001' },
      },
      { kind: 'staff', user: u('jq.dispatcher') },
    );
    await act(
      c.id,
      u('jq.dispatcher'),
      { action: 'dispatch', leadUnitId: org.units['jqWater']!, assistUnitIds: [org.units['xinanyu']!] },
      t0 + HOUR,
    );
    await act(c.id, u('jq.water'), { action: 'sign', note: '列入区重点民生项目，连片铺设管网' }, t0 + 2 * HOUR);
    waterCaseId = c.id;
    await act(
      c.id,
      u('jq.water'),
      { action: 'requestExtension', days: 30, reason: '管网工程需跨越山区施工，按工程节点推进' },
      t0 + 3 * DAY,
    );
    await act(c.id, u('jq.dispatcher'), { action: 'decideExtension', approve: true }, t0 + 3 * DAY + 2 * HOUR);
    count++;
  }

  let masters: number[] = [];
  for (const [target, n] of plan) {
    for (let i = 0; i < n; i++) {
      const open = !['closed', 'reopened_closed', 'merged', 'replied', 'unsatisfied'].includes(target);
      const ageDays = open ? 0.2 + rand() * 14 : 5 + rand() * 38;
      const t0 = Math.floor(now.getTime() - ageDays * DAY);
      const tpl: DemoTemplate = target === 'reply_review' ? pick(explainedTemplates) : pick(demoTemplates);
      const township = rand() < 0.3 ? pick(['140802001', '140802002', '140802003']) : '140802';
      clock.set(new Date(t0));
      const phone = `1${pick(['39', '35', '58', '86', '52'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const c = await service.register(
        {
          type: tpl.type,
          channel: pick(['hotline', 'hotline', 'window', 'web', 'h5', 'visit']),
          title: tpl.title,
          content: tpl.content,
          categoryCode: tpl.category,
          regionCode: township,
          address: `${pick(addresses)}${1 + Math.floor(rand() * 300)}号`,
          urgent: tpl.type === 'help' && rand() < 0.1,
          requester: { name: `${pick(surnames)}${pick(givenNames)}`, phone },
        },
        { kind: 'staff', user: u(rand() < 0.5 ? 'clerk' : 'dispatcher') },
      );
      count++;
      if (target === 'registered') continue;
      const unit = org.units[tpl.unit]!;
      const handler = u(handlerOf[tpl.unit]!);
      let t = t0 + (0.5 + rand() * 3) * HOUR;
      if (target === 'merged') {
        const master = pick(masters);
        await act(c.id, u('dispatcher'), { action: 'merge', masterId: master }, t);
        continue;
      }
      await act(c.id, u('dispatcher'), { action: 'dispatch', leadUnitId: unit }, t);
      if (target === 'dispatched') continue;
      t += (1 + rand() * 5) * HOUR;
      if (target === 'returned' || (target === 'closed' && i % 9 === 0)) {
        await act(c.id, handler, { action: 'return', reason: '该事项不属于本单位职责范围，建议转交属地街道办理' }, t);
        if (target === 'returned') continue;
        await act(
          c.id,
          u('dispatcher'),
          { action: 'decideReturn', approve: false, note: '经核对派单目录，该事项属于你单位职责，请签收办理' },
          t + HOUR,
        );
        t += 2 * HOUR;
      }
      await act(c.id, handler, { action: 'sign' }, t);
      if (target === 'in_progress') continue;
      t += (0.5 + rand() * 2) * DAY;
      if (target === 'extension') {
        await act(c.id, handler, { action: 'requestExtension', days: 5, reason: '需协调多个部门现场核查' }, t);
        if (i % 2 === 0) await act(c.id, u('dispatcher'), { action: 'decideExtension', approve: true }, t + 2 * HOUR);
        continue;
      }
      if (target === 'reply_review') {
        await act(c.id, handler, { action: 'reply', outcome: 'explained', text: tpl.answer, policyBasis: tpl.policy ?? '相关法律法规' }, t);
        continue;
      }
      await act(c.id, handler, { action: 'reply', outcome: rand() < 0.85 ? 'resolved' : 'partly', text: tpl.answer }, t);
      if (target === 'replied') continue;
      t += (0.5 + rand() * 1.5) * DAY;
      if (target === 'unsatisfied') {
        await act(
          c.id,
          u('supervisor'),
          { action: 'followUp', solved: false, satisfaction: 'dissatisfied', comment: '问题没有彻底解决' },
          t,
        );
        continue;
      }
      if (target === 'reopened_closed') {
        await act(
          c.id,
          u('supervisor'),
          { action: 'followUp', solved: false, satisfaction: 'dissatisfied', comment: '答复后问题又出现了' },
          t,
        );
        await act(c.id, u('supervisor'), { action: 'reopen', reason: '群众反映问题仍未解决，重新交办' }, t + HOUR);
        await act(c.id, handler, { action: 'reply', outcome: 'resolved', text: `${tpl.answer}（重办后已彻底解决）` }, t + 2 * DAY);
        await act(c.id, u('supervisor'), { action: 'followUp', solved: true, satisfaction: 'basically_satisfied' }, t + 3 * DAY);
        continue;
      }
      const sat = rand();
      await act(
        c.id,
        u('supervisor'),
        { action: 'followUp', solved: true, satisfaction: sat < 0.55 ? 'very_satisfied' : sat < 0.9 ? 'satisfied' : 'basically_satisfied' },
        t,
      );
      masters = [...masters, c.id];
    }
  }
  // The livelihood practice of the district: 425 matters, 46 key projects, letters and progress.
  await seedLivelihoodDemo({ db, clock, now, org, u, ...(waterCaseId !== undefined ? { waterCaseId } : {}) });
  return { cases: count, org };
}

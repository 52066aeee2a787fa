import type { Satisfaction } from '../case/vocabulary.ts';
import type { RatingFlagKind, RatingRecord } from './rating-rules.ts';

/**
 * A synthetic month of follow-up ratings for a county centre with twenty handling units, with
 * fraud planted in it, to measure the rating rules (rating-rules.eval.test.ts).
 *
 * The honest part is modelled on how the work is done, not on the rules:
 * - a third of the cases are answered on the spot by the centre (no lead unit), the rest by
 *   twenty units of very different size and quality (a few excellent, a few poor);
 * - the centre's follow-up team (8 agents, 4-5 on duty a day) calls yesterday's answers in one
 *   sitting each morning: ~2.5 minutes a call, unanswered calls, breaks, a retry the next
 *   working day and an SMS link after three misses. One agent is seconded (借调) from a bureau
 *   and still belongs to it. On one day the system is down for 20 minutes and the agents key in
 *   what they noted on paper afterwards;
 * - citizens rate through the SMS link (sent in a daily 10:00 batch, so many answer within the
 *   same minutes), the tracking page, or the pad at the window right after being served;
 * - satisfaction follows whether the matter was really solved; unhappy ratings are mostly
 *   reopened; some satisfied matters come back anyway;
 * - comments: short common words (满意, 谢谢), a small phrase grammar whose frequent
 *   combinations recur across citizens, free text, the agents' stock notes (each agent has
 *   favourites), and one unit with a burst of similar comments about a water cut.
 *
 * Planted on top, several incidents of each of the five kinds the rules look for.
 * Pure: a seeded generator, no clock, no Math.random.
 */

export interface PlantedIncident {
  kind: RatingFlagKind;
  caseIds: number[];
  unitId?: number;
  userId?: number;
  note: string;
}

export interface HonestNoise {
  label: 'excellent_unit' | 'seconded_agent' | 'outage_catch_up' | 'water_cut_comments' | 'poor_unit';
  caseIds: number[];
  note: string;
}

export interface SyntheticRatings {
  records: RatingRecord[];
  planted: PlantedIncident[];
  /** Honest cases that look unusual on purpose, to see which of them the rules flag. */
  honestNoise: HonestNoise[];
  units: readonly { id: number; name: string }[];
}

export interface SyntheticOptions {
  seed?: number;
  cases?: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32) and the few distributions needed.

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(xs: readonly (readonly [T, number])[]): T;
  logNormal(median: number, sigma: number): number;
  shuffle<T>(xs: readonly T[]): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (xs) => {
      if (xs.length === 0) throw new RangeError('pick from an empty list');
      return xs[Math.floor(next() * xs.length)] as (typeof xs)[number];
    },
    weighted: (xs) => {
      const total = xs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [x, w] of xs) {
        r -= w;
        if (r < 0) return x;
      }
      const last = xs[xs.length - 1];
      if (!last) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
    logNormal: (median, sigma) => {
      const u1 = 1 - next();
      const u2 = next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return median * Math.exp(sigma * z);
    },
    shuffle: (xs) => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------
// Time: March 2025 in Beijing (UTC+8), a month without public holidays; day 0 is a Saturday.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH_START = Date.UTC(2025, 2, 1) - 8 * HOUR;
const REPLY_DAYS = 28;

const at = (day: number, minuteOfDay: number): number => MONTH_START + day * DAY + minuteOfDay * MINUTE;
const dayOf = (ms: number): number => Math.floor((ms - MONTH_START) / DAY);
const isWeekend = (day: number): boolean => {
  const dow = (6 + day) % 7;
  return dow === 0 || dow === 6;
};
const nextWeekday = (day: number): number => {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
};

// ---------------------------------------------------------------------------------------------
// The organisation.

const CENTRE = 1;

interface UnitProfile {
  id: number;
  name: string;
  /** Share of the dispatched cases. */
  weight: number;
  /** Chance the answer really solves the matter. */
  pSolved: number;
  /** Chance a citizen whose matter is solved says 非常满意 (the rest: mostly 满意, 基本满意). */
  topIfSolved: number;
  /** Chance a matter rated solved and satisfied comes back anyway. */
  cameBack: number;
}

const UNITS: readonly UnitProfile[] = [
  { id: 101, name: '住建局', weight: 14, pSolved: 0.82, topIfSolved: 0.7, cameBack: 0.03 },
  { id: 102, name: '市场监管局', weight: 10, pSolved: 0.88, topIfSolved: 0.8, cameBack: 0.015 },
  { id: 103, name: '人社局', weight: 8, pSolved: 0.98, topIfSolved: 0.985, cameBack: 0.005 },
  { id: 104, name: '水务局', weight: 7, pSolved: 0.85, topIfSolved: 0.75, cameBack: 0.04 },
  { id: 105, name: '城管局', weight: 12, pSolved: 0.78, topIfSolved: 0.65, cameBack: 0.04 },
  { id: 106, name: '交通运输局', weight: 6, pSolved: 0.86, topIfSolved: 0.78, cameBack: 0.02 },
  { id: 107, name: '公安分局', weight: 5, pSolved: 0.9, topIfSolved: 0.85, cameBack: 0.01 },
  { id: 108, name: '教育局', weight: 5, pSolved: 0.9, topIfSolved: 0.8, cameBack: 0.01 },
  { id: 109, name: '卫健委', weight: 5, pSolved: 0.92, topIfSolved: 0.85, cameBack: 0.01 },
  { id: 110, name: '医保局', weight: 4, pSolved: 0.97, topIfSolved: 0.98, cameBack: 0.005 },
  { id: 111, name: '自然资源局', weight: 3, pSolved: 0.8, topIfSolved: 0.7, cameBack: 0.03 },
  { id: 112, name: '生态环境局', weight: 4, pSolved: 0.76, topIfSolved: 0.68, cameBack: 0.05 },
  { id: 113, name: '民政局', weight: 3, pSolved: 0.95, topIfSolved: 0.92, cameBack: 0.01 },
  { id: 114, name: '供电公司', weight: 4, pSolved: 0.88, topIfSolved: 0.8, cameBack: 0.04 },
  { id: 115, name: '北城街道', weight: 5, pSolved: 0.84, topIfSolved: 0.78, cameBack: 0.03 },
  { id: 116, name: '南城街道', weight: 5, pSolved: 0.86, topIfSolved: 0.8, cameBack: 0.03 },
  { id: 117, name: '东郊镇', weight: 3, pSolved: 0.74, topIfSolved: 0.75, cameBack: 0.04 },
  { id: 118, name: '西郊镇', weight: 3, pSolved: 0.83, topIfSolved: 0.9, cameBack: 0.02 },
  { id: 119, name: '税务局', weight: 3, pSolved: 0.97, topIfSolved: 0.97, cameBack: 0.005 },
  { id: 120, name: '不动产登记中心', weight: 3, pSolved: 0.9, topIfSolved: 0.88, cameBack: 0.01 },
];
/** Answers given on the spot by the centre itself. */
const ON_THE_SPOT: UnitProfile = {
  id: CENTRE,
  name: '政务服务中心（即时办结）',
  weight: 0,
  pSolved: 0.9,
  topIfSolved: 0.78,
  cameBack: 0.02,
};
/** Planted (too good): these units coach citizens to answer 非常满意. */
const COACHED_UNITS: ReadonlySet<number> = new Set([105, 112, 117]);
const EXCELLENT_UNITS = [103, 110];
const POOR_UNITS = [101, 111];

interface Agent {
  userId: number;
  unitIds: readonly number[];
  favourites: readonly string[];
}
const SECONDED_AGENT = 508;
const SECONDED_FROM = 107;

const OUTAGE_DAY = 12;
const OUTAGE_FROM = 10 * 60 + 10;
const OUTAGE_TO = 10 * 60 + 30;

// ---------------------------------------------------------------------------------------------
// Words.

const shortPraise = [
  '满意',
  '非常满意',
  '很满意',
  '好',
  '很好',
  '谢谢',
  '感谢',
  '好评',
  '满意。',
  '非常满意！',
  '挺好的',
  '谢谢！',
  '点赞',
];
const praiseBody = [
  '问题已解决',
  '问题已经解决了',
  '已经处理好了',
  '处理得很及时',
  '回复很及时',
  '办理速度很快',
  '工作人员态度很好',
  '工作人员很耐心',
  '效率很高',
  '答复很清楚',
  '解释得很清楚',
];
const praiseTail = ['', '，谢谢', '，感谢', '，非常感谢', '，辛苦了', '！', '，点赞', '，谢谢你们'];
const complaintBody = [
  '问题没有解决',
  '没有人联系我',
  '答复敷衍',
  '拖了很久才办',
  '还是老样子',
  '只是解释，没有解决问题',
  '对处理结果不满意',
  '推来推去',
];
const places = ['小区', '楼下', '路口', '菜市场', '学校门口', '村里', '单位附近', '公园'];
const things = ['路灯', '井盖', '垃圾', '噪音', '积水', '占道经营', '停车', '水管', '电梯', '绿化带'];
const agentNotesGood = [
  '市民表示满意',
  '市民表示问题已解决',
  '已回访，市民表示满意',
  '来电人对处理结果表示满意',
  '回访无异议',
  '市民对答复表示认可',
  '已回访，问题已解决，市民满意',
];
const agentNotesBad = ['市民表示问题未解决', '市民对处理结果不满意', '市民表示无人联系', '市民表示答复不合理'];
const waterWords = ['已经恢复供水了', '现在来水了', '水已经通了', '供水恢复了', '终于来水了'];
const waterTail = ['', '，谢谢', '，感谢', '！', '，希望以后停水提前通知'];

function isHappy(s: Satisfaction): boolean {
  return s === 'very_satisfied' || s === 'satisfied' || s === 'basically_satisfied';
}

export function generateSyntheticRatings(options: SyntheticOptions = {}): SyntheticRatings {
  const rng = createRng(options.seed ?? 20250301);
  const totalCases = options.cases ?? 5000;
  const unitById = new Map(UNITS.map((u) => [u.id, u]));
  const profile = (lead: number | null): UnitProfile => (lead === null ? ON_THE_SPOT : (unitById.get(lead) ?? ON_THE_SPOT));
  const unitWeights = UNITS.map((u) => [u.id, u.weight] as const);

  const agents: Agent[] = [501, 502, 503, 504, 505, 506, 507, SECONDED_AGENT].map((userId) => {
    const favs = rng.shuffle(agentNotesGood).slice(0, 2);
    return { userId, unitIds: userId === SECONDED_AGENT ? [CENTRE, SECONDED_FROM] : [CENTRE], favourites: favs };
  });
  const honestAgents = agents.filter((a) => a.userId !== SECONDED_AGENT);

  const officeMinute = (): number => (rng.chance(0.5) ? rng.int(8 * 60 + 30, 11 * 60 + 59) : rng.int(14 * 60 + 30, 17 * 60 + 59));
  /** A random office-hours instant on the first weekday at or after `day`. */
  const officeTime = (day: number): number => at(nextWeekday(day), officeMinute()) + rng.int(0, 59) * SECOND;

  // --- comments ------------------------------------------------------------------------------
  const freeText = (happy: boolean): string =>
    happy
      ? `${rng.pick(places)}${rng.int(1, 40)}号楼${rng.pick(things)}的问题${rng.pick(['已经', '终于', '总算'])}${rng.pick(['修好了', '处理了', '解决了'])}${rng.pick(praiseTail)}`
      : `${rng.pick(places)}${rng.pick(things)}的问题${rng.pick(['还没修', '还是没人管', '依旧存在'])}，${rng.pick(['希望尽快处理', '请再派人看看', '很失望'])}`;
  const citizenComment = (s: Satisfaction, topic: 'water' | null): string | null => {
    const happy = isHappy(s);
    if (!rng.chance(happy ? 0.3 : 0.6)) return null;
    if (happy && topic === 'water' && rng.chance(0.6)) return `${rng.pick(waterWords)}${rng.pick(waterTail)}`;
    if (!happy) return rng.chance(0.6) ? `${rng.pick(complaintBody)}${rng.pick(['', '。', '！', '，希望尽快处理'])}` : freeText(false);
    const r = rng.next();
    if (r < 0.45) return rng.pick(shortPraise);
    if (r < 0.85) return `${rng.pick(praiseBody)}${rng.pick(praiseTail)}`;
    return freeText(true);
  };
  const agentNote = (agent: Agent, s: Satisfaction, solved: boolean): string | null => {
    if (!isHappy(s) || !solved) return rng.chance(0.9) ? `${rng.pick(agentNotesBad)}${rng.chance(0.4) ? '，要求重新办理' : ''}` : null;
    if (!rng.chance(0.55)) return null;
    return rng.chance(0.7) ? rng.pick(agent.favourites) : rng.pick(agentNotesGood);
  };

  // --- honest outcome of one answer -----------------------------------------------------------
  const honestOutcome = (u: UnitProfile, trulySolved: boolean): { satisfaction: Satisfaction; solved: boolean; reopened: boolean } => {
    if (COACHED_UNITS.has(u.id)) {
      // Planted (too good): the unit tells citizens to answer 非常满意 and solved, whatever happened.
      const satisfaction: Satisfaction = rng.chance(0.97) ? 'very_satisfied' : 'satisfied';
      return { satisfaction, solved: true, reopened: trulySolved ? rng.chance(u.cameBack) : rng.chance(0.7) };
    }
    let satisfaction: Satisfaction;
    let solved: boolean;
    if (trulySolved) {
      satisfaction = rng.chance(u.topIfSolved)
        ? 'very_satisfied'
        : rng.weighted([
            ['satisfied', 0.7],
            ['basically_satisfied', 0.25],
            ['dissatisfied', 0.05],
          ] as const);
      solved = rng.chance(0.98);
    } else {
      satisfaction = rng.weighted([
        ['very_satisfied', 0.04],
        ['satisfied', 0.1],
        ['basically_satisfied', 0.26],
        ['dissatisfied', 0.38],
        ['very_dissatisfied', 0.22],
      ] as const);
      solved = rng.chance(0.15);
    }
    const unhappy = !solved || !isHappy(satisfaction);
    // The supervisor reopens most unhappy answers; a matter accepted though unsolved may come back.
    const reopened = unhappy ? rng.chance(0.85) : trulySolved ? rng.chance(u.cameBack) : rng.chance(0.3);
    return { satisfaction, solved, reopened };
  };

  // --- the cases ------------------------------------------------------------------------------
  type Plan = 'phone' | 'sms_link' | 'web' | 'window';
  interface Draft {
    caseId: number;
    lead: number | null;
    replyAt: number;
    trulySolved: boolean;
    plan: Plan;
    topic: 'water' | null;
  }
  const dispatchedPlan = (): Plan =>
    rng.weighted([
      ['phone', 0.66],
      ['sms_link', 0.26],
      ['web', 0.08],
    ] as const);
  const replyDay = (weekendWeight: number): number => {
    for (;;) {
      const d = rng.int(0, REPLY_DAYS - 1);
      if (!isWeekend(d) || rng.chance(weekendWeight)) return d;
    }
  };
  const drafts: Draft[] = [];
  const waterCut: number[] = [];
  const waterCutCases = 45;
  for (let i = 0; i < totalCases; i++) {
    const caseId = 880_001 + i;
    if (i >= totalCases - waterCutCases) {
      // A water cut in one district: a cluster of cases for the water bureau over two days.
      const lead = 104;
      drafts.push({
        caseId,
        lead,
        replyAt: officeTime(rng.int(16, 17)),
        trulySolved: rng.chance(0.93),
        plan: dispatchedPlan(),
        topic: 'water',
      });
      waterCut.push(caseId);
      continue;
    }
    const r = rng.next();
    if (r < 0.12) {
      // Served at a window and answered there.
      const replyAt = at(replyDay(0), officeMinute()) + rng.int(0, 59) * SECOND;
      drafts.push({
        caseId,
        lead: null,
        replyAt,
        trulySolved: rng.chance(ON_THE_SPOT.pSolved),
        plan: rng.chance(0.85) ? 'window' : 'sms_link',
        topic: null,
      });
    } else if (r < 0.33) {
      // Answered on the hotline during the call.
      const replyAt = at(replyDay(0.7), rng.int(7 * 60, 21 * 60 + 59)) + rng.int(0, 59) * SECOND;
      drafts.push({
        caseId,
        lead: null,
        replyAt,
        trulySolved: rng.chance(ON_THE_SPOT.pSolved),
        plan: rng.chance(0.7) ? 'phone' : 'sms_link',
        topic: null,
      });
    } else {
      const lead = rng.weighted(unitWeights);
      const d = rng.chance(0.1) ? rng.int(0, REPLY_DAYS - 1) : replyDay(0);
      drafts.push({
        caseId,
        lead,
        replyAt: at(d, officeMinute()) + rng.int(0, 59) * SECOND,
        trulySolved: rng.chance(profile(lead).pSolved),
        plan: dispatchedPlan(),
        topic: null,
      });
    }
  }

  // --- planting -------------------------------------------------------------------------------
  const coachedUnits = COACHED_UNITS;
  const plantedIds = new Set<number>();
  const planted: PlantedIncident[] = [];
  const records: RatingRecord[] = [];
  const candidates = (pred: (d: Draft) => boolean): Draft[] =>
    drafts.filter((d) => !plantedIds.has(d.caseId) && (d.lead === null || !coachedUnits.has(d.lead)) && pred(d));
  const take = (pool: Draft[], n: number): Draft[] => {
    const chosen = rng.shuffle(pool).slice(0, n);
    for (const d of chosen) plantedIds.add(d.caseId);
    return chosen;
  };
  const fakeReopened = (d: Draft): boolean => (d.trulySolved ? rng.chance(profile(d.lead).cameBack) : rng.chance(0.7));
  const push = (d: Draft, r: Omit<RatingRecord, 'caseId' | 'leadUnitId'>): void => {
    records.push({ caseId: d.caseId, leadUnitId: d.lead, ...r });
  };

  // 1. A member of the lead unit records the follow-up of the unit's own cases, calmly, over days.
  const selfRaters = [
    { userId: 601, unitIds: [101] },
    { userId: 602, unitIds: [104] },
    { userId: 603, unitIds: [108] },
    { userId: 604, unitIds: [114] },
    { userId: 605, unitIds: [116, 115] },
  ];
  for (const rater of selfRaters) {
    const unitId = rater.unitIds[0] as number;
    const chosen = take(
      candidates((d) => d.lead === unitId && d.plan === 'phone' && d.topic === null),
      rng.int(6, 20),
    );
    for (const d of chosen) {
      const ratedAt = officeTime(dayOf(d.replyAt) + rng.int(1, 3));
      push(d, {
        ratedAt: new Date(ratedAt),
        recordedBy: rater,
        channel: 'phone',
        satisfaction: rng.chance(0.9) ? 'very_satisfied' : 'satisfied',
        solved: true,
        comment: rng.chance(0.4) ? rng.pick(['群众表示满意', '已电话回访，群众满意', '群众对办理结果满意']) : null,
        repliedAt: new Date(d.replyAt),
        reopened: fakeReopened(d),
      });
    }
    planted.push({
      kind: 'rated_by_handling_unit',
      caseIds: chosen.map((d) => d.caseId),
      unitId,
      userId: rater.userId,
      note: `account ${rater.userId} of unit ${unitId} rates its own unit's answers`,
    });
  }

  // 2. An agent keys in a stack of 非常满意 without calling anyone: 8-35 seconds a rating.
  const burstDays = rng
    .shuffle([3, 4, 5, 6, 7, 10, 11, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27].filter((d) => d !== OUTAGE_DAY))
    .slice(0, 5);
  for (const day of burstDays) {
    const agent = rng.pick(honestAgents);
    const chosen = take(
      candidates((d) => d.plan === 'phone' && d.topic === null && d.replyAt < at(day, 0) && d.replyAt >= at(day - 4, 0)),
      rng.int(10, 30),
    );
    let t = at(day, rng.pick([11 * 60 + 35, 17 * 60 + 5, 17 * 60 + 20]) + rng.int(0, 10)) + rng.int(0, 59) * SECOND;
    for (const d of chosen) {
      t += rng.int(8, 35) * SECOND;
      push(d, {
        ratedAt: new Date(t),
        recordedBy: { userId: agent.userId, unitIds: agent.unitIds },
        channel: 'phone',
        satisfaction: rng.chance(0.85) ? 'very_satisfied' : 'satisfied',
        solved: true,
        comment: rng.chance(0.3) ? rng.pick(agent.favourites) : null,
        repliedAt: new Date(d.replyAt),
        reopened: fakeReopened(d),
      });
    }
    planted.push({
      kind: 'burst_by_one_account',
      caseIds: chosen.map((d) => d.caseId),
      userId: agent.userId,
      note: `agent ${agent.userId} keys in ${chosen.length} ratings in minutes on day ${day}`,
    });
  }

  // 3. Ratings saved before the answer went out (backfilled at the unit's request, or the handler
  //    filling in the citizen's link), and one batch for answers never sent.
  const beforeReplyUnits = [102, 106, 111, 113, 120];
  beforeReplyUnits.forEach((unitId, k) => {
    const chosen = take(
      candidates((d) => d.lead === unitId && d.topic === null),
      rng.int(4, 12),
    );
    const agent = rng.pick(honestAgents);
    for (const d of chosen) {
      const viaLink = k === 3;
      const neverReplied = k === 4;
      const ratedAt = viaLink ? d.replyAt - rng.int(60, 48 * 60) * MINUTE : d.replyAt - rng.int(120, 72 * 60) * MINUTE;
      push(d, {
        ratedAt: new Date(ratedAt),
        recordedBy: viaLink ? null : { userId: agent.userId, unitIds: agent.unitIds },
        channel: viaLink ? 'sms_link' : 'phone',
        satisfaction: 'very_satisfied',
        solved: true,
        comment: null,
        repliedAt: neverReplied ? null : new Date(d.replyAt),
        reopened: fakeReopened(d),
      });
    }
    const how = k === 3 ? 'through the citizen link' : k === 4 ? 'for answers never sent' : `by agent ${agent.userId}`;
    planted.push({
      kind: 'rated_before_reply',
      caseIds: chosen.map((d) => d.caseId),
      unitId,
      note: `unit ${unitId}: ratings saved ${how} before the reply`,
    });
  });

  // 5. A unit hands citizens the text to paste (or pays for it): one template, typed variously.
  const templates: readonly (readonly [number, string])[] = [
    [107, '感谢公安分局民警同志，办事效率高，服务态度好，非常满意！'],
    [109, '卫健委工作人员认真负责，耐心解答，为你们点赞！'],
    [115, '北城街道干部真心为民办实事，问题解决得又快又好。'],
    [118, '为政府点赞，为人民服务的好干部！'],
    [119, '税务局服务热情周到，流程简便快捷，给五星好评'],
  ];
  const retype = (text: string): string => {
    let s = text
      .replace(/，/g, () => rng.pick(['，', '，', ',', ' ', '、']))
      .replace(/！/g, () => rng.pick(['！', '!', '', '!!']))
      .replace(/。/g, () => rng.pick(['。', '', '.']));
    if (rng.chance(0.15)) s = ` ${s}`;
    if (rng.chance(0.15)) s = `${s} `;
    return s;
  };
  for (const [unitId, template] of templates) {
    const chosen = take(
      candidates((d) => d.lead === unitId && d.topic === null),
      rng.int(8, 30),
    );
    for (const d of chosen) {
      const ratedAt = at(dayOf(d.replyAt) + 1, 600) + Math.min(rng.logNormal(35 * MINUTE, 1.6), 72 * HOUR);
      push(d, {
        ratedAt: new Date(Math.max(ratedAt, d.replyAt + MINUTE)),
        recordedBy: null,
        channel: 'sms_link',
        satisfaction: 'very_satisfied',
        solved: true,
        comment: retype(template),
        repliedAt: new Date(d.replyAt),
        reopened: fakeReopened(d),
      });
    }
    planted.push({
      kind: 'same_comment',
      caseIds: chosen.map((d) => d.caseId),
      unitId,
      note: `unit ${unitId}: ${chosen.length} ratings with one pasted text`,
    });
  }

  // --- the honest follow-up -------------------------------------------------------------------
  interface Task {
    draft: Draft;
    round: 1 | 2;
    replyAt: number;
    lead: number | null;
    trulySolved: boolean;
    attempts: number;
    eligibleDay: number;
  }
  const phoneQueue: Task[] = [];
  const seconded: number[] = [];
  const outage: number[] = [];

  const record = (task: Task, ratedAt: number, channel: Plan, agent: Agent | null): void => {
    const o = honestOutcome(profile(task.lead), task.trulySolved);
    const comment = agent ? agentNote(agent, o.satisfaction, o.solved) : citizenComment(o.satisfaction, task.draft.topic);
    records.push({
      caseId: task.draft.caseId,
      ratedAt: new Date(ratedAt),
      recordedBy: agent ? { userId: agent.userId, unitIds: agent.unitIds } : null,
      channel,
      satisfaction: o.satisfaction,
      solved: o.solved,
      comment,
      repliedAt: new Date(task.replyAt),
      leadUnitId: task.lead,
      reopened: o.reopened,
    });
    if (agent?.userId === SECONDED_AGENT && task.lead !== null && agent.unitIds.includes(task.lead)) seconded.push(task.draft.caseId);
    if (o.reopened && task.round === 1) {
      // Reopened: back to the lead unit (an on-the-spot answer is dispatched now) and answered again.
      const lead = task.lead ?? rng.weighted(unitWeights);
      const replyAt = Math.max(officeTime(dayOf(ratedAt) + rng.int(2, 8)), ratedAt + HOUR);
      const u = profile(lead);
      follow(
        { draft: task.draft, round: 2, replyAt, lead, trulySolved: rng.chance(1 - (1 - u.pSolved) * 0.6), attempts: 0, eligibleDay: 0 },
        dispatchedPlan(),
      );
    }
  };
  const smsRatedAt = (replyAt: number): number => {
    const batch = at(dayOf(replyAt) + 1, 600);
    return batch + Math.min(rng.logNormal(35 * MINUTE, 1.6), 72 * HOUR) + rng.int(0, 59) * SECOND;
  };
  const follow = (task: Task, plan: Plan): void => {
    switch (plan) {
      case 'phone':
        phoneQueue.push({ ...task, eligibleDay: dayOf(task.replyAt) + 1 });
        return;
      case 'sms_link':
        record(task, smsRatedAt(task.replyAt), 'sms_link', null);
        return;
      case 'web':
        record(task, task.replyAt + Math.max(rng.logNormal(5 * HOUR, 1.1), 10 * MINUTE), 'web', null);
        return;
      case 'window':
        record(task, task.replyAt + rng.int(40, 300) * SECOND, 'window', null);
        return;
    }
  };
  for (const d of drafts) {
    if (plantedIds.has(d.caseId)) continue;
    follow({ draft: d, round: 1, replyAt: d.replyAt, lead: d.lead, trulySolved: d.trulySolved, attempts: 0, eligibleDay: 0 }, d.plan);
  }

  // Each working day the agents on duty share the queue and call it down in one sitting.
  for (let day = 0; phoneQueue.length > 0 && day < 120; day++) {
    if (isWeekend(day)) continue;
    const due = phoneQueue.filter((t) => t.eligibleDay <= day).sort((a, b) => a.replyAt - b.replyAt || a.draft.caseId - b.draft.caseId);
    if (due.length === 0) continue;
    const rest = phoneQueue.filter((t) => t.eligibleDay > day);
    phoneQueue.length = 0;
    phoneQueue.push(...rest);
    const onDuty = rng.shuffle(agents).slice(0, rng.int(4, 5));
    const lists: Task[][] = onDuty.map(() => []);
    due.forEach((t, i) => lists[i % onDuty.length]?.push(t));
    onDuty.forEach((agent, k) => {
      let t = at(day, 9 * 60 + rng.int(0, 40)) + rng.int(0, 59) * SECOND;
      const paperNotes: { task: Task; at: number }[] = [];
      const flushNotes = (): void => {
        // After the outage, the agent keys in what was noted on paper: 15-35 s an entry.
        for (const n of paperNotes) {
          t += rng.int(15, 35) * SECOND;
          record(n.task, t, 'phone', agent);
          outage.push(n.task.draft.caseId);
        }
        paperNotes.length = 0;
      };
      for (const task of lists[k] ?? []) {
        if (t > at(day, 17 * 60 + 30)) {
          phoneQueue.push({ ...task, eligibleDay: day + 1 });
          continue;
        }
        if (t > at(day, 11 * 60 + 50) && t < at(day, 14 * 60 + 30)) t = at(day, 14 * 60 + 30) + rng.int(0, 600) * SECOND;
        if (rng.chance(0.25)) {
          t += rng.int(25, 50) * SECOND;
          const attempts = task.attempts + 1;
          if (attempts >= 3) follow({ ...task, attempts }, 'sms_link');
          else phoneQueue.push({ ...task, attempts, eligibleDay: day + 1 });
          continue;
        }
        t += (50 + rng.logNormal(75, 0.45) + rng.int(10, 30)) * SECOND;
        t = Math.round(t);
        if (day === OUTAGE_DAY && t >= at(day, OUTAGE_FROM) && t < at(day, OUTAGE_TO)) {
          paperNotes.push({ task, at: t });
        } else {
          if (paperNotes.length > 0) flushNotes();
          record(task, t, 'phone', agent);
        }
        if (rng.chance(0.06)) t += rng.int(3, 15) * MINUTE;
      }
      if (paperNotes.length > 0) {
        t = Math.max(t, at(day, OUTAGE_TO));
        flushNotes();
      }
    });
  }

  // Every case rated in a coached unit is part of that plant, whichever round reached it.
  for (const unitId of coachedUnits) {
    const ids = [...new Set(records.filter((r) => r.leadUnitId === unitId).map((r) => r.caseId))].sort((a, b) => a - b);
    for (const id of ids) plantedIds.add(id);
    planted.push({ kind: 'too_good_with_reopens', caseIds: ids, unitId, note: `unit ${unitId} coaches citizens to answer 非常满意` });
  }
  for (const p of planted) p.caseIds.sort((a, b) => a - b);

  const casesOf = (pred: (r: RatingRecord) => boolean): number[] =>
    [...new Set(records.filter(pred).map((r) => r.caseId))].filter((id) => !plantedIds.has(id)).sort((a, b) => a - b);
  const honestOnly = (ids: readonly number[]): number[] => [...new Set(ids)].filter((id) => !plantedIds.has(id)).sort((a, b) => a - b);
  const honestNoise: HonestNoise[] = [
    {
      label: 'excellent_unit',
      caseIds: casesOf((r) => r.leadUnitId !== null && EXCELLENT_UNITS.includes(r.leadUnitId)),
      note: `units ${EXCELLENT_UNITS.join(', ')}: nearly all 非常满意, few reopens`,
    },
    {
      label: 'poor_unit',
      caseIds: casesOf((r) => r.leadUnitId !== null && POOR_UNITS.includes(r.leadUnitId)),
      note: `units ${POOR_UNITS.join(', ')}: many reopens, honest grades`,
    },
    {
      label: 'seconded_agent',
      caseIds: honestOnly(seconded),
      note: `agent ${SECONDED_AGENT}, seconded from unit ${SECONDED_FROM}, rating that unit's answers`,
    },
    {
      label: 'outage_catch_up',
      caseIds: honestOnly(outage),
      note: `calls noted on paper during a 20-minute outage on day ${OUTAGE_DAY}, keyed in afterwards`,
    },
    { label: 'water_cut_comments', caseIds: honestOnly(waterCut), note: 'a water cut: a cluster of similar comments for unit 104' },
  ];

  records.sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime() || a.caseId - b.caseId);
  return {
    records,
    planted,
    honestNoise,
    units: [{ id: CENTRE, name: ON_THE_SPOT.name }, ...UNITS.map((u) => ({ id: u.id, name: u.name }))],
  };
}

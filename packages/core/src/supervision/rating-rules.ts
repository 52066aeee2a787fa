import { isSatisfied } from '../case/vocabulary.ts';
import {
  MINUTE_MS,
  binomialTail,
  byTime,
  checkConfig,
  groupBy,
  iso,
  normaliseComment,
  percent,
  round,
  sortFlags,
  timeSpan,
  uniqueSorted,
  withIds,
  type SortKey,
} from './rating-helpers.ts';
import { defaultRatingRuleConfig, type RatingFlag, type RatingRecord, type RatingRuleConfig } from './rating-records.ts';

export * from './rating-records.ts';
export { binomialTail, normaliseComment } from './rating-helpers.ts';

// ---------------------------------------------------------------------------------------------
// 1. Rated by the handling unit.

/**
 * Ratings recorded by an account that belongs to the lead unit of the rated answer: the unit
 * judged its own work. One flag per (account, unit).
 *
 * Rationale: the follow-up visit exists so that someone other than the handler asks the citizen.
 * A unit that records its own follow-ups can write down any grade.
 *
 * Needs the recorder's units at the time of the rating (a member who moved away since is not a
 * member then; a newcomer was not one before).
 *
 * Known false positives: staff seconded (借调) to the centre's follow-up team who still belong
 * to their home unit and are given its cases in the normal rota (the flag is still right about
 * the conflict of interest: give those cases to another agent); a centre that is itself the
 * lead unit of a case (e.g. a complaint about its own window) and has its own team follow it
 * up. Not covered: assisting units (协办), and answers given on the spot (no lead unit), where the
 * centre answers and rates alike by design.
 */
export function flagRatedByHandlingUnit(records: readonly RatingRecord[]): RatingFlag[] {
  const own = records.filter((r) => r.recordedBy !== null && r.leadUnitId !== null && r.recordedBy.unitIds.includes(r.leadUnitId));
  const groups = groupBy(own, (r) => `${r.recordedBy?.userId ?? ''}|${r.leadUnitId}`);
  const keyed = [...groups.values()].map((rs) => {
    const first = rs[0] as RatingRecord;
    const unitId = first.leadUnitId as number;
    const userId = first.recordedBy?.userId ?? null;
    const caseIds = uniqueSorted(rs.map((r) => r.caseId));
    const who =
      userId === null ? { zh: '无账号记录的录入', en: 'Entries without an account' } : { zh: `账号 ${userId}`, en: `Account ${userId}` };
    const flag = withIds(
      {
        kind: 'rated_by_handling_unit' as const,
        caseIds,
        evidence: {
          ratings: rs.length,
          cases: caseIds.length,
          recorderUnitIds: uniqueSorted(rs.flatMap((r) => [...(r.recordedBy?.unitIds ?? [])])),
          verySatisfied: rs.filter((r) => r.satisfaction === 'very_satisfied').length,
          ...timeSpan(rs),
        },
        summary: {
          zh: `承办单位 ${unitId} 的${who.zh}为本单位的答复录入了 ${caseIds.length} 件回访评价`,
          en: `${who.en}, a member of lead unit ${unitId}, recorded the follow-up rating of ${caseIds.length} of its own unit's answers`,
        },
      },
      unitId,
      userId,
    );
    return { flag, key: [unitId, userId ?? -1] as SortKey };
  });
  return sortFlags(keyed);
}

// ---------------------------------------------------------------------------------------------
// 2. Bursts by one account.

/**
 * Many ratings saved by one staff account within minutes: more than anyone can ask by phone,
 * so they were most likely keyed in without calling. A sliding window over each account's
 * ratings; every rating inside a window holding `burstCount` or more belongs to the burst, and
 * overlapping windows make one flag. Citizens' own ratings (through the link, the tracking page,
 * the window pad) are left out: many citizens answering the same SMS batch at once is normal.
 *
 * Known false positives: results noted on paper (during a system outage, on a field visit, from
 * paper slips at a window) and keyed in afterwards in one go; an account shared by several
 * agents. Known misses: a faker who paces the entries (one a minute) stays below the rule;
 * the call log of the phone system (a call of a plausible length to the requester's number
 * before each phone rating) would catch that and is the better evidence when available.
 */
export function flagBursts(records: readonly RatingRecord[], config: RatingRuleConfig = defaultRatingRuleConfig): RatingFlag[] {
  checkConfig(config);
  const windowMs = config.burstWindowMinutes * MINUTE_MS;
  const byAccount = groupBy(records, (r) => r.recordedBy?.userId ?? undefined);
  const keyed: { flag: RatingFlag; key: SortKey }[] = [];
  for (const [userId, unsorted] of byAccount) {
    const rs = [...unsorted].sort(byTime);
    const t = rs.map((r) => r.ratedAt.getTime());
    // Runs of indexes [start, end) covered by windows that hold at least burstCount ratings.
    const runs: { start: number; end: number; maxInWindow: number }[] = [];
    let hi = 0;
    for (let i = 0; i < rs.length; i++) {
      if (hi < i) hi = i;
      while (hi < rs.length && (t[hi] as number) - (t[i] as number) <= windowMs) hi++;
      const inWindow = hi - i;
      if (inWindow < config.burstCount) continue;
      const last = runs[runs.length - 1];
      if (last && i < last.end) {
        last.end = Math.max(last.end, hi);
        last.maxInWindow = Math.max(last.maxInWindow, inWindow);
      } else runs.push({ start: i, end: hi, maxInWindow: inWindow });
    }
    for (const run of runs) {
      const burst = rs.slice(run.start, run.end);
      const times = t.slice(run.start, run.end);
      const gaps = times
        .slice(1)
        .map((x, k) => (x - (times[k] as number)) / 1000)
        .sort((a, b) => a - b);
      const median =
        gaps.length === 0
          ? 0
          : gaps.length % 2 === 1
            ? (gaps[(gaps.length - 1) / 2] as number)
            : ((gaps[gaps.length / 2 - 1] as number) + (gaps[gaps.length / 2] as number)) / 2;
      const spanMinutes = round(((times[times.length - 1] as number) - (times[0] as number)) / MINUTE_MS, 1);
      const caseIds = uniqueSorted(burst.map((r) => r.caseId));
      const flag = withIds(
        {
          kind: 'burst_by_one_account' as const,
          caseIds,
          evidence: {
            ratings: burst.length,
            maxInWindow: run.maxInWindow,
            windowMinutes: config.burstWindowMinutes,
            spanMinutes,
            medianGapSeconds: round(median, 1),
            ...timeSpan(burst),
            accountUnitIds: uniqueSorted(burst.flatMap((r) => [...(r.recordedBy?.unitIds ?? [])])),
            verySatisfied: burst.filter((r) => r.satisfaction === 'very_satisfied').length,
          },
          summary: {
            zh: `账号 ${userId} 在 ${spanMinutes} 分钟内录入 ${burst.length} 条回访评价（任意 ${config.burstWindowMinutes} 分钟内最多 ${run.maxInWindow} 条，中位间隔 ${round(median, 0)} 秒）`,
            en: `Account ${userId} recorded ${burst.length} ratings in ${spanMinutes} minutes (up to ${run.maxInWindow} within ${config.burstWindowMinutes} minutes, median gap ${round(median, 0)} s)`,
          },
        },
        null,
        userId,
      );
      keyed.push({ flag, key: [userId, times[0] as number] });
    }
  }
  return sortFlags(keyed);
}

// ---------------------------------------------------------------------------------------------
// 3. Rated before the reply.

/**
 * A rating saved before the answer it judges was sent, or for an answer that is not on record:
 * the citizen cannot have judged it. One flag per (recorder, lead unit); the recorder is the
 * account, or "the citizen's link" when no account keyed it in.
 *
 * The case workflow only accepts a follow-up on a replied case, so ratings entered through it
 * cannot trip this rule; it guards ratings that come in another way (imported from a hotline or
 * 好差评 platform, backfilled, edited in the database) and data of systems that do not enforce it.
 *
 * Needs, per rating, the time of the answer that rating judges: a reopened case has several
 * answers, and comparing its first rating with its last answer would be a false positive.
 * Known false positives: clocks of an importing system set wrong; a reply whose sending time is
 * recorded late (keyed in after it was given by phone).
 */
export function flagRatedBeforeReply(records: readonly RatingRecord[]): RatingFlag[] {
  const early = records.filter((r) => r.repliedAt === null || r.ratedAt.getTime() < r.repliedAt.getTime());
  const recorderKey = (r: RatingRecord): string =>
    r.recordedBy === null
      ? 'citizen'
      : r.recordedBy.userId !== null
        ? `user:${r.recordedBy.userId}`
        : `units:${[...r.recordedBy.unitIds].sort((a, b) => a - b).join(',')}`;
  const groups = groupBy(early, (r) => `${recorderKey(r)}|${r.leadUnitId ?? ''}`);
  const keyed = [...groups.values()].map((unsorted) => {
    const rs = [...unsorted].sort((a, b) => a.caseId - b.caseId || byTime(a, b));
    const first = rs[0] as RatingRecord;
    const unitId = first.leadUnitId;
    const userId = first.recordedBy?.userId ?? null;
    const caseIds = uniqueSorted(rs.map((r) => r.caseId));
    const neverReplied = rs.filter((r) => r.repliedAt === null).length;
    const byCitizenLink = first.recordedBy === null;
    const who = byCitizenLink
      ? { zh: '群众评价链接', en: "the citizen's own link" }
      : userId !== null
        ? { zh: `账号 ${userId}`, en: `account ${userId}` }
        : { zh: '无账号的录入', en: 'entries without an account' };
    const unitText =
      unitId === null
        ? { zh: '即时办结的答复', en: 'answers given on the spot' }
        : { zh: `单位 ${unitId} 的答复`, en: `answers of unit ${unitId}` };
    const flag = withIds(
      {
        kind: 'rated_before_reply' as const,
        caseIds,
        evidence: {
          ratings: rs.length,
          neverReplied,
          recordedBy: byCitizenLink ? 'citizen_link' : 'account',
          cases: rs.map((r) => ({
            caseId: r.caseId,
            ratedAt: iso(r.ratedAt.getTime()),
            repliedAt: r.repliedAt === null ? null : iso(r.repliedAt.getTime()),
            minutesBeforeReply: r.repliedAt === null ? null : round((r.repliedAt.getTime() - r.ratedAt.getTime()) / MINUTE_MS, 1),
          })),
        },
        summary: {
          zh: `${who.zh}为${unitText.zh}录入的 ${rs.length} 条评价早于答复发出${neverReplied > 0 ? `（其中 ${neverReplied} 条没有答复记录）` : ''}`,
          en: `${rs.length} ratings of ${unitText.en} recorded through ${who.en} before the reply was sent${neverReplied > 0 ? ` (${neverReplied} with no reply on record)` : ''}`,
        },
      },
      unitId,
      userId,
    );
    return { flag, key: [unitId ?? -1, byCitizenLink ? -2 : (userId ?? -1), recorderKey(first)] as SortKey };
  });
  return sortFlags(keyed);
}

// ---------------------------------------------------------------------------------------------
// 4. Too good, with reopens.

/**
 * A lead unit with a large sample whose ratings are nearly all 非常满意 while many of its matters
 * came back (reopened, or raised again by the requester). In an honest unit a matter that comes
 * back was mostly rated unhappy first, so top grades and returns exclude each other; a unit that
 * tells citizens what to answer gets the top grades without the solved matters. The cases in the
 * flag are the unit's ratings whose matter came back: the ones to call again.
 *
 * Shares are over rating records (a reopened case has one per answer).
 * Known false positives: matters that recur by nature (a streetlight that breaks again, seasonal
 * flooding) in a unit citizens genuinely like; a unit whose cases were reopened by the centre for
 * reasons other than the citizen (a reply sent back for form). Known misses: a unit that coaches
 * only part of its citizens stays below the share; a unit under the sample size.
 */
export function flagTooGoodWithReopens(records: readonly RatingRecord[], config: RatingRuleConfig = defaultRatingRuleConfig): RatingFlag[] {
  checkConfig(config);
  const byUnit = groupBy(records, (r) => r.leadUnitId ?? undefined);
  const keyed: { flag: RatingFlag; key: SortKey }[] = [];
  for (const [unitId, rs] of byUnit) {
    const sample = rs.length;
    if (sample < config.topGradeMinSample) continue;
    const top = rs.filter((r) => r.satisfaction === 'very_satisfied').length;
    const back = rs.filter((r) => r.reopened);
    const topShare = top / sample;
    const reopenRate = back.length / sample;
    if (topShare < config.topGradeShare || reopenRate <= config.reopenRateAbove) continue;
    const caseIds = uniqueSorted(back.map((r) => r.caseId));
    keyed.push({
      flag: withIds(
        {
          kind: 'too_good_with_reopens',
          caseIds,
          evidence: {
            sample,
            verySatisfied: top,
            topGradeShare: round(topShare),
            cameBack: back.length,
            reopenRate: round(reopenRate),
            verySatisfiedThenCameBack: back.filter((r) => r.satisfaction === 'very_satisfied').length,
            topGradeShareAtLeast: config.topGradeShare,
            reopenRateAbove: config.reopenRateAbove,
            ...timeSpan(rs),
          },
          summary: {
            zh: `单位 ${unitId}：${sample} 条评价中 ${percent(topShare)}% 为“非常满意”，但 ${percent(reopenRate)}% 的事项被重办或再次反映`,
            en: `Unit ${unitId}: ${percent(topShare)}% of ${sample} ratings are "very satisfied", yet ${percent(reopenRate)}% of the matters came back`,
          },
        },
        unitId,
        null,
      ),
      key: [unitId],
    });
  }
  return sortFlags(keyed);
}

// ---------------------------------------------------------------------------------------------
// 5. The same comment on many cases.

/**
 * The same comment text (after normalising) on many satisfied ratings of one lead unit, far
 * more often than that unit's share of the satisfied cases explains: a text handed out to
 * citizens or pasted by staff. Short comments (满意, 非常满意, 谢谢) are ignored; they are what
 * everybody writes. One flag per (text, unit).
 *
 * Only ratings counted as satisfied (基本满意 or better) are compared: faking is about praise, and
 * the agents' stock notes on unhappy answers ("市民表示问题未解决") rightly pile up on the units
 * that do poorly. The concentration test is what separates a planted text from the stock
 * phrases that citizens and, above all, the follow-up agents write on every unit's cases
 * ("市民表示满意", "问题已解决，谢谢"); it is a binomial tail, so a handful of cases falling on
 * a big unit by chance is not enough. It needs the whole region's ratings as the baseline: run on
 * one unit's ratings alone, nothing is concentrated and nothing is flagged.
 *
 * Known false positives: one event behind many cases of one unit (a water cut, a closed road)
 * can make citizens write the same sentence; a unit-specific phrase every citizen of that unit
 * uses ("证已经拿到了"). Known misses: a template varied by hand, or spread over several units;
 * identical bad comments (a campaign against a unit), which go through the unit's appeal
 * (申诉复核) instead.
 */
export function flagSameComments(records: readonly RatingRecord[], config: RatingRuleConfig = defaultRatingRuleConfig): RatingFlag[] {
  checkConfig(config);
  const unitKey = (r: RatingRecord): string => (r.leadUnitId === null ? 'spot' : String(r.leadUnitId));
  const satisfied = records.filter((r) => isSatisfied(r.satisfaction));
  const allCases = new Set(satisfied.map((r) => r.caseId)).size;
  const casesOfUnit = new Map<string, Set<number>>();
  for (const r of satisfied) {
    const k = unitKey(r);
    const set = casesOfUnit.get(k) ?? new Set<number>();
    set.add(r.caseId);
    casesOfUnit.set(k, set);
  }
  const withText = satisfied.flatMap((r) => {
    if (r.comment === null) return [];
    const text = normaliseComment(r.comment);
    return [...text].length >= config.sameCommentMinLength ? [{ r, text }] : [];
  });
  const byText = groupBy(withText, (x) => x.text);
  const keyed: { flag: RatingFlag; key: SortKey }[] = [];
  for (const [text, items] of byText) {
    const textCases = new Set(items.map((x) => x.r.caseId)).size;
    if (textCases < config.sameCommentMinCases) continue;
    const byUnit = groupBy(items, (x) => unitKey(x.r));
    for (const [k, unitItems] of byUnit) {
      const caseIds = uniqueSorted(unitItems.map((x) => x.r.caseId));
      if (caseIds.length < config.sameCommentMinCases) continue;
      const shareOfAll = (casesOfUnit.get(k)?.size ?? 0) / allCases;
      const chance = binomialTail(textCases, caseIds.length, shareOfAll);
      if (chance > config.sameCommentMaxChance) continue;
      const shareOfText = caseIds.length / textCases;
      // The most frequent way it was typed, for the supervisor to recognise (ties: the smallest).
      const typed = new Map<string, number>();
      for (const x of unitItems) typed.set((x.r.comment ?? '').trim(), (typed.get((x.r.comment ?? '').trim()) ?? 0) + 1);
      const example = [...typed.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0] ?? text;
      const unitId = k === 'spot' ? null : Number(k);
      const rs = unitItems.map((x) => x.r);
      const unitText =
        unitId === null ? { zh: '即时办结', en: 'answers given on the spot' } : { zh: `单位 ${unitId}`, en: `unit ${unitId}` };
      keyed.push({
        flag: withIds(
          {
            kind: 'same_comment',
            caseIds,
            evidence: {
              text,
              example,
              spellings: typed.size,
              cases: caseIds.length,
              casesWithTextAllUnits: textCases,
              unitsWithText: byUnit.size,
              unitShareOfText: round(shareOfText),
              unitShareOfSatisfiedCases: round(shareOfAll),
              lift: round(shareOfText / shareOfAll, 2),
              chance: Number(chance.toPrecision(3)),
              byCitizens: rs.filter((r) => r.recordedBy === null).length,
              byAccounts: rs.filter((r) => r.recordedBy !== null).length,
              ...timeSpan(rs),
            },
            summary: {
              zh: `${unitText.zh}的 ${caseIds.length} 件满意评价内容相同：“${example}”（全部单位共 ${textCases} 件，该单位占满意件的 ${percent(shareOfAll)}%，却占此内容的 ${percent(shareOfText)}%）`,
              en: `${caseIds.length} satisfied cases of ${unitText.en} carry the same comment "${example}" (${textCases} cases in all units; the unit has ${percent(shareOfAll)}% of satisfied cases but ${percent(shareOfText)}% of this text)`,
            },
          },
          unitId,
          null,
        ),
        key: [unitId ?? -1, text],
      });
    }
  }
  return sortFlags(keyed);
}

// ---------------------------------------------------------------------------------------------

/**
 * Every rule over the same records, in the order of `ratingFlagKinds`, each rule's flags in a
 * fixed order (unit, account, first case), so the output does not depend on the input order.
 */
export function flagRatings(records: readonly RatingRecord[], config: RatingRuleConfig = defaultRatingRuleConfig): RatingFlag[] {
  checkConfig(config);
  return [
    ...flagRatedByHandlingUnit(records),
    ...flagBursts(records, config),
    ...flagRatedBeforeReply(records),
    ...flagTooGoodWithReopens(records, config),
    ...flagSameComments(records, config),
  ];
}

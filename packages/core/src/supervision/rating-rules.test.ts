import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { satisfactionLevels, type Satisfaction } from '../case/vocabulary.ts';
import {
  binomialTail,
  defaultRatingRuleConfig,
  flagBursts,
  flagRatedBeforeReply,
  flagRatedByHandlingUnit,
  flagRatings,
  flagSameComments,
  flagTooGoodWithReopens,
  normaliseComment,
  ratingFlagKinds,
  type RatingFlag,
  type RatingRecord,
} from './rating-rules.ts';

const T0 = Date.UTC(2025, 2, 3, 1, 0, 0); // 09:00 Beijing, a Monday
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

function rec(over: Partial<RatingRecord> & { caseId: number }): RatingRecord {
  return {
    ratedAt: new Date(T0),
    recordedBy: null,
    channel: 'sms_link',
    satisfaction: 'very_satisfied',
    solved: true,
    comment: null,
    repliedAt: new Date(T0 - 20 * HOUR),
    leadUnitId: 10,
    reopened: false,
    ...over,
  };
}

const agent = (userId: number, unitIds: readonly number[] = [1]) => ({ userId, unitIds });

/** Ratings by one account at the given gaps (seconds) from T0. */
function paced(userId: number, firstCase: number, gapsSeconds: readonly number[]): RatingRecord[] {
  let t = T0;
  return gapsSeconds.map((g, i) => {
    t += g * SEC;
    return rec({ caseId: firstCase + i, ratedAt: new Date(t), recordedBy: agent(userId), channel: 'phone' });
  });
}

/** A background of honest ratings: `perUnit` cases for each of units 11..30, no comment. */
function background(perUnit: number, startCase = 100_000): RatingRecord[] {
  const out: RatingRecord[] = [];
  for (let u = 11; u <= 30; u++) for (let i = 0; i < perUnit; i++) out.push(rec({ caseId: startCase + u * 1000 + i, leadUnitId: u }));
  return out;
}

describe('rated by the handling unit', () => {
  it('flags a member of the lead unit rating its answers, one flag per account and unit', () => {
    const records = [
      rec({ caseId: 1, recordedBy: agent(7, [10]), channel: 'phone' }),
      rec({ caseId: 2, recordedBy: agent(7, [10]), channel: 'phone' }),
      rec({ caseId: 3, recordedBy: agent(8, [3, 12]), channel: 'phone', leadUnitId: 12 }),
      rec({ caseId: 4, recordedBy: agent(7, [10]), channel: 'phone', leadUnitId: 11 }),
    ];
    const flags = flagRatedByHandlingUnit(records);
    expect(flags.map((f) => [f.unitId, f.userId, f.caseIds])).toEqual([
      [10, 7, [1, 2]],
      [12, 8, [3]],
    ]);
    expect(flags[0]?.evidence).toMatchObject({ ratings: 2, cases: 2, recorderUnitIds: [10] });
    expect(flags[0]?.summary.zh).toContain('承办单位 10');
  });

  it('does not flag the centre rating a unit, citizens rating themselves, or answers given on the spot', () => {
    const records = [
      rec({ caseId: 1, recordedBy: agent(501, [1]), channel: 'phone' }),
      rec({ caseId: 2, recordedBy: null }),
      rec({ caseId: 3, recordedBy: agent(501, [1]), channel: 'phone', leadUnitId: null }),
    ];
    expect(flagRatedByHandlingUnit(records)).toEqual([]);
  });

  it('flags entries with the unit but no account, without a userId', () => {
    const [flag] = flagRatedByHandlingUnit([rec({ caseId: 5, recordedBy: { userId: null, unitIds: [10] } })]);
    expect(flag?.unitId).toBe(10);
    expect(flag && 'userId' in flag).toBe(false);
  });
});

describe('bursts by one account', () => {
  it('flags ratings keyed in every 20 seconds', () => {
    const records = paced(
      501,
      1,
      Array.from({ length: 10 }, () => 20),
    );
    const flags = flagBursts(records);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'burst_by_one_account', userId: 501, caseIds: records.map((r) => r.caseId) });
    expect(flags[0]?.evidence).toMatchObject({ ratings: 10, maxInWindow: 10, windowMinutes: 5, medianGapSeconds: 20, spanMinutes: 3 });
  });

  it('does not flag an honest agent calling one citizen every 2-3 minutes all morning, nor a fast one every 90 s', () => {
    const honest = paced(
      501,
      1,
      Array.from({ length: 80 }, (_, i) => 120 + ((i * 37) % 61)),
    );
    const fast = paced(
      502,
      1000,
      Array.from({ length: 80 }, () => 90),
    );
    expect(flagBursts([...honest, ...fast])).toEqual([]);
  });

  it('leaves out citizens answering the same SMS batch within seconds', () => {
    const citizens = Array.from({ length: 40 }, (_, i) => rec({ caseId: i + 1, ratedAt: new Date(T0 + i * 3 * SEC) }));
    const noAccount = Array.from({ length: 40 }, (_, i) =>
      rec({ caseId: 100 + i, ratedAt: new Date(T0 + i * 3 * SEC), recordedBy: { userId: null, unitIds: [1] } }),
    );
    expect(flagBursts([...citizens, ...noAccount])).toEqual([]);
  });

  it('counts the window inclusively: burstCount ratings spanning exactly the window are a burst, one fewer is not', () => {
    const gap = (5 * 60) / 7; // 8 ratings, 7 gaps, 5 minutes in all
    const exact = paced(501, 1, [0, ...Array.from({ length: 7 }, () => gap)]);
    expect(flagBursts(exact)).toHaveLength(1);
    expect(flagBursts(exact.slice(0, 7))).toEqual([]);
    const over = paced(501, 1, [0, ...Array.from({ length: 7 }, () => gap + 0.01)]);
    expect(flagBursts(over)).toEqual([]);
  });

  it('makes one flag per separate burst and honours the configuration', () => {
    const morning = paced(
      501,
      1,
      Array.from({ length: 9 }, () => 15),
    );
    const evening = paced(501, 100, [8 * 3600, ...Array.from({ length: 8 }, () => 15)]);
    const flags = flagBursts([...evening, ...morning]);
    expect(flags.map((f) => f.caseIds[0])).toEqual([1, 100]);
    expect(flagBursts(morning, { ...defaultRatingRuleConfig, burstCount: 12 })).toEqual([]);
  });
});

describe('rated before the reply', () => {
  it('flags ratings saved before the answer went out, and ratings of answers never sent', () => {
    const records = [
      rec({ caseId: 1, recordedBy: agent(501), ratedAt: new Date(T0), repliedAt: new Date(T0 + 2 * HOUR) }),
      rec({ caseId: 2, recordedBy: agent(501), ratedAt: new Date(T0), repliedAt: null }),
      rec({ caseId: 3, recordedBy: null, ratedAt: new Date(T0), repliedAt: new Date(T0 + 30 * MIN) }),
    ];
    const flags = flagRatedBeforeReply(records);
    expect(flags.map((f) => [f.caseIds, f.userId ?? null, f.evidence['recordedBy']])).toEqual([
      [[3], null, 'citizen_link'],
      [[1, 2], 501, 'account'],
    ]);
    expect(flags[1]?.evidence).toMatchObject({
      ratings: 2,
      neverReplied: 1,
      cases: [
        { caseId: 1, minutesBeforeReply: 120 },
        { caseId: 2, repliedAt: null, minutesBeforeReply: null },
      ],
    });
  });

  it('does not flag a rating at or after the reply', () => {
    const records = [
      rec({ caseId: 1, ratedAt: new Date(T0), repliedAt: new Date(T0) }),
      rec({ caseId: 2, ratedAt: new Date(T0 + 1), repliedAt: new Date(T0) }),
    ];
    expect(flagRatedBeforeReply(records)).toEqual([]);
  });
});

describe('too good, with reopens', () => {
  const unit = (n: number, top: number, back: number, leadUnitId: number | null = 10): RatingRecord[] =>
    Array.from({ length: n }, (_, i) =>
      rec({ caseId: i + 1, leadUnitId, satisfaction: i < top ? 'very_satisfied' : 'satisfied', reopened: i >= n - back }),
    );

  it('flags a unit rated nearly all 非常满意 whose matters keep coming back, listing those that came back', () => {
    const flags = flagTooGoodWithReopens(unit(60, 58, 9));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ unitId: 10, caseIds: [52, 53, 54, 55, 56, 57, 58, 59, 60] });
    expect(flags[0]?.evidence).toMatchObject({
      sample: 60,
      verySatisfied: 58,
      cameBack: 9,
      reopenRate: 0.15,
      verySatisfiedThenCameBack: 7,
    });
  });

  it('does not flag a well-liked unit whose matters stay solved, a unit with honest grades, a small sample or on-the-spot answers', () => {
    expect(flagTooGoodWithReopens(unit(60, 58, 3))).toEqual([]);
    expect(flagTooGoodWithReopens(unit(60, 42, 15))).toEqual([]);
    expect(flagTooGoodWithReopens(unit(40, 40, 10))).toEqual([]);
    expect(flagTooGoodWithReopens(unit(60, 60, 20, null))).toEqual([]);
  });

  it('needs the reopen rate strictly above the threshold', () => {
    expect(flagTooGoodWithReopens(unit(60, 60, 6))).toEqual([]);
    expect(flagTooGoodWithReopens(unit(60, 60, 7))).toHaveLength(1);
  });
});

describe('the same comment', () => {
  it('normalises width, punctuation, whitespace, symbols and case', () => {
    expect(normaliseComment('很满意！')).toBe(normaliseComment('很满意'));
    expect(normaliseComment(' 很 满意!! 👍')).toBe('很满意');
    expect(normaliseComment('ＧＯＯＤ　Ｊｏｂ，１２３')).toBe('goodjob123');
    expect(normaliseComment('问题已解决，谢谢。')).toBe('问题已解决谢谢');
  });

  const template = [
    '感谢住建局工作人员，办事效率高！',
    '感谢住建局工作人员,办事效率高!',
    ' 感谢住建局工作人员 办事效率高 ',
    '感谢住建局工作人员，办事效率高',
  ];

  it('flags one text pasted on many cases of one unit, however it was typed', () => {
    const planted = Array.from({ length: 6 }, (_, i) => rec({ caseId: i + 1, comment: template[i % template.length] ?? null }));
    const flags = flagSameComments([...background(30), ...planted]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'same_comment', unitId: 10, caseIds: [1, 2, 3, 4, 5, 6] });
    expect(flags[0]?.evidence).toMatchObject({ text: '感谢住建局工作人员办事效率高', cases: 6, spellings: 4, casesWithTextAllUnits: 6 });
    expect(flags[0]?.evidence['chance']).toBeLessThan(1e-6);
  });

  it('ignores short comments, stock phrases spread over all units, unhappy ratings and too few cases', () => {
    const short = Array.from({ length: 50 }, (_, i) => rec({ caseId: i + 1, comment: '非常满意！' }));
    const stock = background(30, 500_000).map((r, i) => (i % 5 === 0 ? { ...r, comment: '已回访，市民表示满意' } : r));
    const unhappy = Array.from({ length: 20 }, (_, i) =>
      rec({ caseId: 1000 + i, satisfaction: 'dissatisfied', solved: false, comment: '市民表示问题未解决，要求重新办理' }),
    );
    const few = Array.from({ length: 4 }, (_, i) => rec({ caseId: 2000 + i, comment: template[0] ?? null }));
    expect(flagSameComments([...background(30), ...short, ...stock, ...unhappy, ...few])).toEqual([]);
  });

  it('needs other units as a baseline: one unit alone is never concentrated', () => {
    const planted = Array.from({ length: 30 }, (_, i) => rec({ caseId: i + 1, comment: template[0] ?? null }));
    expect(flagSameComments(planted)).toEqual([]);
  });

  it('computes the binomial tail', () => {
    expect(binomialTail(10, 0, 0.3)).toBe(1);
    expect(binomialTail(2, 2, 0.5)).toBeCloseTo(0.25, 12);
    expect(binomialTail(3, 2, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialTail(3, 4, 0.5)).toBe(0);
    expect(binomialTail(5, 5, 0.3)).toBeCloseTo(0.3 ** 5, 12);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 31 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, x, p) => {
          let direct = 0;
          for (let k = x; k <= n; k++) {
            let c = 1;
            for (let j = 1; j <= k; j++) c = (c * (n - j + 1)) / j;
            direct += c * p ** k * (1 - p) ** (n - k);
          }
          expect(binomialTail(n, x, p)).toBeCloseTo(Math.min(1, direct), 9);
        },
      ),
    );
  });
});

describe('all rules together', () => {
  it('lists flags by kind in a fixed order', () => {
    const records = [
      ...paced(
        501,
        1,
        Array.from({ length: 10 }, () => 20),
      ),
      rec({ caseId: 50, recordedBy: agent(7, [10]), channel: 'phone' }),
      rec({ caseId: 51, ratedAt: new Date(T0), repliedAt: null }),
    ];
    expect(flagRatings(records).map((f) => f.kind)).toEqual(['rated_by_handling_unit', 'burst_by_one_account', 'rated_before_reply']);
  });

  it('refuses a configuration that makes no sense', () => {
    expect(() => flagRatings([], { ...defaultRatingRuleConfig, burstCount: 1 })).toThrow(RangeError);
    expect(() => flagRatings([], { ...defaultRatingRuleConfig, topGradeShare: 1.5 })).toThrow(RangeError);
    expect(() => flagRatings([], { ...defaultRatingRuleConfig, sameCommentMaxChance: 0 })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const comments = [
  null,
  null,
  '满意',
  '非常满意！',
  '感谢住建局工作人员，办事效率高！',
  '感谢住建局工作人员,办事效率高',
  '已回访，市民表示满意',
  '问题没有解决，答复敷衍',
];

/** Records in a small world (4 units, 4 accounts, two hours) so that every rule fires now and then. */
const recordArb = (
  caseIds: { min: number; max: number },
  units: readonly number[],
  accounts: readonly number[],
): fc.Arbitrary<RatingRecord> =>
  fc
    .record({
      caseId: fc.integer(caseIds),
      ratedAtSec: fc.integer({ min: 0, max: 2 * 3600 }),
      replyOffsetMin: fc.option(fc.integer({ min: -600, max: 60 }), { nil: null }),
      recordedBy: fc.option(
        fc.record({ userId: fc.option(fc.constantFrom(...accounts), { nil: null }), unitIds: fc.subarray([...units]) }),
        { nil: null },
      ),
      satisfaction: fc.constantFrom<Satisfaction>(...satisfactionLevels, 'very_satisfied', 'very_satisfied'),
      solved: fc.boolean(),
      comment: fc.constantFrom(...comments),
      leadUnitId: fc.option(fc.constantFrom(...units), { nil: null, freq: 6 }),
      reopened: fc.boolean(),
    })
    .map((r) => ({
      caseId: r.caseId,
      ratedAt: new Date(T0 + r.ratedAtSec * SEC),
      recordedBy: r.recordedBy,
      channel: r.recordedBy === null ? 'sms_link' : 'phone',
      satisfaction: r.satisfaction,
      solved: r.solved,
      comment: r.comment,
      repliedAt: r.replyOffsetMin === null ? null : new Date(T0 + r.ratedAtSec * SEC + r.replyOffsetMin * MIN),
      leadUnitId: r.leadUnitId,
      reopened: r.reopened,
    }));

/** A configuration small enough for the small world. */
const smallConfig = {
  ...defaultRatingRuleConfig,
  burstCount: 3,
  burstWindowMinutes: 10,
  topGradeMinSample: 5,
  sameCommentMinCases: 3,
  sameCommentMaxChance: 0.2,
};

/** Ratings keyed in by one account at 0-40 s intervals. */
const burstBlock = fc
  .record({
    userId: fc.constantFrom(1, 2, 3, 4),
    startSec: fc.integer({ min: 0, max: 7200 }),
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 12 }),
    firstCase: fc.integer({ min: 1, max: 50 }),
    lead: fc.constantFrom(1, 2, 3, 4),
  })
  .map(({ userId, startSec, gaps, firstCase, lead }) => {
    let t = T0 + startSec * SEC;
    return gaps.map((g, i) => {
      t += g * SEC;
      return rec({ caseId: firstCase + i, ratedAt: new Date(t), recordedBy: { userId, unitIds: [9] }, channel: 'phone', leadUnitId: lead });
    });
  });

/** A unit rated (nearly) all 非常满意 with many matters coming back. */
const tooGoodBlock = fc
  .record({
    lead: fc.constantFrom(1, 2, 3, 4),
    flags: fc.array(fc.record({ top: fc.double({ min: 0, max: 1, noNaN: true }), back: fc.boolean() }), { minLength: 5, maxLength: 15 }),
    firstCase: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ lead, flags, firstCase }) =>
    flags.map((f, i) =>
      rec({ caseId: firstCase + i, leadUnitId: lead, satisfaction: f.top < 0.95 ? 'very_satisfied' : 'satisfied', reopened: f.back }),
    ),
  );

/** One text on several satisfied cases of one unit, typed in different ways. */
const sameCommentBlock = fc
  .record({
    lead: fc.constantFrom(1, 2, 3, 4),
    spellings: fc.array(fc.constantFrom('为你们点赞，服务很周到！', '为你们点赞,服务很周到', ' 为你们点赞 服务很周到 '), {
      minLength: 3,
      maxLength: 8,
    }),
    firstCase: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ lead, spellings, firstCase }) => spellings.map((c, i) => rec({ caseId: firstCase + i, leadUnitId: lead, comment: c })));

/** Random ratings of a small world, with some planted patterns mixed in so every rule fires now and then. */
const fraudRecords = fc
  .tuple(
    fc.array(recordArb({ min: 1, max: 60 }, [1, 2, 3, 4], [1, 2, 3, 4]), { maxLength: 60 }),
    fc.option(burstBlock, { nil: [] }),
    fc.option(tooGoodBlock, { nil: [] }),
    fc.option(sameCommentBlock, { nil: [] }),
  )
  .map(([random, ...blocks]) => [...random, ...blocks.flat()]);

describe('properties', () => {
  it('flags name only cases of the input, ascending and once, and known kinds', () => {
    fc.assert(
      fc.property(fraudRecords, (records) => {
        const ids = new Set(records.map((r) => r.caseId));
        for (const config of [defaultRatingRuleConfig, smallConfig]) {
          for (const f of flagRatings(records, config)) {
            expect(ratingFlagKinds).toContain(f.kind);
            expect(f.caseIds.length).toBeGreaterThan(0);
            expect(f.caseIds.every((id) => ids.has(id))).toBe(true);
            expect(f.caseIds).toEqual([...new Set(f.caseIds)].sort((a, b) => a - b));
          }
        }
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fraudRecords.chain((records) =>
          fc.tuple(fc.constant(records), fc.array(fc.double({ noNaN: true }), { minLength: records.length, maxLength: records.length })),
        ),
        ([records, keys]) => {
          const shuffled = records
            .map((r, i) => [keys[i] ?? 0, r] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, r]) => r);
          expect(flagRatings(shuffled, smallConfig)).toEqual(flagRatings(records, smallConfig));
          expect(flagRatings(shuffled)).toEqual(flagRatings(records));
        },
      ),
    );
  });

  it("adding other units' honest ratings never removes a flag", () => {
    // Honest: other lead units (11-14), rated by the citizen or by centre agents (unit 99, accounts
    // 31-34) after the reply, with no comment or a comment of their own.
    const honest = fc.array(
      fc
        .record({
          i: fc.integer({ min: 0, max: 1_000_000 }),
          ratedAtSec: fc.integer({ min: 0, max: 2 * 3600 }),
          agent: fc.option(fc.constantFrom(31, 32, 33, 34), { nil: null }),
          satisfaction: fc.constantFrom<Satisfaction>(...satisfactionLevels),
          withComment: fc.boolean(),
          leadUnitId: fc.constantFrom(11, 12, 13, 14),
          reopened: fc.boolean(),
        })
        .map((h): RatingRecord => ({
          caseId: 10_000 + h.i,
          ratedAt: new Date(T0 + h.ratedAtSec * SEC),
          recordedBy: h.agent === null ? null : { userId: h.agent, unitIds: [99] },
          channel: h.agent === null ? 'sms_link' : 'phone',
          satisfaction: h.satisfaction,
          solved: true,
          comment: h.withComment ? `第${h.i}号诉求的处理结果我很认可` : null,
          repliedAt: new Date(T0 - HOUR),
          leadUnitId: h.leadUnitId,
          reopened: h.reopened,
        })),
      { maxLength: 120 },
    );
    const covers = (after: readonly RatingFlag[], f: RatingFlag): boolean =>
      after.some(
        (g) => g.kind === f.kind && g.unitId === f.unitId && g.userId === f.userId && f.caseIds.every((id) => g.caseIds.includes(id)),
      );
    fc.assert(
      fc.property(fraudRecords, honest, (fraud, extra) => {
        for (const config of [defaultRatingRuleConfig, smallConfig]) {
          const before = flagRatings(fraud, config);
          const after = flagRatings([...fraud, ...extra], config);
          for (const f of before) expect(covers(after, f), `${f.kind} ${f.summary.en}`).toBe(true);
        }
      }),
    );
  });

  it('a shorter burst window flags no case the longer one does not', () => {
    fc.assert(
      fc.property(fraudRecords, fc.integer({ min: 1, max: 9 }), (records, minutes) => {
        const narrow = new Set(flagBursts(records, { ...smallConfig, burstWindowMinutes: minutes }).flatMap((f) => f.caseIds));
        const wide = new Set(flagBursts(records, { ...smallConfig, burstWindowMinutes: minutes + 1 }).flatMap((f) => f.caseIds));
        for (const id of narrow) expect(wide.has(id)).toBe(true);
      }),
    );
  });
});

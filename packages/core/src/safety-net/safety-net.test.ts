import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionInput } from '../case/actions.ts';
import { allowedActions, decide, type Actor, type CaseSnapshot } from '../case/machine.ts';
import { defaultGapRule, findServiceGaps, matterKey, type MatterFailure } from './gaps.ts';
import { answerLetterNo, followUpsOf, rootCauseProblem, type RootCause } from './vocabulary.ts';

const APPROVAL = 11;
const WATER = 12;
const officer: Actor = { userId: 1, roles: ['safety_net_officer'], unitIds: [1] };
const approvalHead: Actor = { userId: 2, roles: ['unit_head'], unitIds: [APPROVAL] };
const approvalHandler: Actor = { userId: 3, roles: ['handler'], unitIds: [APPROVAL] };
const dispatcher: Actor = { userId: 4, roles: ['dispatcher'], unitIds: [1] };
const supervisor: Actor = { userId: 5, roles: ['supervisor'], unitIds: [1] };

const base: CaseSnapshot = {
  status: 'registered',
  leadUnitId: null,
  pendingExtension: false,
  followUp: 'none',
  returnWindowOpen: true,
  safetyNet: true,
  consultation: null,
};
const subjective: RootCause = { kind: 'staff_conduct', conduct: 'subjective', finding: '窗口人员误读规定' };

describe('safety-net lifecycle', () => {
  it('the officer owns the case: no dispatch, no on-the-spot reply, no merge; consultation and decision instead', () => {
    expect(allowedActions(base, officer).sort()).toEqual(['cite', 'convene', 'decide']);
    expect(allowedActions(base, dispatcher)).toEqual(['cite']);
    expect(decide(base, { action: 'dispatch', leadUnitId: APPROVAL }, dispatcher)).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(decide(base, { action: 'reply', outcome: 'resolved', text: 'x' }, officer)).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
  });

  it('regular cases know none of the window’s own actions; their 会商 is the dispatcher’s, not the officer’s', () => {
    const regular = { ...base, safetyNet: false };
    expect(decide(regular, { action: 'convene', unitIds: [APPROVAL, WATER], agenda: 'a' }, officer)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      decide(regular, { action: 'decide', outcome: 'done', text: 'a', rootCause: { kind: 'coordination_needed' } } as never, officer),
    ).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(allowedActions(regular, officer)).not.toContain('decide');
    expect(allowedActions(regular, officer)).not.toContain('convene');
  });

  it('convene -> opinions of invited heads only, once per unit -> minutes -> decide', () => {
    const convened = decide(base, { action: 'convene', unitIds: [APPROVAL, WATER], agenda: '是否需要备案证明' }, officer);
    expect(convened).toMatchObject({ ok: true, next: 'in_progress' });
    const open: CaseSnapshot = { ...base, status: 'in_progress', consultation: { unitIds: [APPROVAL, WATER], answeredUnitIds: [] } };
    expect(allowedActions(open, approvalHead)).toContain('recordOpinion');
    expect(allowedActions(open, approvalHandler)).not.toContain('recordOpinion');
    expect(allowedActions(open, { ...approvalHead, unitIds: [99] })).not.toContain('recordOpinion');
    expect(decide(open, { action: 'recordOpinion', opinion: '无需备案证明' }, approvalHead)).toMatchObject({
      ok: true,
      next: 'in_progress',
    });
    const answered = { ...open, consultation: { unitIds: [APPROVAL, WATER], answeredUnitIds: [APPROVAL] } };
    expect(decide(answered, { action: 'recordOpinion', opinion: '再说一次' }, approvalHead)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(decide(open, { action: 'convene', unitIds: [WATER], agenda: 'again' }, officer)).toMatchObject({
      ok: false,
      code: 'guard_failed',
    });
    expect(decide(open, { action: 'recordMinutes', leadUnitId: APPROVAL, decision: '审批科当场办理' }, officer)).toMatchObject({
      ok: true,
    });
    const closedConsultation = { ...open, consultation: null };
    expect(decide(closedConsultation, { action: 'recordMinutes', leadUnitId: APPROVAL, decision: 'x' }, officer)).toMatchObject({
      ok: false,
      code: 'guard_failed',
    });
    expect(
      decide(closedConsultation, { action: 'decide', outcome: 'done', text: '许可证已换发', rootCause: subjective }, officer),
    ).toMatchObject({ ok: true, next: 'replied' });
  });

  it('cannot be done goes to the negative-answer filing and needs a citation; the supervisor reviews it', () => {
    const cannot = {
      action: 'decide' as const,
      outcome: 'cannot' as const,
      text: '依法不能办理',
      rootCause: { kind: 'policy_barrier' as const, finding: '上位法限制' },
    };
    expect(decide(base, cannot, officer)).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(decide(base, { ...cannot, citations: [3] }, officer)).toMatchObject({ ok: true, next: 'reply_review' });
    const review = { ...base, status: 'reply_review' as const };
    expect(allowedActions(review, supervisor)).toContain('reviewReply');
    expect(decide(review, { action: 'reviewReply', approve: false }, supervisor)).toMatchObject({ ok: true, next: 'registered' });
  });

  it('never closes without a root cause', () => {
    const replied = { ...base, status: 'replied' as const };
    expect(decide(replied, { action: 'close', reason: '结案' }, supervisor)).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(allowedActions(replied, supervisor)).not.toContain('close');
    expect(decide({ ...replied, hasRootCause: true }, { action: 'close', reason: '结案' }, supervisor)).toMatchObject({
      ok: true,
      next: 'closed',
    });
  });

  it('property: random walks of a safety-net case reach closed only after a decision with a root cause', () => {
    const actors = [officer, approvalHead, approvalHandler, dispatcher, supervisor];
    const inputs = [
      { action: 'convene', unitIds: [APPROVAL], agenda: '会商' },
      { action: 'recordOpinion', opinion: '可以办' },
      { action: 'recordMinutes', leadUnitId: APPROVAL, decision: '审批科办' },
      { action: 'decide', outcome: 'done', text: '已办', rootCause: subjective },
      { action: 'decide', outcome: 'cannot', text: '不能办', citations: [1], rootCause: { kind: 'policy_barrier', finding: 'x' } },
      { action: 'reviewReply', approve: true },
      { action: 'reviewReply', approve: false },
      { action: 'followUp', solved: true, satisfaction: 'satisfied' },
      { action: 'followUp', solved: false, satisfaction: 'dissatisfied' },
      { action: 'reopen', reason: '未解决' },
      { action: 'close', reason: '结案' },
      { action: 'dispatch', leadUnitId: APPROVAL },
      { action: 'reply', outcome: 'resolved', text: 'x' },
    ] satisfies ActionInput[];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: inputs.length - 1 }), fc.integer({ min: 0, max: actors.length - 1 })), {
          maxLength: 40,
        }),
        (steps) => {
          let c: CaseSnapshot = base;
          let decided = false;
          for (const [i, a] of steps) {
            const input = inputs[i]!;
            const d = decide(c, input, actors[a]!);
            if (!d.ok) continue;
            expect(['dispatch', 'reply', 'merge']).not.toContain(input.action);
            if (input.action === 'decide') decided = true;
            if (d.next === 'closed') expect(decided).toBe(true);
            const k = c.consultation;
            c = {
              ...c,
              status: d.next,
              hasRootCause: decided,
              followUp:
                input.action === 'followUp'
                  ? d.next === 'closed'
                    ? 'none'
                    : 'unsatisfied'
                  : input.action === 'reopen'
                    ? 'none'
                    : c.followUp,
              consultation:
                input.action === 'convene'
                  ? { unitIds: [APPROVAL], answeredUnitIds: [] }
                  : input.action === 'recordOpinion' && k
                    ? { ...k, answeredUnitIds: [...k.answeredUnitIds, APPROVAL] }
                    : input.action === 'recordMinutes' || input.action === 'decide'
                      ? null
                      : k,
              leadUnitId: input.action === 'recordMinutes' ? APPROVAL : c.leadUnitId,
            };
            if (d.next === 'closed') break;
          }
        },
      ),
    );
  });

  it('refuses incomplete root causes with the field at fault', () => {
    expect(rootCauseProblem({ kind: 'staff_conduct', finding: 'x' })?.path).toBe('rootCause.conduct');
    expect(rootCauseProblem({ kind: 'staff_conduct', conduct: 'misconduct', finding: 'x' })?.path).toBe('rootCause.staffName');
    expect(rootCauseProblem({ kind: 'policy_barrier', conduct: 'subjective', finding: 'x' })?.path).toBe('rootCause.conduct');
    expect(rootCauseProblem({ kind: 'coordination_needed', finding: ' ' })?.path).toBe('rootCause.finding');
    expect(rootCauseProblem(subjective)).toBeNull();
  });

  it('misconduct is always referred, subjective conduct gets a rectification notice and is referred on request', () => {
    expect(followUpsOf({ kind: 'staff_conduct', conduct: 'misconduct', finding: 'x', staffName: '王某' })).toEqual({
      referral: true,
      rectification: false,
      policyBarrier: false,
    });
    expect(followUpsOf(subjective)).toEqual({ referral: false, rectification: true, policyBarrier: false });
    expect(followUpsOf({ ...subjective, refer: true })).toEqual({ referral: true, rectification: true, policyBarrier: false });
    expect(followUpsOf({ kind: 'policy_barrier', finding: 'x' })).toEqual({ referral: false, rectification: false, policyBarrier: true });
    expect(followUpsOf({ kind: 'coordination_needed', finding: 'x' })).toEqual({
      referral: false,
      rectification: false,
      policyBarrier: false,
    });
  });
});

describe('service gaps', () => {
  const now = new Date('2026-11-27T08:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it('spellings of one matter share a key', () => {
    expect(matterKey('食品经营许可证 （延续）')).toBe(matterKey('食品经营许可证(延续)'));
    expect(matterKey('ＡＢＣ证明')).toBe(matterKey('abc证明'));
    expect(matterKey('不动产登记')).not.toBe(matterKey('不动产抵押登记'));
  });

  it('flags a matter failing 3 times in 90 days, not 2, and not failures older than the window', () => {
    const f = (caseId: number, name: string, d: number): MatterFailure => ({ caseId, matterName: name, at: daysAgo(d) });
    const failures = [
      f(1, '食品经营许可证延续', 1),
      f(2, '食品经营许可证 延续', 20),
      f(3, '食品经营许可证延续', 89),
      f(4, '公积金提取', 3),
      f(5, '公积金提取', 5),
      f(6, '公积金提取', 91),
    ];
    const gaps = findServiceGaps(failures, defaultGapRule, now);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ matterName: '食品经营许可证延续', count: 3, caseIds: [1, 2, 3] });
    expect(findServiceGaps(failures, { threshold: 2, windowDays: 90 }, now).map((g) => g.count)).toEqual([3, 2]);
  });

  it('property: a gap holds exactly the in-window failures of its key, at least threshold of them', () => {
    const names = ['户籍迁移', '户籍 迁移', '社保转移', '营业执照变更', '不动产登记'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constantFrom(...names), d: fc.integer({ min: 0, max: 200 }) }), { maxLength: 60 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 150 }),
        (raw, threshold, windowDays) => {
          const failures = raw.map((r, i) => ({ caseId: i + 1, matterName: r.name, at: daysAgo(r.d) }));
          const gaps = findServiceGaps(failures, { threshold, windowDays }, now);
          for (const g of gaps) {
            const expected = failures.filter(
              (x) => matterKey(x.matterName) === g.matterKey && x.at.getTime() >= daysAgo(windowDays).getTime(),
            );
            expect(g.count).toBe(expected.length);
            expect(g.count).toBeGreaterThanOrEqual(threshold);
            expect([...g.caseIds].sort((a, b) => a - b)).toEqual(expected.map((x) => x.caseId).sort((a, b) => a - b));
          }
          const keys = new Set(failures.filter((x) => x.at.getTime() >= daysAgo(windowDays).getTime()).map((x) => matterKey(x.matterName)));
          for (const k of keys) {
            const n = failures.filter((x) => matterKey(x.matterName) === k && x.at.getTime() >= daysAgo(windowDays).getTime()).length;
            expect(gaps.some((g) => g.matterKey === k)).toBe(n >= threshold);
          }
        },
      ),
    );
  });
});

describe('answer letter numbers', () => {
  it('take the county’s first character, the year in 〔〕 and the sequence', () => {
    expect(answerLetterNo('郊区', 2026, 12)).toBe('郊政服答〔2026〕12号');
    expect(answerLetterNo('阳泉市郊区', 2026, 3)).toBe('郊政服答〔2026〕3号');
    expect(answerLetterNo('盐湖区', 2027, 1)).toBe('盐政服答〔2027〕1号');
  });
});

import { defaultConsultationSettleLimit, dueAt, type ActionInput, type DeadlineRules, type TimeLimit } from '@huiyin/core';
import type { CaseRow } from '../../db/schema.ts';
import type { Effects } from './action-effects.ts';
import { dispatchedTo, type AppliedRuleLimit } from './dispatch-answer-by.ts';

interface Ctx {
  now: Date;
  deadlines: DeadlineRules;
  /** recordOpinion: the convened unit the opinion speaks for. */
  opinionUnitId?: number | undefined;
  /** convene: the national setting (default 1 working day). */
  consultationSettleLimit?: TimeLimit | undefined;
  /** recordMinutes: the catalog rule's own time limit for the lead unit, as for a dispatch. */
  ruleAnswerDays?: number | null | undefined;
  /** recordMinutes: the rule limit the previous dispatch applied, still standing. */
  previousRuleLimit?: AppliedRuleLimit | null | undefined;
}

/**
 * 会商 of an ordinary case (the dispatch dispute, core case/consultation.ts): convening makes the
 * time to settle the case's running deadline (the scanner chases it); the invited units' heads
 * are told; each opinion goes to the dispatchers; the minutes dispatch the case to the lead and
 * assisting units they name, with a new sign-for limit and the catalog rule's time limit, like a
 * dispatch. Null for other actions.
 */
export function ordinaryConsultationEffects(row: CaseRow, input: ActionInput, ctx: Ctx): Effects | null {
  const { now, deadlines } = ctx;
  const region = row.region_code;
  const base = { patch: {}, payload: {}, metrics: [], audience: [], publishesAnswer: false } satisfies Effects;
  switch (input.action) {
    case 'convene': {
      const limit = ctx.consultationSettleLimit ?? defaultConsultationSettleLimit;
      const settleBy = dueAt(now, limit, deadlines.calendar, deadlines.policyFor(region).workingHours);
      const unitIds = [...new Set(input.unitIds)];
      return {
        ...base,
        patch: { next_due_at: settleBy, near_due_at: deadlines.nearDue(now, settleBy) },
        payload: { unitIds, agenda: input.agenda, settleBy: settleBy.toISOString() },
        audience: unitIds.map((unitId) => ({ kind: 'role', role: 'unit_head', regionCode: region, unitId })),
      };
    }
    case 'recordOpinion':
      return {
        ...base,
        payload: { unitId: ctx.opinionUnitId, opinion: input.opinion },
        audience: [{ kind: 'role', role: 'dispatcher', regionCode: region }],
      };
    case 'recordMinutes':
      return dispatchedTo(row, ctx, input, { decision: input.decision });
    default:
      return null;
  }
}

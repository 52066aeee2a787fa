import { dueAt, type DeadlineRules } from '@huiyin/core';
import type { CaseRow } from '../../db/schema.ts';
import type { Effects } from './action-effects.ts';

/** The catalog rule's time limit that the case's last dispatch (or 会商 minutes) applied, as its event recorded it. */
export interface AppliedRuleLimit {
  days: number;
  /** The answer deadline the rule replaced (absent on events older than this field). */
  answerByBeforeRule: Date | null;
}

/**
 * The answer deadline of a dispatch (or of 会商 minutes, which dispatch too) to `ruleDays`'s lead
 * unit. A catalog rule with its own time limit overrides the region's answer limit (counted from
 * registration); an urgent or safety-net case keeps its own limit when that is shorter. A rule's
 * limit does not stick to the case: re-dispatched to a unit no rule names (or whose rule is
 * longer than an urgent case's own limit), the deadline goes back to the one the rule replaced,
 * or the region's limit recomputed. `answerBy` is null when the deadline does not change;
 * `payload` is what the event records.
 */
export function dispatchAnswerBy(
  row: CaseRow,
  deadlines: DeadlineRules,
  ruleDays: number | null,
  previous: AppliedRuleLimit | null,
): { answerBy: Date | null; payload: Record<string, unknown> } {
  const region = row.region_code;
  const withoutRule = previous
    ? (previous.answerByBeforeRule ??
      deadlines.answerBy(row.answer_started_at, { type: row.type, urgent: row.urgent, regionCode: region, channel: row.channel }))
    : row.answer_by;
  const ruleDue =
    ruleDays === null
      ? null
      : dueAt(
          row.answer_started_at,
          { unit: 'workingDays', value: ruleDays },
          deadlines.calendar,
          deadlines.policyFor(region).workingHours,
        );
  const keepsShorter = row.urgent || row.channel === 'safety_net';
  if (ruleDue && !(keepsShorter && withoutRule.getTime() < ruleDue.getTime())) {
    return {
      answerBy: ruleDue,
      payload: { answerBy: ruleDue.toISOString(), ruleTimeLimitDays: ruleDays, answerByBeforeRule: withoutRule.toISOString() },
    };
  }
  if (withoutRule.getTime() === row.answer_by.getTime()) return { answerBy: null, payload: {} };
  return { answerBy: withoutRule, payload: { answerBy: withoutRule.toISOString() } };
}

/**
 * The effects of sending a case to a lead unit and its assisting units (a dispatch, or the minutes
 * of a 会商): a new sign-for limit as the running deadline, the rule's answer limit, the units told.
 */
export function dispatchedTo(
  row: CaseRow,
  ctx: {
    now: Date;
    deadlines: DeadlineRules;
    ruleAnswerDays?: number | null | undefined;
    previousRuleLimit?: AppliedRuleLimit | null | undefined;
  },
  to: { leadUnitId: number; assistUnitIds?: number[] | undefined },
  payload: Record<string, unknown>,
): Effects {
  const { now, deadlines } = ctx;
  const signBy = deadlines.signBy(now, row.region_code);
  const assist = [...new Set(to.assistUnitIds ?? [])].filter((u) => u !== to.leadUnitId);
  const answer = dispatchAnswerBy(row, deadlines, ctx.ruleAnswerDays ?? null, ctx.previousRuleLimit ?? null);
  return {
    patch: {
      ...(answer.answerBy ? { answer_by: answer.answerBy } : {}),
      lead_unit_id: to.leadUnitId,
      assist_unit_ids: assist,
      sign_by: signBy,
      next_due_at: signBy,
      near_due_at: deadlines.nearDue(now, signBy),
    },
    payload: { leadUnitId: to.leadUnitId, assistUnitIds: assist, ...payload, signBy: signBy.toISOString(), ...answer.payload },
    metrics: [{ metric: 'dispatched', unitId: to.leadUnitId }],
    audience: [to.leadUnitId, ...assist].map((unitId) => ({ kind: 'unit', unitId })),
    publishesAnswer: false,
  };
}

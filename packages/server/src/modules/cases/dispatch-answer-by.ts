import { dueAt, type DeadlineRules } from '@huiyin/core';
import type { CaseRow } from '../../db/schema.ts';

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

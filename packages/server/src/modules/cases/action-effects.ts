import { isSatisfied, type Audience, type ActionInput, type CaseStatus, type DeadlineRules, type TimeLimit } from '@huiyin/core';
import type { CaseRow, CaseUpdate } from '../../db/schema.ts';
import type { CaseMetric } from '../../db/counters.repo.ts';
import { ordinaryConsultationEffects } from './consultation-effects.ts';
import { dispatchedTo, type AppliedRuleLimit } from './dispatch-answer-by.ts';

export interface Effects {
  patch: CaseUpdate;
  /** What the event records (no personal data of the requester). */
  payload: Record<string, unknown>;
  metrics: { metric: CaseMetric; unitId: number | null }[];
  audience: Audience[];
  /** The answer became visible to the requester: forward it to merged cases. */
  publishesAnswer: boolean;
}

interface Ctx {
  now: Date;
  actorId: number | null;
  deadlines: DeadlineRules;
  /** decide: the cited articles as the answer's policy basis (titles, document numbers, articles). */
  policyBasis?: string | undefined;
  /** dispatch, 会商 minutes: the catalog rule's own time limit (working days to answer) for this lead unit, if it has one. */
  ruleAnswerDays?: number | null | undefined;
  /** dispatch, 会商 minutes: the rule limit the previous dispatch applied, still standing. */
  previousRuleLimit?: AppliedRuleLimit | null | undefined;
  /** recordOpinion: the convened unit the opinion speaks for (resolved by the service). */
  opinionUnitId?: number | undefined;
  /** convene on an ordinary case: how long the dispatch dispute may take (a national setting). */
  consultationSettleLimit?: TimeLimit | undefined;
}

/** Deadline columns for a status: which deadline is running and when it turns near. */
function answerClock(row: Pick<CaseRow, 'answer_started_at' | 'answer_by'>, deadlines: DeadlineRules): CaseUpdate {
  return { next_due_at: row.answer_by, near_due_at: deadlines.nearDue(row.answer_started_at, row.answer_by) };
}

const noClock: CaseUpdate = { next_due_at: null, near_due_at: null };

/**
 * What an allowed action changes on the case row, records in its event, counts and announces.
 * The state machine has already decided that the action is allowed and what `next` is.
 */
export function effectsOf(row: CaseRow, input: ActionInput, next: CaseStatus, ctx: Ctx): Effects {
  const { now, deadlines } = ctx;
  const lead = row.lead_unit_id;
  const base = { patch: {}, payload: {}, metrics: [], audience: [], publishesAnswer: false } satisfies Effects;
  const region = row.region_code;
  // 会商 of an ordinary case has effects of its own (consultation-effects.ts).
  const ordinary = row.channel === 'safety_net' ? null : ordinaryConsultationEffects(row, input, ctx);
  if (ordinary) return ordinary;
  switch (input.action) {
    case 'dispatch':
      return dispatchedTo(row, ctx, input, { note: input.note });
    case 'sign':
      return { ...base, patch: answerClock(row, deadlines), payload: { note: input.note }, metrics: [{ metric: 'signed', unitId: lead }] };
    case 'return':
      return {
        ...base,
        patch: { return_count: row.return_count + 1, ...answerClock(row, deadlines) },
        payload: { reason: input.reason, unitId: lead },
        metrics: [{ metric: 'returned', unitId: lead }],
        audience: [{ kind: 'role', role: 'dispatcher', regionCode: region }],
      };
    case 'decideReturn': {
      if (input.approve) {
        return {
          ...base,
          patch: { lead_unit_id: null, assist_unit_ids: [], sign_by: null, ...answerClock(row, deadlines) },
          payload: { approve: true, unitId: lead, note: input.note },
          audience: lead !== null ? [{ kind: 'unit', unitId: lead }] : [],
        };
      }
      const signBy = deadlines.signBy(now, region);
      return {
        ...base,
        patch: { sign_by: signBy, next_due_at: signBy, near_due_at: deadlines.nearDue(now, signBy) },
        payload: { approve: false, unitId: lead, note: input.note, signBy: signBy.toISOString() },
        audience: lead !== null ? [{ kind: 'unit', unitId: lead }] : [],
      };
    }
    case 'requestExtension':
      return {
        ...base,
        patch: {
          pending_extension: { days: input.days, reason: input.reason, requestedBy: ctx.actorId ?? 0, requestedAt: now.toISOString() },
        },
        payload: { days: input.days, reason: input.reason },
        audience: [
          { kind: 'role', role: 'unit_head', regionCode: region, ...(lead !== null ? { unitId: lead } : {}) },
          { kind: 'role', role: 'dispatcher', regionCode: region },
        ],
      };
    case 'decideExtension': {
      const pending = row.pending_extension;
      const days = pending?.days ?? 0;
      if (!input.approve) {
        return {
          ...base,
          patch: { pending_extension: null },
          payload: { approve: false, days, note: input.note },
          audience: lead !== null ? [{ kind: 'unit', unitId: lead }] : [],
        };
      }
      const answerBy = deadlines.extend(row.answer_by, days);
      return {
        ...base,
        patch: {
          pending_extension: null,
          answer_by: answerBy,
          ...answerClock({ answer_started_at: row.answer_started_at, answer_by: answerBy }, deadlines),
        },
        payload: { approve: true, days, note: input.note, answerBy: answerBy.toISOString(), previousAnswerBy: row.answer_by.toISOString() },
        metrics: [{ metric: 'extended', unitId: lead }],
        audience: [...(lead !== null ? [{ kind: 'unit' as const, unitId: lead }] : []), { kind: 'requester' }],
      };
    }
    case 'reply': {
      const published = next === 'replied';
      return {
        ...base,
        patch: {
          reply_outcome: input.outcome,
          reply_text: input.text,
          // An extension still waiting is moot once the answer is given.
          pending_extension: null,
          policy_basis: input.policyBasis ?? null,
          replied_at: published ? now : null,
          ...(published ? noClock : {}),
        },
        payload: { outcome: input.outcome, text: input.text, policyBasis: input.policyBasis },
        metrics: published ? answeredMetrics(row, now) : [],
        audience: published ? [{ kind: 'requester' }] : [{ kind: 'role', role: 'supervisor', regionCode: region }],
        publishesAnswer: published,
      };
    }
    case 'reviewReply': {
      if (input.approve) {
        return {
          ...base,
          patch: { replied_at: now, ...noClock },
          payload: { approve: true, note: input.note, outcome: row.reply_outcome, text: row.reply_text, policyBasis: row.policy_basis },
          metrics: answeredMetrics(row, now),
          audience: [{ kind: 'requester' }],
          publishesAnswer: true,
        };
      }
      return {
        ...base,
        patch: answerClock(row, deadlines),
        payload: { approve: false, note: input.note },
        audience: lead !== null ? [{ kind: 'unit', unitId: lead }] : [],
      };
    }
    case 'followUp': {
      const closes = next === 'closed';
      const metrics: Effects['metrics'] = [{ metric: 'rated', unitId: lead }];
      if (isSatisfied(input.satisfaction)) metrics.push({ metric: 'satisfied', unitId: lead });
      if (input.solved) metrics.push({ metric: 'solved', unitId: lead });
      if (closes) metrics.push({ metric: 'closed', unitId: lead });
      return {
        ...base,
        patch: {
          solved: input.solved,
          satisfaction: input.satisfaction,
          follow_up: closes ? 'none' : 'unsatisfied',
          ...(closes ? { closed_at: now } : {}),
        },
        // The reply time and lead unit as they were when rated (a reopen clears replied_at): the rating rules read them.
        payload: {
          solved: input.solved,
          satisfaction: input.satisfaction,
          comment: input.comment,
          repliedAt: row.replied_at?.toISOString() ?? null,
          leadUnitId: lead,
        },
        metrics,
        audience: closes
          ? lead !== null
            ? [{ kind: 'unit', unitId: lead }]
            : []
          : [{ kind: 'role', role: 'supervisor', regionCode: region }],
      };
    }
    case 'reopen': {
      const answerBy = deadlines.answerBy(now, { type: row.type, urgent: row.urgent, regionCode: region, channel: row.channel });
      return {
        ...base,
        patch: {
          follow_up: 'none',
          reopen_count: row.reopen_count + 1,
          reply_outcome: null,
          reply_text: null,
          policy_basis: null,
          replied_at: null,
          solved: null,
          satisfaction: null,
          answer_started_at: now,
          answer_by: answerBy,
          next_due_at: answerBy,
          near_due_at: deadlines.nearDue(now, answerBy),
        },
        payload: { reason: input.reason, answerBy: answerBy.toISOString() },
        metrics: [{ metric: 'reopened', unitId: lead }],
        audience: [...(lead !== null ? [{ kind: 'unit' as const, unitId: lead }] : []), { kind: 'requester' }],
      };
    }
    case 'close':
      return {
        ...base,
        patch: { closed_at: now, ...noClock },
        payload: { reason: input.reason },
        metrics: [{ metric: 'closed', unitId: lead }],
        audience: [{ kind: 'requester' }],
      };
    case 'convene': {
      // A consultation makes the case complex: progress is due within the complex limit (DOMAIN.md).
      const complexBy = deadlines.answerBy(row.answer_started_at, {
        type: row.type,
        urgent: row.urgent,
        regionCode: region,
        channel: row.channel,
        safetyNetKind: 'complex',
      });
      const answerBy = complexBy.getTime() > row.answer_by.getTime() ? complexBy : row.answer_by;
      const unitIds = [...new Set(input.unitIds)];
      return {
        ...base,
        patch: { answer_by: answerBy, ...answerClock({ answer_started_at: row.answer_started_at, answer_by: answerBy }, deadlines) },
        payload: { unitIds, agenda: input.agenda, answerBy: answerBy.toISOString() },
        audience: unitIds.map((unitId) => ({ kind: 'role', role: 'unit_head', regionCode: region, unitId })),
      };
    }
    case 'recordOpinion':
      return {
        ...base,
        payload: { unitId: ctx.opinionUnitId, opinion: input.opinion },
        audience: [{ kind: 'role', role: 'safety_net_officer', regionCode: region }],
      };
    case 'recordMinutes': {
      const assist = [...new Set(input.assistUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
      return {
        ...base,
        patch: { lead_unit_id: input.leadUnitId, assist_unit_ids: assist },
        payload: { leadUnitId: input.leadUnitId, assistUnitIds: assist, decision: input.decision },
        audience: [input.leadUnitId, ...assist].map((unitId) => ({ kind: 'unit', unitId })),
      };
    }
    case 'decide': {
      const published = next === 'replied';
      const rc = input.rootCause;
      const text = input.alternatives ? `${input.text}\n${input.alternatives}` : input.text;
      // A cannot-be-done answer is due in writing within its own limit, counted from registration.
      const writtenBy = published
        ? null
        : deadlines.answerBy(row.answer_started_at, {
            type: row.type,
            urgent: row.urgent,
            regionCode: region,
            channel: row.channel,
            safetyNetKind: 'cannotBeDone',
          });
      return {
        ...base,
        patch: {
          reply_outcome: input.outcome === 'done' ? 'resolved' : 'explained',
          reply_text: text,
          policy_basis: ctx.policyBasis ?? null,
          pending_extension: null,
          replied_at: published ? now : null,
          ...(published
            ? noClock
            : writtenBy
              ? { answer_by: writtenBy, next_due_at: writtenBy, near_due_at: deadlines.nearDue(row.answer_started_at, writtenBy) }
              : {}),
        },
        // The staff member's name stays out of the timeline: only the referral (inspectors) holds it.
        payload: {
          outcome: input.outcome,
          text: input.text,
          alternatives: input.alternatives,
          doneBy: input.doneBy,
          citations: input.citations ?? [],
          policyBasis: ctx.policyBasis,
          rootCause: { kind: rc.kind, conduct: rc.conduct, finding: rc.finding },
        },
        metrics: published ? answeredMetrics(row, now) : [],
        audience: published ? [{ kind: 'requester' }] : [{ kind: 'role', role: 'supervisor', regionCode: region }],
        publishesAnswer: published,
      };
    }
    case 'cite':
      return { ...base, payload: { policyId: input.policyId, note: input.note } };
    case 'refuse':
      // 不予受理: perform-action applies refusal.ts (it needs the linked case); nothing of the row changes here.
      return {
        ...base,
        payload: { reasonCode: input.reasonCode, text: input.text },
        audience: [{ kind: 'role', role: 'supervisor', regionCode: region }],
      };
    case 'merge':
      return {
        ...base,
        patch: { master_id: input.masterId, closed_at: now, ...noClock },
        payload: { masterId: input.masterId },
        metrics: [{ metric: 'merged', unitId: lead }],
        audience: [{ kind: 'requester' }],
      };
  }
}

function answeredMetrics(row: CaseRow, now: Date): Effects['metrics'] {
  const m: Effects['metrics'] = [{ metric: 'replied', unitId: row.lead_unit_id }];
  if (now.getTime() <= row.answer_by.getTime()) m.push({ metric: 'replied_on_time', unitId: row.lead_unit_id });
  return m;
}

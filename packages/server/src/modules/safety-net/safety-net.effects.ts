import {
  answerLetterNo,
  dueAt,
  followUpsOf,
  matterKey,
  toChinaDate,
  type ActionInput,
  type FailedMatter,
  type DeadlineRules,
} from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createSequencesRepo } from '../../db/counters.repo.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createSafetyNetRepo, type SafetyNetRow } from './safety-net.repo.ts';

/**
 * What the safety-net actions write beside the case row, inside the action's own transaction:
 * consultations and opinions, citations, the decision with its root cause, and what the root
 * cause sets in motion (referral, rectification notice, policy-barrier ledger entry).
 */

export async function registerFailedMatter(
  trx: Db,
  row: CaseRow,
  matter: FailedMatter,
  kind: 'simple' | 'general',
  now: Date,
): Promise<void> {
  await createSafetyNetRepo(trx).insertCase({
    case_id: row.id,
    region_code: row.region_code,
    matter_name: matter.name,
    matter_key: matterKey(matter.name),
    origin_unit_id: matter.unitId ?? null,
    origin_window: matter.window ?? null,
    failed_at: matter.failedAt ? new Date(matter.failedAt) : now,
    visits: matter.visits ?? null,
    what_was_said: matter.whatWasSaid ?? null,
    kind,
    outcome: null,
    answer_text: null,
    alternatives: null,
    done_by: null,
    root_cause_kind: null,
    conduct: null,
    finding: null,
    decided_by: null,
    decided_at: null,
    minutes_to_decision: null,
    letter_no: null,
    created_at: now,
  });
}

export interface SafetyNetActionContext {
  now: Date;
  actorId: number | null;
  rules: DeadlineRules;
  /** The case before the action. */
  row: CaseRow;
  safetyNet: SafetyNetRow | undefined;
  openConsultationId: number | undefined;
  opinionUnitId: number | undefined;
  /** convene on an ordinary case: the settle-by time the action set as the case's deadline. */
  settleBy?: Date | null | undefined;
}

export async function recordSafetyNetAction(trx: Db, input: ActionInput, ctx: SafetyNetActionContext): Promise<void> {
  const repo = createSafetyNetRepo(trx);
  const { now, row } = ctx;
  switch (input.action) {
    case 'cite':
      await repo.cite({ caseId: row.id, policyId: input.policyId, citedBy: ctx.actorId, note: input.note ?? null, at: now });
      return;
    case 'convene':
      await repo.insertConsultation({
        caseId: row.id,
        agenda: input.agenda,
        unitIds: [...new Set(input.unitIds)],
        convenedBy: ctx.actorId,
        at: now,
        // An ordinary case: the time to settle the dispute is its running deadline now (cases/consultation-effects.ts).
        dueAt: row.channel === 'safety_net' ? null : (ctx.settleBy ?? null),
      });
      if (row.channel === 'safety_net') await repo.updateCase(row.id, { kind: 'complex' });
      return;
    case 'recordOpinion':
      if (ctx.openConsultationId === undefined || ctx.opinionUnitId === undefined)
        throw new Error('recordOpinion without an open consultation');
      await repo.insertOpinion({
        consultationId: ctx.openConsultationId,
        unitId: ctx.opinionUnitId,
        userId: ctx.actorId,
        opinion: input.opinion,
        at: now,
      });
      return;
    case 'recordMinutes':
      if (ctx.openConsultationId === undefined) throw new Error('recordMinutes without an open consultation');
      await repo.closeConsultation(ctx.openConsultationId, {
        leadUnitId: input.leadUnitId,
        assistUnitIds: [...new Set(input.assistUnitIds ?? [])].filter((u) => u !== input.leadUnitId),
        decision: input.decision,
        at: now,
      });
      return;
    case 'decide':
      await recordDecision(trx, input, ctx);
      return;
    default:
      return;
  }
}

async function recordDecision(trx: Db, input: Extract<ActionInput, { action: 'decide' }>, ctx: SafetyNetActionContext): Promise<void> {
  const repo = createSafetyNetRepo(trx);
  const { now, row } = ctx;
  const sn = ctx.safetyNet;
  if (!sn) throw new Error(`safety-net case ${row.id} has no failed-matter record`);
  // Deciding ends an open consultation: its decision is the answer.
  if (ctx.openConsultationId !== undefined) {
    await repo.closeConsultation(ctx.openConsultationId, {
      leadUnitId: row.lead_unit_id,
      assistUnitIds: row.assist_unit_ids,
      decision: input.text,
      at: now,
    });
  }
  for (const policyId of input.citations ?? []) await repo.cite({ caseId: row.id, policyId, citedBy: ctx.actorId, note: null, at: now });

  const rc = input.rootCause;
  const region6 = row.region_code.slice(0, 6);
  const year = Number(toChinaDate(now).slice(0, 4));
  const letterNo =
    sn.letter_no ?? answerLetterNo(await countyName(trx, region6), year, await createSequencesRepo(trx).nextAnswerLetterSeq(region6, year));
  await repo.updateCase(row.id, {
    outcome: input.outcome,
    answer_text: input.text,
    alternatives: input.alternatives ?? null,
    done_by: input.doneBy ?? null,
    root_cause_kind: rc.kind,
    conduct: rc.conduct ?? null,
    finding: rc.finding,
    decided_by: ctx.actorId,
    decided_at: now,
    minutes_to_decision: Math.max(0, Math.round((now.getTime() - row.created_at.getTime()) / 60_000)),
    letter_no: letterNo,
    ...(input.outcome === 'cannot' ? { kind: 'cannotBeDone' as const } : {}),
  });

  const follow = followUpsOf(rc);
  const unitId = rc.unitId ?? sn.origin_unit_id;
  const outbox = createOutboxRepo(trx);
  if (follow.referral) {
    const referralId = await repo.insertReferral({
      caseId: row.id,
      unitId,
      staffName: rc.staffName ?? null,
      conduct: rc.conduct ?? 'subjective',
      finding: rc.finding,
      referredBy: ctx.actorId,
      at: now,
    });
    // Inspectors only: the message names no one; the inspector opens the referral to read it.
    await outbox.enqueue(
      {
        topic: 'safety_net.referral',
        caseId: null,
        payload: { referralId, audience: [{ kind: 'role', role: 'inspector', regionCode: row.region_code }] },
      },
      now,
    );
  }
  if (follow.rectification) {
    const due = dueAt(now, ctx.rules.policyFor(row.region_code).badRating, ctx.rules.calendar);
    const noticeId = await repo.insertNotice({ caseId: row.id, unitId, finding: rc.finding, issuedBy: ctx.actorId, at: now, dueAt: due });
    await outbox.enqueue(
      {
        topic: 'safety_net.rectification',
        caseId: row.id,
        payload: { noticeId, caseId: row.id, trackingNo: row.tracking_no, audience: unitId === null ? [] : [{ kind: 'unit', unitId }] },
      },
      now,
    );
  }
  if (follow.policyBarrier) {
    await repo.upsertBarrier({
      caseId: row.id,
      matterName: sn.matter_name,
      policyIds: input.citations ?? [],
      finding: rc.finding,
      at: now,
      by: ctx.actorId,
    });
  }
}

async function countyName(trx: Db, region6: string): Promise<string> {
  return (await createRegionsRepo(trx).get(region6))?.name ?? '';
}

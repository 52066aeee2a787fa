import { DomainError, isRefusalReason, refusalNotice, terminalStatuses, type ActionInputs, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { appendEvent } from '../audit/record-event.ts';
import type { Effects } from './action-effects.ts';
import { createCasesRepo } from './cases.repo.ts';
import type { PendingRefusal } from './refusal.repo.ts';
import { visibleTo } from './visibility.ts';

/**
 * 不予受理: a registered case refused with a reason and a text goes to the supervisor's review
 * (reply_review). Approved, the case is closed as refused: counted under `refused`, never as
 * answered, solved or closed; the requester is told by SMS and on the tracking page. Rejected,
 * it is registered again. A repeat of an open case is linked to that case on approval.
 */

/** The open case a repeat names: another case, in the caller's scope, not closed or merged. */
export async function checkRefusalReferences(
  trx: Db,
  row: CaseRow,
  input: ActionInputs['refuse'],
  user: AuthUser,
): Promise<CaseRow | null> {
  if (input.linkedCaseId === undefined) return null;
  const bad = (message: string, why: string) => DomainError.atField('validation_failed', { path: 'linkedCaseId', message }, why);
  if (input.linkedCaseId === row.id) throw bad('same case', 'a case cannot repeat itself');
  const linked = await createCasesRepo(trx).get(input.linkedCaseId);
  if (!linked || !visibleTo(user, linked)) throw bad('not found', 'the linked case was not found in your scope');
  if (terminalStatuses.includes(linked.status)) {
    throw bad('not open', `case ${linked.tracking_no} is ${linked.status}: a repeat is linked to an open case only`);
  }
  return linked;
}

/** The effects of `refuse`: the refusal waits for the supervisor; nothing is counted yet. */
export function refuseEffects(row: CaseRow, input: ActionInputs['refuse'], linked: Pick<CaseRow, 'id' | 'tracking_no'> | null): Effects {
  return {
    patch: {},
    payload: {
      reasonCode: input.reasonCode,
      text: input.text,
      linkedCaseId: linked?.id ?? null,
      linkedTrackingNo: linked?.tracking_no ?? null,
    },
    metrics: [],
    audience: [{ kind: 'role', role: 'supervisor', regionCode: row.region_code }],
    publishesAnswer: false,
  };
}

/** The effects of the review of a refusal: closed as refused (its own metric), or registered again. */
export function reviewRefusalEffects(row: CaseRow, input: ActionInputs['reviewReply'], pending: PendingRefusal, now: Date): Effects {
  const refusal = { ...pending };
  if (!input.approve) {
    return {
      patch: {},
      payload: { approve: false, note: input.note, refusal },
      metrics: [],
      audience: [{ kind: 'role', role: 'dispatcher', regionCode: row.region_code }],
      publishesAnswer: false,
    };
  }
  const reason = isRefusalReason(pending.reasonCode) ? pending.reasonCode : 'other';
  return {
    patch: { closed_at: now, next_due_at: null, near_due_at: null },
    // `text` is what the requester's SMS carries (the answer template): 不予受理（reason）：text.
    payload: { approve: true, note: input.note, refusal, text: refusalNotice(reason, pending.text, 'zh') },
    metrics: [{ metric: 'refused', unitId: row.lead_unit_id }],
    audience: [{ kind: 'requester' }],
    publishesAnswer: false,
  };
}

/** On approval, a repeat is linked to the open case it repeats (recorded on that case as merged in). */
export async function linkRefusedRepeat(
  trx: Db,
  refused: CaseRow,
  pending: PendingRefusal,
  user: AuthUser | null,
  now: Date,
): Promise<void> {
  if (pending.linkedCaseId === null) return;
  const cases = createCasesRepo(trx);
  const open = await cases.lock(pending.linkedCaseId);
  if (!open) return;
  await cases.update(open.id, open.version, { updated_at: now });
  await appendEvent(trx, {
    caseId: open.id,
    action: 'mergedIn',
    actorId: user?.id ?? null,
    actorRole: 'supervisor',
    actorUnitId: user?.units[0]?.id ?? null,
    fromStatus: open.status,
    toStatus: open.status,
    payload: { caseId: refused.id, trackingNo: refused.tracking_no, refused: true },
    at: now,
  });
}

/** An approved refusal as the case's events record it: the reason, the text, the review and when. */
export interface ApprovedRefusal extends PendingRefusal {
  reviewNote: string | null;
  at: Date;
}

/**
 * The approved refusal of a case, if any: the last `reviewReply` that approved a refusal. An
 * approved refusal closes the case for good, so nothing can come after it.
 */
export function approvedRefusalOf(
  events: readonly { action: string; payload: Record<string, unknown>; created_at: Date }[],
): ApprovedRefusal | null {
  const ev = [...events].reverse().find((e) => e.action === 'reviewReply' && e.payload['approve'] === true && 'refusal' in e.payload);
  if (!ev) return null;
  const r = (ev.payload['refusal'] ?? {}) as Record<string, unknown>;
  return {
    reasonCode: typeof r['reasonCode'] === 'string' ? r['reasonCode'] : 'other',
    text: typeof r['text'] === 'string' ? r['text'] : '',
    linkedCaseId: typeof r['linkedCaseId'] === 'number' ? r['linkedCaseId'] : null,
    linkedTrackingNo: typeof r['linkedTrackingNo'] === 'string' ? r['linkedTrackingNo'] : null,
    reviewNote: typeof ev.payload['note'] === 'string' ? ev.payload['note'] : null,
    at: ev.created_at,
  };
}

import { DomainError, caseActions, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { appendEvent } from '../audit/record-event.ts';
import { caseEventMessage } from '../../outbox/case-message.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { combineReactions, type CaseReaction, type CaseReactions } from './case-hooks.ts';
import { createCasesRepo } from './cases.repo.ts';

/**
 * What a merge ties together, inside the action's transaction: the master records the merged
 * case, cases merged earlier follow to the new master, and every merged requester receives the
 * master's answer when it is published (at once, if it already was).
 */
/** Record the merge on the master too, and hand over its answer at once if it already has one. */
export async function linkToMaster(trx: Db, merged: CaseRow, masterId: number, user: AuthUser, now: Date) {
  const cases = createCasesRepo(trx);
  const master = await cases.lock(masterId);
  if (!master) throw new DomainError('not_found', 'case not found');
  const updatedMaster = await cases.update(master.id, master.version, { updated_at: now });
  // The dispatcher who merged is the actor of the events on the other cases too.
  const actor = { actorId: user.id, actorRole: 'dispatcher' as const, actorUnitId: user.units[0]?.id ?? null };
  // Cases merged earlier into the case now merged follow it to the new master, so their
  // requesters still receive the final answer.
  for (const child of await cases.mergedInto(merged.id)) {
    await cases.update(child.id, child.version, { master_id: master.id, updated_at: now });
    await appendEvent(trx, {
      caseId: child.id,
      action: 'masterChanged',
      ...actor,
      fromStatus: 'merged',
      toStatus: 'merged',
      payload: { fromMasterId: merged.id, masterId: master.id, masterTrackingNo: master.tracking_no },
      at: now,
    });
  }
  await appendEvent(trx, {
    caseId: master.id,
    action: 'mergedIn',
    ...actor,
    fromStatus: master.status,
    toStatus: master.status,
    payload: { caseId: merged.id, trackingNo: merged.tracking_no },
    at: now,
  });
  if (updatedMaster && master.replied_at !== null && master.reply_outcome !== null) {
    await forwardAnswerTo(trx, merged, master, now);
  }
}

export async function forwardAnswer(trx: Db, master: CaseRow, now: Date) {
  for (const m of await createCasesRepo(trx).mergedInto(master.id)) await forwardAnswerTo(trx, m, master, now);
}

/** The requester of a merged case receives the master's answer. */
async function forwardAnswerTo(trx: Db, merged: CaseRow, master: CaseRow, now: Date) {
  const ev = await appendEvent(trx, {
    caseId: merged.id,
    action: 'masterReplied',
    actorId: null,
    actorRole: 'system',
    actorUnitId: master.lead_unit_id,
    fromStatus: 'merged',
    toStatus: 'merged',
    payload: { masterId: master.id, masterTrackingNo: master.tracking_no, outcome: master.reply_outcome, text: master.reply_text },
    at: now,
  });
  await createOutboxRepo(trx).enqueue(caseEventMessage(merged, ev.id, 'masterReplied', [{ kind: 'requester' }]), now);
}

const linkMerged: CaseReaction = async (ctx) => {
  if (ctx.input.action === 'merge' && ctx.user !== null) await linkToMaster(ctx.trx, ctx.after, ctx.input.masterId, ctx.user, ctx.now);
};

const forwardPublished: CaseReaction = async (ctx) => {
  if (ctx.publishesAnswer) await forwardAnswer(ctx.trx, ctx.after, ctx.now);
};

/** A merge links the cases; any action that publishes an answer hands it to the cases merged into this one. */
export const mergeLinkReactions: CaseReactions = combineReactions(
  { merge: [linkMerged] },
  Object.fromEntries(caseActions.map((a) => [a, [forwardPublished]])),
);

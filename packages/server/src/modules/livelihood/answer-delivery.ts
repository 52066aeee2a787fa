import type { AnswersSent } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createMattersRepo, type OriginatorRow } from './matters.repo.ts';
import { originatorView, reachable } from './matter-view.ts';

/**
 * Tell every unanswered originator the outbox can reach (an SMS to a phone, or the requester of
 * a case through the case), mark them answered, and return those it cannot reach. Runs inside
 * the caller's transaction: if the caller refuses afterwards, nothing was sent.
 */
export async function deliverAnswers(
  trx: Db,
  a: {
    originators: readonly OriginatorRow[];
    titles: ReadonlyMap<number, string>;
    /** The message for one originator's matter. */
    text: (matterTitle: string) => string;
    /** What is recorded as the answer. */
    note: string;
    /** Message ids are `${idPrefix}-${originatorId}`: the receiver can drop a repeat. */
    idPrefix: string;
    /** What the answer is about besides the matter (a key project's answers name the project). */
    context: { projectId?: number };
    by: number;
    at: Date;
  },
): Promise<AnswersSent> {
  const outbox = createOutboxRepo(trx);
  const open = a.originators.filter((o) => o.answeredAt === null);
  const bySms: number[] = [];
  const byCase: number[] = [];
  for (const o of open.filter(reachable)) {
    const id = `${a.idPrefix}-${o.id}`;
    const text = a.text(a.titles.get(o.matterId) ?? '');
    const about = { ...a.context, originatorId: o.id, matterId: o.matterId };
    if (o.kind === 'case' && o.caseId !== null) {
      const payload = { id, channel: 'case' as const, ...about, caseId: o.caseId, trackingNo: o.trackingNo, to: o.casePhone, text };
      await outbox.enqueue({ topic: 'livelihood.answer', caseId: o.caseId, payload }, a.at);
      byCase.push(o.id);
    } else {
      await outbox.enqueue(
        { topic: 'livelihood.answer', caseId: null, payload: { id, channel: 'sms', ...about, to: o.phone, text } },
        a.at,
      );
      bySms.push(o.id);
    }
  }
  const repo = createMattersRepo(trx);
  await repo.markAnswered(bySms, { method: 'sms', note: a.note, by: a.by }, a.at);
  await repo.markAnswered(byCase, { method: 'case', note: a.note, by: a.by }, a.at);
  return {
    sent: bySms.length + byCase.length,
    unanswered: open
      .filter((o) => !reachable(o))
      .map((o) => ({ ...originatorView(o, true), matterId: o.matterId, matterTitle: a.titles.get(o.matterId) ?? '' })),
  };
}

import { dueAt, isSatisfied, toChinaDate, type Satisfaction, type DeadlineRules } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createBadRatingsRepo } from './bad-ratings.repo.ts';

const labels: Record<Satisfaction, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

/**
 * A follow-up rated 不满意 or 非常不满意 issues a rectification notice to the unit that handled the
 * case, due within the region's bad-rating limit (15 working days by default), in the rating's own
 * transaction. The unit answers it (整改答复) or appeals a malicious rating (申诉复核).
 */
export async function issueBadRatingNotice(
  trx: Db,
  row: CaseRow,
  rating: { satisfaction: Satisfaction; comment?: string | undefined; eventId: number; actorId: number | null },
  rules: DeadlineRules,
  now: Date,
): Promise<number | null> {
  if (isSatisfied(rating.satisfaction)) return null;
  const due = dueAt(now, rules.policyFor(row.region_code).badRating, rules.calendar);
  const finding = `群众评价“${labels[rating.satisfaction]}”${rating.comment ? `：${rating.comment}` : ''}（${toChinaDate(now)}）`;
  const id = await createBadRatingsRepo(trx).insert({
    caseId: row.id,
    unitId: row.lead_unit_id,
    finding,
    satisfaction: rating.satisfaction,
    ratingEventId: rating.eventId,
    issuedBy: rating.actorId,
    at: now,
    dueAt: due,
  });
  await createOutboxRepo(trx).enqueue(
    {
      topic: 'rating.bad',
      caseId: row.id,
      payload: {
        noticeId: id,
        caseId: row.id,
        trackingNo: row.tracking_no,
        satisfaction: rating.satisfaction,
        dueAt: due.toISOString(),
        audience: row.lead_unit_id === null ? [] : [{ kind: 'unit', unitId: row.lead_unit_id }],
      },
    },
    now,
  );
  return id;
}

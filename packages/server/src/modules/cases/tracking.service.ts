import { DomainError, publicTimeline, type Lang } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createEventsRepo } from '../audit/events.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCasesRepo } from './cases.repo.ts';

/**
 * The citizen's view of a case, found by tracking number and the last four digits of the
 * requester's phone. Nothing personal, no internal notes, no staff names; a wrong number or
 * wrong digits look exactly alike (404), so the page cannot be used to probe for cases.
 */
export function createTrackingService(db: Db) {
  return {
    async track(trackingNo: string, last4: string, lang: Lang) {
      const row = await createCasesRepo(db).findByTrackingNo(trackingNo);
      if (!row || row.requester_phone_last4 !== last4) throw new DomainError('not_found', 'no case with this number and phone');
      const events = await createEventsRepo(db).ofCase(row.id);
      const unitIds = events.map((e) => e.payload['leadUnitId']).filter((x): x is number => typeof x === 'number');
      const names = await createUnitsRepo(db).namesOf(unitIds);
      const timeline = publicTimeline(
        events.map((e) => ({
          action: e.action,
          toStatus: e.to_status,
          createdAt: e.created_at,
          payload: e.payload,
          unitName: typeof e.payload['leadUnitId'] === 'number' ? names.get(e.payload['leadUnitId']) : undefined,
        })),
        lang,
      );
      const answered = row.replied_at !== null && row.reply_outcome !== null;
      return {
        trackingNo: row.tracking_no,
        type: row.type,
        title: row.title,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        answerBy: row.status === 'closed' || row.status === 'merged' ? null : row.answer_by.toISOString(),
        answer: answered ? { outcome: row.reply_outcome, text: row.reply_text, policyBasis: row.policy_basis, repliedAt: row.replied_at?.toISOString() } : null,
        canRate: row.status === 'replied' && row.follow_up === 'none',
        rating: row.satisfaction === null ? null : { solved: row.solved, satisfaction: row.satisfaction },
        timeline,
      };
    },
  };
}

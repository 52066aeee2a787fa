import { DomainError, publicTimeline, type CaseTracking, type Lang } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createEventsRepo } from '../audit/events.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCasesRepo } from './cases.repo.ts';
import type { GuessLimiter } from './guess-limiter.ts';
import { approvedRefusalOf } from './refusal.ts';

/**
 * The citizen's view of a case, found by tracking number and the last four digits of the
 * requester's phone. Nothing personal, no internal notes, no staff names; a wrong number or
 * wrong digits look exactly alike (404), so the page cannot be used to probe for cases.
 */
export function createTrackingService(db: Db, guesses: GuessLimiter) {
  return {
    async track(trackingNo: string, last4: string, lang: Lang): Promise<CaseTracking> {
      guesses.check(trackingNo);
      const row = await createCasesRepo(db).findByTrackingNo(trackingNo);
      if (!row || row.requester_phone_last4 !== last4) {
        guesses.fail(trackingNo);
        throw new DomainError('not_found', 'no case with this number and phone');
      }
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
      // A merged case's requester gets the master's answer.
      const source = row.status === 'merged' && row.master_id !== null ? ((await createCasesRepo(db).get(row.master_id)) ?? row) : row;
      const { reply_outcome: outcome, replied_at: repliedAt } = source;
      const answered = repliedAt !== null && outcome !== null;
      return {
        trackingNo: row.tracking_no,
        type: row.type,
        title: row.title,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        answerBy: row.status === 'closed' || row.status === 'merged' ? null : row.answer_by.toISOString(),
        answer: answered
          ? { outcome, text: source.reply_text, policyBasis: source.policy_basis, repliedAt: repliedAt.toISOString() }
          : null,
        canRate: row.status === 'replied' && row.follow_up === 'none',
        // An answered case (or an approved refusal) has an answer letter (GET /api/v1/track/{no}/answer.pdf).
        writtenAnswer: answered || (row.status === 'closed' && approvedRefusalOf(events) !== null),
        // Who gave it: the citizen on this page, or the supervisor's follow-up call.
        rating:
          row.satisfaction === null
            ? null
            : {
                solved: row.solved,
                satisfaction: row.satisfaction,
                by: [...events].reverse().find((e) => e.action === 'followUp')?.actor_role === 'citizen' ? 'citizen' : 'follow_up_call',
              },
        timeline,
      };
    },
  };
}

export type TrackingService = ReturnType<typeof createTrackingService>;

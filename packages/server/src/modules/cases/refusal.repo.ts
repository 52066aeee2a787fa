import type { Db } from '../../db/connect.ts';

/** The refusal (不予受理) waiting for review, as its event recorded it. */
export interface PendingRefusal {
  reasonCode: string;
  text: string;
  linkedCaseId: number | null;
  linkedTrackingNo: string | null;
}

export function createRefusalRepo(db: Db) {
  return {
    /**
     * What waits for review on a case in reply_review: a refusal when the event that put it
     * there was `refuse` (events inside the review, such as a citation, do not count).
     */
    async pending(caseId: number): Promise<PendingRefusal | null> {
      const ev = await db
        .selectFrom('case_events')
        .select(['action', 'payload'])
        .where('case_id', '=', caseId)
        .where('to_status', '=', 'reply_review')
        .where((eb) => eb.or([eb('from_status', 'is', null), eb('from_status', '!=', 'reply_review')]))
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!ev || ev.action !== 'refuse') return null;
      const p = ev.payload;
      return {
        reasonCode: typeof p['reasonCode'] === 'string' ? p['reasonCode'] : 'other',
        text: typeof p['text'] === 'string' ? p['text'] : '',
        linkedCaseId: typeof p['linkedCaseId'] === 'number' ? p['linkedCaseId'] : null,
        linkedTrackingNo: typeof p['linkedTrackingNo'] === 'string' ? p['linkedTrackingNo'] : null,
      };
    },
  };
}

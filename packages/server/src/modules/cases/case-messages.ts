import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createOutboxRepo } from '../notify/outbox.repo.ts';
import type { Audience } from './action-effects.ts';

/** The outbox message of a case event: who must hear of it; the senders resolve people and channels. */
export async function enqueueCaseMessage(
  trx: Db,
  row: CaseRow,
  eventId: number,
  action: string,
  audience: Audience[],
  now: Date,
): Promise<void> {
  await createOutboxRepo(trx).enqueue(
    {
      topic: `case.${action}`,
      caseId: row.id,
      payload: { eventId, caseId: row.id, trackingNo: row.tracking_no, action, status: row.status, audience },
    },
    now,
  );
}

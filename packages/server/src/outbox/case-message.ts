import type { Audience, CaseEventKind, CaseEventMessage } from '@huiyin/core';
import type { CaseRow } from '../db/schema.ts';

/**
 * The outbox message of a case event (`case.<action>`): who must hear of it; the fan-out
 * resolves people and channels. Written by case actions, registration, the merge's forwarded
 * answer and the deadline scanner alike.
 */
export function caseEventMessage(
  row: Pick<CaseRow, 'id' | 'tracking_no' | 'status'>,
  eventId: number,
  action: CaseEventKind,
  audience: Audience[],
  extra: { dueAt?: string; pendingConsultationUnitIds?: number[] } = {},
): CaseEventMessage {
  return {
    topic: `case.${action}`,
    caseId: row.id,
    payload: { eventId, caseId: row.id, trackingNo: row.tracking_no, action, status: row.status, audience, ...extra },
  };
}

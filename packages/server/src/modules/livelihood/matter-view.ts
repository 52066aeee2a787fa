import { isMobilePhone, maskPhone, searchTerms, type MatterListItem, type OriginatorView } from '@huiyin/core';
import type { MatterRow, OriginatorRow } from './matters.repo.ts';

/** How matters and the people who raised them are shown and searched (pure functions over repo rows). */

export function matterTerms(m: { title: string; description?: string | null | undefined }): string[] {
  return searchTerms(`${m.title}\n${m.description ?? ''}`, 2000);
}

export function originatorView(o: OriginatorRow, fullPhones: boolean): OriginatorView {
  const phone = o.phone ?? (o.kind === 'case' ? o.casePhone : null);
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    phone: phone === null ? null : fullPhones ? phone : maskPhone(phone),
    address: o.address,
    creditCode: o.creditCode,
    caseId: o.caseId,
    trackingNo: o.trackingNo,
    originMatterId: o.originMatterId,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    answerMethod: o.answerMethod,
    answerNote: o.answerNote,
    reachable: reachable(o),
  };
}

/**
 * The answer can go through the outbox as an SMS: a mobile number of the originator's own, or the
 * requester's mobile of a case originator. A landline (or no number) must be answered in person.
 */
export function reachable(o: Pick<OriginatorRow, 'kind' | 'phone' | 'caseId' | 'casePhone'>): boolean {
  if (o.phone !== null) return isMobilePhone(o.phone);
  return o.kind === 'case' && o.caseId !== null && o.casePhone !== null && isMobilePhone(o.casePhone);
}

export function matterListItem(m: MatterRow): MatterListItem {
  return {
    id: m.id,
    title: m.title,
    regionCode: m.regionCode,
    regionName: m.regionName,
    areaCode: m.areaCode,
    status: m.status,
    source: m.source,
    listId: m.listId,
    mergedIntoId: m.mergedIntoId,
    projectId: m.projectId,
    originatorCount: m.originatorCount,
    collectedOn: m.collectedOn,
    createdAt: m.createdAt.toISOString(),
  };
}

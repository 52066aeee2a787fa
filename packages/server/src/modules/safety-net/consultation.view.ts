import type { ConsultationView } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';

/**
 * The consultations (会商) of a case as the detail shows them, oldest first: who was invited, the
 * opinions given, who has not answered yet, the minutes once recorded and, for an ordinary case,
 * when the dispute must be settled. The same view serves the safety-net block and ordinary cases.
 */
export async function consultationViews(db: Db, caseId: number): Promise<ConsultationView[]> {
  const consultations = await createSafetyNetRepo(db).consultationsOf(caseId);
  if (consultations.length === 0) return [];
  const ids = new Set<number>();
  for (const { consultation: k } of consultations) {
    for (const u of [...k.unit_ids, ...k.assist_unit_ids]) ids.add(u);
    if (k.lead_unit_id !== null) ids.add(k.lead_unit_id);
  }
  const names = await createUnitsRepo(db).namesOf([...ids]);
  const unit = (id: number) => ({ id, name: names.get(id) ?? String(id) });
  return consultations.map(({ consultation: k, opinions }) => {
    const answered = new Set(opinions.map((o) => o.unit_id));
    return {
      id: k.id,
      agenda: k.agenda,
      convenedAt: k.convened_at.toISOString(),
      invited: k.unit_ids.map(unit),
      opinions: opinions.map((o) => ({ unit: unit(o.unit_id), opinion: o.opinion, at: o.created_at.toISOString() })),
      // Who has not answered yet (empty once everyone spoke).
      pending: k.unit_ids.filter((u) => !answered.has(u)).map(unit),
      minutes:
        k.closed_at === null
          ? null
          : {
              leadUnit: k.lead_unit_id === null ? null : unit(k.lead_unit_id),
              assistUnits: k.assist_unit_ids.map(unit),
              decision: k.decision,
              at: k.closed_at.toISOString(),
            },
      open: k.closed_at === null,
      dueAt: k.due_at?.toISOString() ?? null,
    };
  });
}

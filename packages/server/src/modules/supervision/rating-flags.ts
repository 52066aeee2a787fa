import { flagRatings, satisfactionLevels, type RatingFlag, type RatingRecord, type Satisfaction } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createSupervisionRepo } from './supervision.repo.ts';

/**
 * Honest satisfaction: the follow-up ratings of the window as core's rating rules read them, and
 * the flags they raise (a member of the handling unit rating its own work, bursts by one account,
 * ratings before the answer, all-top-grade units whose matters come back, the same comment on many
 * cases). A flag is a reason for a supervisor to look, never proof.
 */
export async function ratingFlags(
  db: Db,
  prefixes: readonly string[],
  from: Date,
): Promise<{ flags: RatingFlag[]; leadUnitOf: Map<number, number | null>; ratings: number }> {
  const rows = await createSupervisionRepo(db).ratings(prefixes, from);
  const records: RatingRecord[] = [];
  for (const r of rows) {
    const p = r.payload as { solved?: unknown; satisfaction?: unknown; comment?: unknown; repliedAt?: unknown; leadUnitId?: unknown };
    if (typeof p.satisfaction !== 'string' || !(satisfactionLevels as readonly string[]).includes(p.satisfaction)) continue;
    const staff = r.actor_id !== null;
    const units = [...new Set([...(r.actor_units ?? []).map(Number), ...(r.actor_unit_id !== null ? [r.actor_unit_id] : [])])];
    records.push({
      caseId: r.case_id,
      ratedAt: r.created_at,
      recordedBy: staff ? { userId: r.actor_id, unitIds: units } : null,
      channel: staff ? 'phone' : 'web',
      satisfaction: p.satisfaction as Satisfaction,
      solved: p.solved === true,
      comment: typeof p.comment === 'string' ? p.comment : null,
      // As recorded with the rating when present (older events: the case's current values).
      repliedAt: typeof p.repliedAt === 'string' ? new Date(p.repliedAt) : r.replied_at,
      leadUnitId: typeof p.leadUnitId === 'number' ? p.leadUnitId : r.lead_unit_id,
      reopened: r.reopened === true,
    });
  }
  return { flags: flagRatings(records), leadUnitOf: new Map(records.map((r) => [r.caseId, r.leadUnitId])), ratings: records.length };
}

/** Flagged cases per lead unit (each case once per unit), for the overview. */
export function flaggedCasesByUnit(
  flags: readonly RatingFlag[],
  leadUnitOf: ReadonlyMap<number, number | null>,
): Map<number | null, number> {
  const seen = new Map<number | null, Set<number>>();
  for (const f of flags) {
    for (const c of f.caseIds) {
      const unit = f.unitId ?? leadUnitOf.get(c) ?? null;
      if (!seen.has(unit)) seen.set(unit, new Set());
      seen.get(unit)!.add(c);
    }
  }
  return new Map([...seen].map(([u, s]) => [u, s.size]));
}

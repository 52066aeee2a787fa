import type { CaseExtension } from '../cases/case-hooks.ts';
import { settleLimitOf } from './consultation-settle-limit.ts';
import { consultationViews } from './consultation.view.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';

/**
 * 会商 of an ordinary case (a dispatch dispute) in every case's lifecycle: the open consultation
 * and whether minutes settled the dispatch (the lifecycle table's guards read both), the heads of
 * invited units seeing the case while it is open, the time to settle (a national setting) for the
 * convening, and the consultations in the case detail. The safety-net window's own consultations are its
 * extension's (case-extension.ts); both write the same tables through the same reactions.
 */
export const ordinaryConsultationExtension: CaseExtension = {
  async snapshotFacts(conn, row) {
    if (row.channel === 'safety_net') return {};
    const repo = createSafetyNetRepo(conn);
    const open = await repo.openConsultation(row.id);
    return {
      consultation: open ? { unitIds: open.unit_ids, answeredUnitIds: open.answeredUnitIds } : null,
      consultationSettled: await repo.hasMinutes(row.id),
    };
  },

  // Only the heads of the invited units, and only while the consultation is open: their handlers
  // never, and after the minutes a unit sees the case only as its lead or assisting unit.
  async alsoVisibleTo(conn, user, row) {
    if (row.channel === 'safety_net' || !user.roles.includes('unit_head')) return false;
    const open = await createSafetyNetRepo(conn).openConsultation(row.id);
    return open !== undefined && user.units.some((u) => open.unit_ids.includes(u.id));
  },

  async effectFacts(trx, row, input) {
    if (row.channel === 'safety_net' || input.action !== 'convene') return {};
    return { consultationSettleLimit: await settleLimitOf(trx) };
  },

  async detailExtras(conn, row) {
    return row.channel === 'safety_net' ? {} : { consultations: await consultationViews(conn, row.id) };
  },
};

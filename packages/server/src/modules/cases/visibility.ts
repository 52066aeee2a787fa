import { caseScopeFor, inScope, type AuthUser } from '@huiyin/core';

/** Whether a signed-in user may see a case (core's scope rules over the row's columns). */
export function visibleTo(
  user: AuthUser,
  row: { region_code: string; lead_unit_id: number | null; assist_unit_ids: readonly number[] },
): boolean {
  return inScope(caseScopeFor(user), { regionCode: row.region_code, leadUnitId: row.lead_unit_id, assistUnitIds: row.assist_unit_ids });
}

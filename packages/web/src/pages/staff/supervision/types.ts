import {
  escalationLevels,
  openStatuses,
  type EscalationLevel,
  type escalationRuleSchema,
  type SupervisionOverview,
  type UnitOverview,
} from '@huiyin/core';
import type { z } from 'zod';

/** The levels of urging and escalation, in order. */
export const levels = escalationLevels;
export type Level = EscalationLevel;

/** Tag colours of the levels: reminder orange, supervision red, to the leader magenta. */
export const levelColours: Record<Level, string> = { urge: 'orange', supervise: 'red', escalate: 'magenta' };

/** Who reads the supervision centre (the server's supervisionRoles). */
export const supervisionRoles: readonly string[] = ['supervisor', 'dispatcher', 'leader', 'admin'];

/** The windows the page offers, in days. */
export const windows = [7, 30, 90] as const;

/** GET /api/v1/supervision/overview, as core declares it. */
export type { SupervisionOverview, UnitOverview };
export type RecentEscalation = SupervisionOverview['recentEscalations'][number];

/** GET/PUT /api/v1/supervision/escalation-rule. */
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

/**
 * The filtered case list (CaseListPage reads `due`, `leadUnitId` and `status` from the address).
 * The centre counts each case under its lead unit, so the link filters by the lead unit only
 * (`leadUnitId`), not by `unitId`, which also matches assisting units and would list more.
 */
export function caseListLink(f: { due?: 'near' | 'overdue'; leadUnitId?: number | null; open?: boolean }): string {
  const q = new URLSearchParams();
  if (f.due) q.set('due', f.due);
  if (f.leadUnitId !== undefined && f.leadUnitId !== null) q.set('leadUnitId', String(f.leadUnitId));
  if (f.open) q.set('status', openStatuses.join(','));
  return `/admin/cases?${q.toString()}`;
}

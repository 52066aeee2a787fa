import { escalationLevels, openStatuses, type EscalationLevel } from '@huiyin/core';

/** The levels of urging and escalation, in order. */
export const levels = escalationLevels;
export type Level = EscalationLevel;

/** Tag colours of the levels: reminder orange, supervision red, to the leader magenta. */
export const levelColours: Record<Level, string> = { urge: 'orange', supervise: 'red', escalate: 'magenta' };

/** Who reads the supervision centre (the server's supervisionRoles). */
export const supervisionRoles: readonly string[] = ['supervisor', 'dispatcher', 'leader', 'admin'];

/** The windows the page offers, in days. */
export const windows = [7, 30, 90] as const;

export interface UnitOverview {
  unitId: number | null;
  unitName: string | null;
  nearDue: number;
  overdue: number;
  escalations: Record<Level, number>;
  returns: number;
  flaggedRatings: number;
}

export interface RecentEscalation {
  caseId: number;
  trackingNo: string;
  title: string;
  status: string;
  level: Level;
  dueAt: string;
  at: string;
  unit: { id: number; name: string } | null;
}

/** GET /api/v1/supervision/overview */
export interface SupervisionOverview {
  generatedAt: string;
  days: number;
  totals: Omit<UnitOverview, 'unitId' | 'unitName'>;
  units: UnitOverview[];
  recentEscalations: RecentEscalation[];
}

export interface EscalationRule {
  leaderAfterWorkingDays: number;
}

/**
 * The filtered case list (CaseListPage reads `due`, `unitId` and `status` from the address).
 * The list's unit filter matches the lead unit or an assisting unit.
 */
export function caseListLink(f: { due?: 'near' | 'overdue'; unitId?: number | null; open?: boolean }): string {
  const q = new URLSearchParams();
  if (f.due) q.set('due', f.due);
  if (f.unitId !== undefined && f.unitId !== null) q.set('unitId', String(f.unitId));
  if (f.open) q.set('status', openStatuses.join(','));
  return `/admin/cases?${q.toString()}`;
}

import type { UnitRef } from '../../../api/types.ts';

/** GET /api/v1/safety-net/analysis */
export interface Analysis {
  from?: string;
  to?: string;
  total: number;
  byOutcome: { done: number; cannot: number; open: number };
  byCause: { policy_barrier: number; coordination_needed: number; staff_conduct: number };
  byConduct: { misconduct: number; subjective: number };
  byMatter: { matterName: string; count: number; done: number; cannot: number; open: number }[];
  byOriginUnit: { unit: UnitRef | null; count: number; staffConduct: number }[];
  byMonth: { month: string; count: number }[];
  timeToDone: { count: number; medianMinutes: number | null; p90Minutes: number | null; buckets: { label: string; count: number }[] };
}

/** GET /api/v1/safety-net/gaps */
export interface Gaps {
  rule: { threshold: number; windowDays: number };
  items: {
    matterName: string;
    matterKey: string;
    count: number;
    firstAt: string;
    lastAt: string;
    cases: {
      id: number;
      trackingNo: string;
      title: string;
      status: string;
      createdAt: string;
      originUnit: UnitRef | string | null;
      outcome: 'done' | 'cannot' | null;
      rootCause: string | null;
    }[];
  }[];
}

/** GET /api/v1/safety-net/coordination */
export interface Coordination {
  consultations: number;
  open: number;
  units: { unit: UnitRef; consultations: number; led: number; avgHours: number | null }[];
  pairs: { units: UnitRef[]; count: number; avgHours: number | null }[];
}

/** GET /api/v1/safety-net/barriers */
export interface Barrier {
  id: number;
  caseId: number;
  trackingNo: string;
  matterName: string;
  policyIds: number[];
  policyName: string | null;
  finding: string;
  proposal: string | null;
  status: 'open' | 'proposed' | 'adopted' | 'declined';
  createdAt: string;
  updatedAt: string;
}

/** A period for the statistics as the API takes it (ISO times), from a date range picker. */
export function periodQuery(range: [{ toISOString(): string }, { toISOString(): string }] | null): string {
  if (!range) return '';
  const q = new URLSearchParams({ from: range[0].toISOString(), to: range[1].toISOString() });
  return `?${q.toString()}`;
}

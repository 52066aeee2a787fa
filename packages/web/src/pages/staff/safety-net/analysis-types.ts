import type { BarrierView, CoordinationView, SafetyNetAnalysis, ServiceGapsView } from '@huiyin/core';

/** The safety-net analysis answers, as core declares them: analysis, gaps, coordination, barriers. */
export type Analysis = SafetyNetAnalysis;
export type Gaps = ServiceGapsView;
export type Coordination = CoordinationView;
export type Barrier = BarrierView;

/** A period for the statistics as the API takes it (ISO times), from a date range picker. */
export function periodQuery(range: [{ toISOString(): string }, { toISOString(): string }] | null): string {
  if (!range) return '';
  const q = new URLSearchParams({ from: range[0].toISOString(), to: range[1].toISOString() });
  return `?${q.toString()}`;
}

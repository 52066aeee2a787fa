import { toChinaDate, type CoordinationView, type SafetyNetAnalysis } from '@huiyin/core';
import type { SafetyNetRepo } from './safety-net.repo.ts';

/** The analysts' reports of the safety-net window, computed from the rows the repo reads. */

type CaseRow = Awaited<ReturnType<SafetyNetRepo['casesIn']>>[number];
type ConsultationRow = Awaited<ReturnType<SafetyNetRepo['consultationsIn']>>[number];

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[m]! : Math.round((sorted[m - 1]! + sorted[m]!) / 2);
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Safety-net cases by matter, unit of origin, cause and outcome, and the time to done. */
export function analysisOf(rows: readonly CaseRow[], from: Date, to: Date): SafetyNetAnalysis {
  const count = <K extends string>(key: (r: (typeof rows)[number]) => K | null) => {
    const m = new Map<K, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const byMatter = new Map<string, { matterName: string; count: number; done: number; cannot: number; open: number }>();
  for (const r of rows) {
    const e = byMatter.get(r.matter_key) ?? { matterName: r.matter_name, count: 0, done: 0, cannot: 0, open: 0 };
    e.count++;
    if (r.outcome === 'done') e.done++;
    else if (r.outcome === 'cannot') e.cannot++;
    else e.open++;
    byMatter.set(r.matter_key, e);
  }
  const byUnit = new Map<string, { unit: { id: number; name: string } | null; count: number; staffConduct: number }>();
  for (const r of rows) {
    const key = String(r.origin_unit_id ?? 0);
    const e = byUnit.get(key) ?? {
      unit: r.origin_unit_id === null ? null : { id: r.origin_unit_id, name: r.origin_unit_name ?? String(r.origin_unit_id) },
      count: 0,
      staffConduct: 0,
    };
    e.count++;
    if (r.root_cause_kind === 'staff_conduct') e.staffConduct++;
    byUnit.set(key, e);
  }
  const doneMinutes = rows
    .filter((r) => r.outcome === 'done' && r.minutes_to_decision !== null)
    .map((r) => r.minutes_to_decision!)
    .sort((a, b) => a - b);
  const buckets = [
    { label: '≤2h', max: 120 },
    { label: '≤1d', max: 24 * 60 },
    { label: '≤2d', max: 48 * 60 },
    { label: '≤5d', max: 120 * 60 },
    { label: '>5d', max: Number.POSITIVE_INFINITY },
  ].map((b, i, all) => ({ label: b.label, count: doneMinutes.filter((m) => m <= b.max && (i === 0 || m > all[i - 1]!.max)).length }));
  const byMonth = count((r) => toChinaDate(r.created_at).slice(0, 7));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: rows.length,
    byOutcome: {
      done: rows.filter((r) => r.outcome === 'done').length,
      cannot: rows.filter((r) => r.outcome === 'cannot').length,
      open: rows.filter((r) => r.outcome === null).length,
    },
    byCause: {
      policy_barrier: rows.filter((r) => r.root_cause_kind === 'policy_barrier').length,
      coordination_needed: rows.filter((r) => r.root_cause_kind === 'coordination_needed').length,
      staff_conduct: rows.filter((r) => r.root_cause_kind === 'staff_conduct').length,
    },
    byConduct: {
      misconduct: rows.filter((r) => r.conduct === 'misconduct').length,
      subjective: rows.filter((r) => r.conduct === 'subjective').length,
    },
    byMatter: [...byMatter.values()].sort((a, b) => b.count - a.count).slice(0, 30),
    byOriginUnit: [...byUnit.values()].sort((a, b) => b.count - a.count).slice(0, 30),
    byMonth: [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, count: n })),
    timeToDone: { count: doneMinutes.length, medianMinutes: median(doneMinutes), p90Minutes: quantile(doneMinutes, 0.9), buckets },
  };
}

/** Which units had to work together, how often, and how long their consultations took. */
export function coordinationOf(rows: readonly ConsultationRow[], names: ReadonlyMap<number, string>): CoordinationView {
  const unit = (id: number) => ({ id, name: names.get(id) ?? String(id) });
  const pairs = new Map<string, { units: [number, number]; count: number; hours: number[] }>();
  const perUnit = new Map<number, { count: number; lead: number; hours: number[] }>();
  for (const r of rows) {
    const hours = r.closed_at === null ? null : (r.closed_at.getTime() - r.convened_at.getTime()) / 3_600_000;
    const ids = [...new Set(r.unit_ids)].sort((a, b) => a - b);
    for (const id of ids) {
      const e = perUnit.get(id) ?? { count: 0, lead: 0, hours: [] };
      e.count++;
      if (r.lead_unit_id === id) e.lead++;
      if (hours !== null) e.hours.push(hours);
      perUnit.set(id, e);
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}-${ids[j]}`;
        const e = pairs.get(key) ?? { units: [ids[i]!, ids[j]!], count: 0, hours: [] };
        e.count++;
        if (hours !== null) e.hours.push(hours);
        pairs.set(key, e);
      }
    }
  }
  const avg = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
  return {
    consultations: rows.length,
    open: rows.filter((r) => r.closed_at === null).length,
    units: [...perUnit.entries()]
      .map(([id, e]) => ({ unit: unit(id), consultations: e.count, led: e.lead, avgHours: avg(e.hours) }))
      .sort((a, b) => b.consultations - a.consultations),
    pairs: [...pairs.values()]
      .map((p) => ({ units: p.units.map(unit), count: p.count, avgHours: avg(p.hours) }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 50),
  };
}

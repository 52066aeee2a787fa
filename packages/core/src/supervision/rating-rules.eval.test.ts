import { describe, expect, it } from 'vitest';
import { flagRatings, ratingFlagKinds, type RatingFlag, type RatingFlagKind } from './rating-rules.ts';
import { generateSyntheticRatings, type SyntheticRatings } from './synthetic-ratings.ts';

// Core compiles without the DOM or Node typings; vitest runs on Node, which has a console.
declare const console: { log(...args: unknown[]): void };

interface RuleRow {
  kind: RatingFlagKind;
  incidents: number;
  detected: number;
  recall: number;
  plantedCases: number;
  plantedCasesFlagged: number;
  flaggedCases: number;
  falseCases: number;
  falseAlarmRate: number;
}

interface Evaluation {
  rows: RuleRow[];
  honestCases: number;
  falseCases: number;
  falseAlarmRate: number;
  /** False alarms among the honest look-alikes the generator made on purpose, and the rest. */
  falseByCause: { seconded: number; outage: number; other: number };
  noise: { label: string; cases: number; flagged: number; byKind: string }[];
  flags: RatingFlag[];
}

function evaluate(data: SyntheticRatings): Evaluation {
  const flags = flagRatings(data.records);
  const allCases = new Set(data.records.map((r) => r.caseId));
  const plantedCases = new Set(data.planted.flatMap((p) => p.caseIds));
  const honestCases = [...allCases].filter((id) => !plantedCases.has(id)).length;
  const rows = ratingFlagKinds.map((kind): RuleRow => {
    const incidents = data.planted.filter((p) => p.kind === kind);
    const ruleFlags = flags.filter((f) => f.kind === kind);
    const flagged = new Set(ruleFlags.flatMap((f) => f.caseIds));
    const detected = incidents.filter((p) => p.caseIds.some((id) => flagged.has(id))).length;
    const planted = new Set(incidents.flatMap((p) => p.caseIds));
    const falseCases = [...flagged].filter((id) => !plantedCases.has(id)).length;
    return {
      kind,
      incidents: incidents.length,
      detected,
      recall: incidents.length === 0 ? 1 : detected / incidents.length,
      plantedCases: planted.size,
      plantedCasesFlagged: [...planted].filter((id) => flagged.has(id)).length,
      flaggedCases: flagged.size,
      falseCases,
      falseAlarmRate: falseCases / honestCases,
    };
  });
  const flaggedAll = new Set(flags.flatMap((f) => f.caseIds));
  const falseIds = [...flaggedAll].filter((id) => !plantedCases.has(id));
  const falseCases = falseIds.length;
  const labelled = (label: string): Set<number> => new Set(data.honestNoise.filter((n) => n.label === label).flatMap((n) => n.caseIds));
  const seconded = labelled('seconded_agent');
  const outage = labelled('outage_catch_up');
  const falseByCause = {
    seconded: falseIds.filter((id) => seconded.has(id)).length,
    outage: falseIds.filter((id) => !seconded.has(id) && outage.has(id)).length,
    other: falseIds.filter((id) => !seconded.has(id) && !outage.has(id)).length,
  };
  const noise = data.honestNoise.map((n) => {
    const hit = n.caseIds.filter((id) => flaggedAll.has(id));
    const byKind = ratingFlagKinds
      .map((k) => [k, hit.filter((id) => flags.some((f) => f.kind === k && f.caseIds.includes(id))).length] as const)
      .filter(([, c]) => c > 0)
      .map(([k, c]) => `${k} ${c}`)
      .join(', ');
    return { label: n.label, cases: n.caseIds.length, flagged: hit.length, byKind };
  });
  return { rows, honestCases, falseCases, falseAlarmRate: falseCases / honestCases, falseByCause, noise, flags };
}

function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  return [line(cells[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

describe('rating rules on the synthetic month', () => {
  it('find the planted fraud (recall ≥ 0.9 per rule) with few false alarms (≤ 1 % of honest cases)', () => {
    const data = generateSyntheticRatings();
    const e = evaluate(data);
    const cases = new Set(data.records.map((r) => r.caseId)).size;
    console.log(
      [
        '',
        `Synthetic month (seed default): ${data.records.length} ratings of ${cases} cases, ${data.units.length - 1} units + the centre; ${cases - e.honestCases} planted cases, ${e.honestCases} honest`,
        table(
          ['rule', 'incidents', 'detected', 'recall', 'planted cases flagged', 'flagged cases', 'not planted', 'false-alarm rate'],
          e.rows.map((r) => [
            r.kind,
            r.incidents,
            r.detected,
            r.recall.toFixed(2),
            `${r.plantedCasesFlagged}/${r.plantedCases}`,
            r.flaggedCases,
            r.falseCases,
            pct(r.falseAlarmRate, 2),
          ]),
        ),
        `overall: ${e.flags.length} flags; ${e.falseCases} flagged cases not planted of ${e.honestCases} honest cases = false-alarm rate ${pct(e.falseAlarmRate, 2)}` +
          ` (seconded agent ${e.falseByCause.seconded}, outage catch-up ${e.falseByCause.outage}, other ${e.falseByCause.other})`,
        '',
        'honest look-alikes (generated on purpose) and how many of their cases were flagged:',
        table(
          ['honest noise', 'cases', 'flagged', 'by rule'],
          e.noise.map((n) => [n.label, n.cases, n.flagged, n.byKind || '-']),
        ),
        '',
      ].join('\n'),
    );
    for (const r of e.rows) expect(r.recall, r.kind).toBeGreaterThanOrEqual(0.9);
    expect(e.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });

  it('hold on other seeds too (the defaults were not fitted to one draw)', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const results = seeds.map((seed) => ({ seed, e: evaluate(generateSyntheticRatings({ seed })) }));
    const meanFalseAlarm = results.reduce((s, r) => s + r.e.falseAlarmRate, 0) / results.length;
    console.log(
      [
        '',
        'Other seeds: incidents detected per rule, overall false alarms and where they come from',
        table(
          ['seed', ...ratingFlagKinds, 'false alarms', 'seconded', 'outage', 'other'],
          results.map(({ seed, e }) => [
            seed,
            ...e.rows.map((r) => `${r.detected}/${r.incidents}`),
            `${e.falseCases} (${pct(e.falseAlarmRate, 2)})`,
            e.falseByCause.seconded,
            e.falseByCause.outage,
            e.falseByCause.other,
          ]),
        ),
        `mean false-alarm rate over ${seeds.length} seeds: ${pct(meanFalseAlarm, 2)}`,
        '',
      ].join('\n'),
    );
    for (const { seed, e } of results) {
      for (const r of e.rows) expect(r.recall, `seed ${seed} ${r.kind}`).toBeGreaterThanOrEqual(0.9);
    }
    // Single seeds swing with how many agents were calling during the outage and how many of
    // the seconded agent's home-unit cases came up in the rota; the mean is held to the target.
    expect(meanFalseAlarm).toBeLessThanOrEqual(0.01);
  });
});

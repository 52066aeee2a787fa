import type { RatingFlag, RatingRecord, RatingRuleConfig } from './rating-records.ts';

/** Small helpers the rating rules share: sorting, grouping, formatting evidence, comment folding, the binomial tail. */
export const MINUTE_MS = 60_000;

export type SortKey = readonly (number | string)[];

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

export function sortFlags(keyed: { flag: RatingFlag; key: SortKey }[]): RatingFlag[] {
  return keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.flag);
}

export function uniqueSorted(ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Records in a fixed order whatever the input order: time, then case, then the rest. */
export function byTime(a: RatingRecord, b: RatingRecord): number {
  return (
    a.ratedAt.getTime() - b.ratedAt.getTime() || a.caseId - b.caseId || (a.repliedAt?.getTime() ?? -1) - (b.repliedAt?.getTime() ?? -1)
  );
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function percent(x: number): string {
  return (x * 100).toFixed(1);
}

export function groupBy<K, V>(items: readonly V[], keyOf: (v: V) => K | undefined): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const v of items) {
    const k = keyOf(v);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

export function timeSpan(records: readonly RatingRecord[]): { firstAt: string; lastAt: string } {
  // A loop, not Math.min(...times): a big unit's month can exceed the engine's argument limit.
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    const t = r.ratedAt.getTime();
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return { firstAt: iso(first), lastAt: iso(last) };
}

export function withIds(
  flag: Omit<RatingFlag, 'unitId' | 'userId'>,
  unitId: number | null | undefined,
  userId: number | null | undefined,
): RatingFlag {
  return { ...flag, ...(unitId == null ? {} : { unitId }), ...(userId == null ? {} : { userId }) };
}

/**
 * The form of a comment that is compared: NFKC (full-width letters, digits and punctuation
 * become their plain forms), lower case, and no whitespace, punctuation or symbols (emoji
 * included). "很满意！" and "很 满意" both become "很满意".
 */
export function normaliseComment(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function checkConfig(c: RatingRuleConfig): void {
  const bad = (what: string): never => {
    throw new RangeError(`rating rule config: ${what}`);
  };
  if (!Number.isInteger(c.burstCount) || c.burstCount < 2) bad('burstCount must be an integer of at least 2');
  if (!(c.burstWindowMinutes > 0)) bad('burstWindowMinutes must be positive');
  if (!(c.topGradeMinSample >= 1)) bad('topGradeMinSample must be at least 1');
  if (!(c.topGradeShare >= 0 && c.topGradeShare <= 1)) bad('topGradeShare must be within 0..1');
  if (!(c.reopenRateAbove >= 0 && c.reopenRateAbove < 1)) bad('reopenRateAbove must be within 0..1 (1 excluded)');
  if (!(c.sameCommentMinCases >= 2)) bad('sameCommentMinCases must be at least 2');
  if (!(c.sameCommentMinLength >= 1)) bad('sameCommentMinLength must be at least 1');
  if (!(c.sameCommentMaxChance > 0 && c.sameCommentMaxChance < 1)) bad('sameCommentMaxChance must be within 0..1 (both excluded)');
}

/** P(X ≥ x) for X ~ Binomial(n, p), summed in log space (n is at most a few thousand). */
export function binomialTail(n: number, x: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let lnChoose = 0;
  for (let k = 1; k <= x; k++) lnChoose += Math.log(n - k + 1) - Math.log(k);
  let sum = 0;
  for (let k = x; k <= n; k++) {
    sum += Math.exp(lnChoose + k * lp + (n - k) * lq);
    lnChoose += Math.log(n - k) - Math.log(k + 1);
  }
  return Math.min(1, sum);
}

/**
 * Service gaps: a matter that keeps failing at the regular windows. Pure rules over the failures
 * the server reads; the threshold and window are settings (default 3 failures in 90 days).
 */

export interface GapRule {
  /** Failures of one matter that make a gap. */
  readonly threshold: number;
  /** Look-back window in days, counted back from now. */
  readonly windowDays: number;
}

export const defaultGapRule: GapRule = { threshold: 3, windowDays: 90 };

export interface MatterFailure {
  readonly caseId: number;
  readonly matterName: string;
  readonly at: Date;
}

export interface ServiceGap {
  readonly matterKey: string;
  /** The most frequent spelling of the matter's name among its failures. */
  readonly matterName: string;
  readonly count: number;
  readonly firstAt: Date;
  readonly lastAt: Date;
  /** Newest first. */
  readonly caseIds: readonly number[];
}

/**
 * The key two spellings of one matter share: full-width forms folded, letters lower-cased,
 * whitespace and punctuation dropped ("食品经营许可证 （延续）" = "食品经营许可证(延续)").
 */
export function matterKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function validateGapRule(rule: GapRule): string | null {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 2 || rule.threshold > 1000)
    return 'threshold must be a whole number from 2 to 1000';
  if (!Number.isInteger(rule.windowDays) || rule.windowDays < 1 || rule.windowDays > 3660)
    return 'windowDays must be a whole number from 1 to 3660';
  return null;
}

const DAY_MS = 86_400_000;

/** Matters with at least `threshold` failures in the last `windowDays`, most failures first. */
export function findServiceGaps(failures: readonly MatterFailure[], rule: GapRule, now: Date): ServiceGap[] {
  const since = now.getTime() - rule.windowDays * DAY_MS;
  const groups = new Map<string, MatterFailure[]>();
  for (const f of failures) {
    const t = f.at.getTime();
    if (t < since || t > now.getTime()) continue;
    const key = matterKey(f.matterName);
    if (key === '') continue;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const gaps: ServiceGap[] = [];
  for (const [key, list] of groups) {
    if (list.length < rule.threshold) continue;
    list.sort((a, b) => b.at.getTime() - a.at.getTime() || b.caseId - a.caseId);
    gaps.push({
      matterKey: key,
      matterName: mostFrequent(list.map((f) => f.matterName.trim())),
      count: list.length,
      firstAt: list[list.length - 1]!.at,
      lastAt: list[0]!.at,
      caseIds: list.map((f) => f.caseId),
    });
  }
  return gaps.sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime() || a.matterKey.localeCompare(b.matterKey));
}

function mostFrequent(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best = names[0] ?? '';
  for (const [n, c] of counts) if (c > (counts.get(best) ?? 0)) best = n;
  return best;
}

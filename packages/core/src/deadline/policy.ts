import type { CaseType } from '../case/vocabulary.ts';
import { validateTimeLimit, type TimeLimit } from './time-limit.ts';
import { defaultWorkingHours, validateWorkingHours, type WorkingHours } from './working-hours.ts';

/** Safety-net (办不成事反映窗口) cases by how they are handled. */
export type SafetyNetKind = 'simple' | 'general' | 'complex' | 'cannotBeDone';

/** The time limits of one region (DOMAIN.md, "Time limits"). */
export interface TimeLimitPolicy {
  /** Signing for a dispatched case; a return must also come within it. */
  readonly sign: TimeLimit;
  /** Answering, by case type. */
  readonly answer: Readonly<Record<CaseType, TimeLimit>>;
  /** Responding to urgent help (replaces answer.help when the case is urgent). */
  readonly urgentHelp: TimeLimit;
  readonly safetyNet: Readonly<Record<SafetyNetKind, TimeLimit>>;
  /** Rectifying and answering a bad service rating. */
  readonly badRating: TimeLimit;
  /** Office hours: where the day ends for working-day limits and what counts for working-hour limits. */
  readonly workingHours: WorkingHours;
}

/** A region's partial override: any limit, or any single entry of answer / safetyNet. */
export interface TimeLimitPolicyOverride {
  readonly sign?: TimeLimit | undefined;
  readonly answer?: Readonly<Partial<Record<CaseType, TimeLimit>>> | undefined;
  readonly urgentHelp?: TimeLimit | undefined;
  readonly safetyNet?: Readonly<Partial<Record<SafetyNetKind, TimeLimit>>> | undefined;
  readonly badRating?: TimeLimit | undefined;
  readonly workingHours?: WorkingHours | undefined;
}

const wd = (value: number): TimeLimit => ({ unit: 'workingDays', value });

export const defaultTimeLimitPolicy: TimeLimitPolicy = {
  sign: wd(1),
  answer: { consultation: wd(2), help: wd(10), suggestion: wd(10), complaint: wd(15), report: wd(15) },
  urgentHelp: { unit: 'hours', value: 2 },
  safetyNet: { simple: { unit: 'sameDay' }, general: wd(2), complex: wd(5), cannotBeDone: wd(3) },
  badRating: wd(15),
  workingHours: defaultWorkingHours,
};

/**
 * The answer limit of a case: urgent help gets urgentHelp; a case of the safety-net window gets
 * the safety-net limit of its kind (general unless the officer classifies it); every other case
 * its type's limit.
 */
export function answerLimitFor(
  policy: TimeLimitPolicy,
  c: { type: CaseType; urgent: boolean; channel?: string | undefined; safetyNetKind?: SafetyNetKind | undefined },
): TimeLimit {
  if (c.urgent && c.type === 'help') return policy.urgentHelp;
  if (c.channel === 'safety_net') return policy.safetyNet[c.safetyNetKind ?? 'general'];
  return policy.answer[c.type];
}

const topLimits = ['sign', 'urgentHelp', 'badRating'] as const;
const groups = ['answer', 'safetyNet'] as const;
const groupKeys: Record<(typeof groups)[number], readonly string[]> = {
  answer: ['consultation', 'help', 'complaint', 'report', 'suggestion'] satisfies readonly CaseType[],
  safetyNet: ['simple', 'general', 'complex', 'cannotBeDone'] satisfies readonly SafetyNetKind[],
};

/**
 * An error message naming the offending path (e.g. "answer.help: working days must be at least 1"),
 * or null when `override` is a valid TimeLimitPolicyOverride. Accepts unknown input (stored JSON).
 */
export function validateTimeLimitPolicyOverride(override: unknown): string | null {
  if (typeof override !== 'object' || override === null || Array.isArray(override)) {
    return 'a time-limit policy must be an object';
  }
  const o = override as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!(topLimits as readonly string[]).includes(key) && !(groups as readonly string[]).includes(key) && key !== 'workingHours') {
      return `${key}: unknown time-limit setting`;
    }
  }
  if (o['workingHours'] !== undefined) {
    const h = o['workingHours'];
    if (typeof h !== 'object' || h === null || Array.isArray(h)) return 'workingHours: must be an object';
    const extra = Object.keys(h).find((k) => !['morningStart', 'morningEnd', 'afternoonStart', 'afternoonEnd'].includes(k));
    if (extra !== undefined) return `workingHours.${extra}: unknown entry`;
    const error = validateWorkingHours(h as WorkingHours);
    if (error !== null) return `workingHours: ${error}`;
  }
  for (const key of topLimits) {
    if (o[key] === undefined) continue;
    const error = validateTimeLimit(o[key]);
    if (error !== null) return `${key}: ${error}`;
  }
  for (const group of groups) {
    const g = o[group];
    if (g === undefined) continue;
    if (typeof g !== 'object' || g === null || Array.isArray(g)) return `${group}: must be an object`;
    for (const [key, limit] of Object.entries(g)) {
      if (!groupKeys[group].includes(key)) return `${group}.${key}: unknown entry`;
      if (limit === undefined) continue;
      const error = validateTimeLimit(limit);
      if (error !== null) return `${group}.${key}: ${error}`;
    }
  }
  return null;
}

function defined<T extends object>(o: T | undefined): Partial<T> {
  if (o === undefined) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * `base` with a region's partial override on top (entry by entry inside answer and safetyNet).
 * Throws a RangeError when the override holds an invalid limit.
 */
export function mergeTimeLimitPolicy(base: TimeLimitPolicy, override: TimeLimitPolicyOverride): TimeLimitPolicy {
  const error = validateTimeLimitPolicyOverride(override);
  if (error !== null) throw new RangeError(`invalid time-limit policy: ${error}`);
  return {
    sign: override.sign ?? base.sign,
    answer: { ...base.answer, ...defined(override.answer) },
    urgentHelp: override.urgentHelp ?? base.urgentHelp,
    safetyNet: { ...base.safetyNet, ...defined(override.safetyNet) },
    badRating: override.badRating ?? base.badRating,
    workingHours: override.workingHours ?? base.workingHours,
  };
}

import { chinaDateTime, toChinaDate } from '../calendar/china-time.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { CaseType } from '../case/vocabulary.ts';
import { dueAt, nearDueAt } from './due-at.ts';
import {
  answerLimitFor,
  defaultTimeLimitPolicy,
  mergeTimeLimitPolicy,
  type SafetyNetKind,
  type TimeLimitPolicy,
  type TimeLimitPolicyOverride,
} from './policy.ts';
import { defaultWorkingHours } from './working-hours.ts';

/**
 * Deadline rules for cases: the calendar (bundled State Council days plus the admin's
 * overrides) and the time-limit policy of a case's region (every configured ancestor merged
 * over the defaults of DOMAIN.md, the most specific last). Pure and synchronous: the server
 * loads a snapshot before a transaction (settings/deadlines.ts) and hands it to the rules.
 */
export interface DeadlineRules {
  readonly calendar: WorkCalendar;
  policyFor(regionCode: string): TimeLimitPolicy;
  signBy(start: Date, regionCode: string): Date;
  answerBy(
    start: Date,
    c: { type: CaseType; urgent: boolean; regionCode: string; channel?: string | undefined; safetyNetKind?: SafetyNetKind | undefined },
  ): Date;
  /** Move an answer deadline by whole working days (an approved extension). */
  extend(answerBy: Date, days: number): Date;
  nearDue(start: Date, due: Date): Date;
}

/** Where the server gets its current rules (cached; an admin's change takes effect within a minute). */
export interface Deadlines {
  snapshot(): Promise<DeadlineRules>;
  invalidate(): void;
}

/** Region codes from the most general (province) to the code itself. */
function lineage(code: string): string[] {
  const out = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)];
  if (code.length >= 9) out.push(code.slice(0, 9));
  if (code.length >= 12) out.push(code);
  return [...new Set(out)];
}

export function deadlineRules(calendar: WorkCalendar, policies: ReadonlyMap<string, TimeLimitPolicyOverride>): DeadlineRules {
  const rules: DeadlineRules = {
    calendar,
    policyFor(regionCode) {
      let policy = defaultTimeLimitPolicy;
      for (const code of lineage(regionCode)) {
        const p = policies.get(code);
        if (p) policy = mergeTimeLimitPolicy(policy, p);
      }
      return policy;
    },
    signBy(start, regionCode) {
      const policy = rules.policyFor(regionCode);
      return dueAt(start, policy.sign, calendar, policy.workingHours);
    },
    answerBy(start, c) {
      const policy = rules.policyFor(c.regionCode);
      return dueAt(
        start,
        answerLimitFor(policy, { type: c.type, urgent: c.urgent, channel: c.channel, safetyNetKind: c.safetyNetKind }),
        calendar,
        policy.workingHours,
      );
    },
    extend(answerBy, days) {
      const end = chinaDateTime(calendar.addWorkingDays(toChinaDate(answerBy), days), defaultWorkingHours.afternoonEnd);
      return end.getTime() > answerBy.getTime() ? end : answerBy;
    },
    nearDue(start, due) {
      return nearDueAt(start, due);
    },
  };
  return rules;
}

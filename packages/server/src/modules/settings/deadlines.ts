import {
  answerLimitFor,
  chinaDateTime,
  createChinaCalendar,
  defaultWorkingHours,
  defaultTimeLimitPolicy,
  dueAt,
  mergeTimeLimitPolicy,
  nearDueAt,
  toChinaDate,
  type CaseType,
  type SafetyNetKind,
  type TimeLimitPolicy,
  type TimeLimitPolicyOverride,
  type WorkCalendar,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * Deadline rules for cases: the bundled State Council calendar plus the admin's overrides, and
 * the time-limit policy of the case's region (every configured ancestor merged over the
 * defaults of DOMAIN.md, the most specific last). A snapshot is loaded before a transaction
 * starts and is then pure and synchronous: no query runs inside the action's transaction (on
 * the one-connection embedded database that would wait for itself). Settings are cached for a
 * minute; several servers pick up an admin's change within that minute.
 */
const TTL_MS = 60_000;

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

export function createDeadlines(db: Db, clock: Clock): Deadlines {
  const settings = createSettingsRepo(db);
  let cached: { at: number; rules: DeadlineRules } | undefined;
  return {
    async snapshot() {
      const now = clock.now().getTime();
      if (cached && now - cached.at >= 0 && now - cached.at < TTL_MS) return cached.rules;
      const [overrides, policies] = await Promise.all([settings.calendarOverrides(), settings.timeLimitPolicies()]);
      const rules = deadlineRules(
        createChinaCalendar(overrides),
        new Map(policies.map((p) => [p.regionCode, p.policy as TimeLimitPolicyOverride])),
      );
      cached = { at: now, rules };
      return rules;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

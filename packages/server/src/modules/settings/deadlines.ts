import { createChinaCalendar, deadlineRules, type DeadlineRules, type Deadlines, type TimeLimitPolicyOverride } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * The deadline rules of this server (core's deadlineRules): the bundled State Council calendar plus the admin's overrides, and
 * the time-limit policy of the case's region (every configured ancestor merged over the
 * defaults of DOMAIN.md, the most specific last). A snapshot is loaded before a transaction
 * starts and is then pure and synchronous: no query runs inside the action's transaction (on
 * the one-connection embedded database that would wait for itself). Settings are cached for a
 * minute; several servers pick up an admin's change within that minute.
 */
const TTL_MS = 60_000;

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

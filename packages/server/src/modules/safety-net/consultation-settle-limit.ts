import { DomainError, defaultConsultationSettleLimit, validateTimeLimit, type TimeLimit } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { putNationalSetting } from '../settings/national-setting.ts';
import { createSettingsRepo } from '../settings/settings.repo.ts';

/**
 * How long a dispatch dispute of an ordinary case (会商) may take to settle: a national setting,
 * 1 working day on the Chinese working-day calendar unless a root system admin sets another limit.
 */
export const SETTLE_LIMIT_KEY = 'cases.consultation_settle_limit';

/** The limit in force (a stored value that no longer validates falls back to the default). */
export async function settleLimitOf(conn: Db): Promise<TimeLimit> {
  const stored = await createSettingsRepo(conn).appSetting(SETTLE_LIMIT_KEY);
  return stored !== undefined && validateTimeLimit(stored) === null ? (stored as TimeLimit) : defaultConsultationSettleLimit;
}

/** Only a system admin of the root region changes it; the change is audit-logged with the value before. */
export async function putSettleLimit(deps: { db: Db; clock: Clock }, scope: AdminScope, limit: TimeLimit): Promise<TimeLimit> {
  const problem = validateTimeLimit(limit);
  if (problem) throw DomainError.atField('validation_failed', { path: 'value', message: problem }, problem);
  await putNationalSetting(deps, scope, {
    key: SETTLE_LIMIT_KEY,
    what: 'the time to settle a dispatch dispute',
    action: 'settings.consultation_limit.set',
    value: limit,
    before: await settleLimitOf(deps.db),
  });
  return limit;
}

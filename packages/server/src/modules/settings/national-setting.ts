import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { createSettingsRepo } from './settings.repo.ts';

/**
 * Store a national setting (an app_settings value such as the escalation rule, the service-gap
 * rule or the livelihood settings): only a system admin of the root region may (403 otherwise),
 * and the change is written to the audit log in its transaction, with the value before and after.
 */
export async function putNationalSetting(
  deps: { db: Db; clock: Clock },
  scope: AdminScope,
  s: {
    key: string;
    /** What the setting is, for the refusal's message ("the escalation rule"). */
    what: string;
    /** The audit action, e.g. `settings.escalation.set`. */
    action: string;
    value: unknown;
    /** The value before as the audit log should show it (default: the stored one, null when none). */
    before?: unknown;
  },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await requireRootScope(trx, scope, s.what);
    const repo = createSettingsRepo(trx);
    const before = s.before !== undefined ? s.before : ((await repo.appSetting(s.key)) ?? null);
    const at = deps.clock.now();
    await repo.putAppSetting(s.key, s.value, at);
    await recordAudit(trx, {
      action: s.action,
      actor: scope.actor,
      sourceIp: scope.sourceIp,
      target: { type: 'setting', id: s.key },
      regionCode: null,
      detail: { before, after: s.value },
      at,
    });
  });
}

import type { Db } from '../../db/connect.ts';
import type { AppliedRuleLimit } from './dispatch-answer-by.ts';

export function createRuleLimitRepo(db: Db) {
  return {
    /**
     * The catalog rule's time limit the case's last dispatch or 会商 minutes applied, while the
     * answer deadline it set still stands (a reopening or an extension since makes it the case's
     * own); null when that event applied none.
     */
    async lastApplied(caseId: number, answerBy: Date): Promise<AppliedRuleLimit | null> {
      const ev = await db
        .selectFrom('case_events')
        .select('payload')
        .where('case_id', '=', caseId)
        .where('action', 'in', ['dispatch', 'recordMinutes'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const p = ev?.payload;
      if (!p || typeof p['ruleTimeLimitDays'] !== 'number' || p['answerBy'] !== answerBy.toISOString()) return null;
      const before = p['answerByBeforeRule'];
      return { days: p['ruleTimeLimitDays'], answerByBeforeRule: typeof before === 'string' ? new Date(before) : null };
    },
  };
}

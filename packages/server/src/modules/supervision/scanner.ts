import {
  defaultEscalationRule,
  escalationRank,
  levelOfRank,
  nextEscalationAt,
  type EscalationLevel,
  type EscalationRule,
  type Deadlines,
  type Audience,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { appendEvent } from '../audit/record-event.ts';
import { caseEventMessage } from '../../outbox/case-message.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createSafetyNetRepo } from '../safety-net/safety-net.repo.ts';
import { createSettingsRepo } from '../settings/settings.repo.ts';
import { createSupervisionRepo } from './supervision.repo.ts';

export const ESCALATION_RULE_KEY = 'supervision.escalation';
const BATCH = 200;
const MAX_BATCHES = 50;

/** The escalation rule of the installation (app settings), with the defaults filled in. */
export async function escalationRuleOf(db: Db): Promise<EscalationRule> {
  const stored = (await createSettingsRepo(db).appSetting(ESCALATION_RULE_KEY)) as Partial<EscalationRule> | undefined;
  return { ...defaultEscalationRule, ...(stored ?? {}) };
}

/** The consultation open on a case, with the invited units that have not answered yet. */
async function openConsultationOf(trx: Db, caseId: number): Promise<{ pending: number[] } | null> {
  const open = await createSafetyNetRepo(trx).openConsultation(caseId);
  return open ? { pending: open.unit_ids.filter((u) => !open.answeredUnitIds.includes(u)) } : null;
}

/** Who hears of each level: the handling unit, then its head and the supervisors, then the leaders. */
function audienceOf(level: EscalationLevel, c: { region_code: string; lead_unit_id: number | null }): Audience[] {
  const unit: Audience[] =
    c.lead_unit_id !== null
      ? [{ kind: 'unit', unitId: c.lead_unit_id }]
      : [{ kind: 'role', role: 'dispatcher', regionCode: c.region_code }];
  const head: Audience[] =
    c.lead_unit_id !== null ? [{ kind: 'role', role: 'unit_head', regionCode: c.region_code, unitId: c.lead_unit_id }] : [];
  const supervisor: Audience = { kind: 'role', role: 'supervisor', regionCode: c.region_code };
  if (level === 'urge') return unit;
  if (level === 'supervise') return [...unit, ...head, supervisor];
  return [...head, supervisor, { kind: 'role', role: 'leader', regionCode: c.region_code }];
}

/**
 * Who hears of a late 会商 of an ordinary case (the time to settle a dispatch dispute): the
 * dispatchers, who own it, and the heads of the invited units yet to give their opinion, never
 * the disputed lead unit; the supervisors and leaders at their levels as for any deadline.
 */
function consultationAudienceOf(level: EscalationLevel, regionCode: string, pending: readonly number[]): Audience[] {
  const owners: Audience[] = [
    { kind: 'role', role: 'dispatcher', regionCode },
    ...pending.map((unitId): Audience => ({ kind: 'role', role: 'unit_head', regionCode, unitId })),
  ];
  const supervisor: Audience = { kind: 'role', role: 'supervisor', regionCode };
  if (level === 'urge') return owners;
  if (level === 'supervise') return [...owners, supervisor];
  return [...owners, supervisor, { kind: 'role', role: 'leader', regionCode }];
}

/**
 * The deadline scanner: in batches claimed with FOR UPDATE SKIP LOCKED it takes the cases whose
 * escalation level changes by now (an index on next_escalation_at, so the cost follows the due
 * items, not the table), records the level reached for the current deadline (once: a second scan
 * or a second server finds it recorded), appends it to the case's event chain (催办 urge / 督办
 * supervise / 上报领导 escalate), tells the right people through the outbox, and sets when the
 * level next changes. A level skipped while no scanner ran is not sent late: only the level
 * reached is announced.
 */
export function createDeadlineScanner(deps: { db: Db; clock: Clock; deadlines: Deadlines }) {
  const { db, clock, deadlines } = deps;

  const rule = () => escalationRuleOf(db);

  return {
    rule,

    async scanOnce(): Promise<Record<EscalationLevel, number> & { scanned: number }> {
      const counts = { urge: 0, supervise: 0, escalate: 0, scanned: 0 };
      const [rules, r] = await Promise.all([deadlines.snapshot(), rule()]);
      for (let b = 0; b < MAX_BATCHES; b++) {
        const now = clock.now();
        const claimed = await db.transaction().execute(async (trx) => {
          const repo = createSupervisionRepo(trx);
          const due = await repo.claimDue(now, BATCH);
          for (const c of due) {
            if (c.next_due_at === null || c.near_due_at === null) {
              await repo.setNextEscalation(c.id, null);
              continue;
            }
            const times = {
              nearDueAt: c.near_due_at,
              dueAt: c.next_due_at,
              leaderAt: rules.extend(c.next_due_at, r.leaderAfterWorkingDays),
            };
            const rank = escalationRank(times, now);
            if (rank > 0) {
              const level = levelOfRank(rank as 1 | 2 | 3);
              // A case waiting on a consultation (会商): the invited units that have not given their
              // opinion are chased too. On an ordinary case the deadline is then the time to settle
              // the dispatch dispute, which the dispatcher owns: the disputed lead unit is not to blame.
              const open = await openConsultationOf(trx, c.id);
              const pending = open?.pending ?? [];
              const dispute = open !== null && c.channel !== 'safety_net';
              const unitId = dispute ? null : c.lead_unit_id;
              const fresh = await repo.record({
                caseId: c.id,
                dueAt: c.next_due_at,
                level,
                unitId,
                regionCode: c.region_code,
                at: now,
              });
              if (fresh) {
                const payload = { level, dueAt: c.next_due_at.toISOString(), unitId };
                const event = await appendEvent(trx, {
                  caseId: c.id,
                  action: level,
                  actorId: null,
                  actorRole: 'system',
                  actorUnitId: null,
                  fromStatus: c.status,
                  toStatus: c.status,
                  payload,
                  at: now,
                });
                const audience = dispute
                  ? consultationAudienceOf(level, c.region_code, pending)
                  : [
                      ...audienceOf(level, c),
                      ...pending.map((unitId): Audience => ({ kind: 'role', role: 'unit_head', regionCode: c.region_code, unitId })),
                    ];
                const extra = { dueAt: payload.dueAt, ...(pending.length > 0 ? { pendingConsultationUnitIds: pending } : {}) };
                await createOutboxRepo(trx).enqueue(caseEventMessage(c, event.id, level, audience, extra), now);
                counts[level]++;
              }
            }
            await repo.setNextEscalation(c.id, nextEscalationAt(times, now));
          }
          return due.length;
        });
        counts.scanned += claimed;
        if (claimed < BATCH) break;
      }
      return counts;
    },
  };
}

export type DeadlineScanner = ReturnType<typeof createDeadlineScanner>;

import {
  DomainError,
  decide,
  pendingConvenedUnits,
  toChinaDate,
  unitRoles,
  type ActionInput,
  type Actor,
  type AuthUser,
  type TimeLimit,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createStatsRepo } from '../../db/counters.repo.ts';
import type { CaseRow } from '../../db/schema.ts';
import { caseEventMessage } from '../../outbox/case-message.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { appendEvent } from '../audit/record-event.ts';
import type { DeadlineRules, Deadlines } from '@huiyin/core';
import { effectsOf } from './action-effects.ts';
import { checkReferences } from './action-references.ts';
import type { CaseCatalog, CaseExtension, CaseReactions, SnapshotFacts } from './case-hooks.ts';
import { snapshotOf } from './case-view.ts';
import { createCasesRepo } from './cases.repo.ts';
import { checkRefusalReferences, linkRefusedRepeat, refuseEffects, reviewRefusalEffects } from './refusal.ts';
import { createRefusalRepo } from './refusal.repo.ts';
import { createRuleLimitRepo } from './rule-limit.repo.ts';
import { visibleTo } from './visibility.ts';

export const caseNotFound = () => new DomainError('not_found', 'case not found');

/**
 * Taking an action on a case, and who may see one. One transaction per action: lock, check the
 * version and the lifecycle table, apply the effects, append the hash-chained event, enqueue the
 * message, count, then run the action's reactions (the other modules' follow-ons) — all or nothing.
 */
export function createActionPerformer(deps: {
  db: Db;
  clock: Clock;
  deadlines: Deadlines;
  extensions: readonly CaseExtension[];
  reactions: CaseReactions;
  /** The routing catalog: a dispatch to a rule's lead unit takes the rule's own time limit. */
  catalog?: CaseCatalog;
}) {
  const { db, clock, deadlines, extensions, reactions } = deps;

  /** What the modules add to the snapshot the guards read. */
  async function snapshotFacts(conn: Db, row: CaseRow): Promise<Partial<SnapshotFacts>> {
    const parts = await Promise.all(extensions.map((x) => x.snapshotFacts?.(conn, row) ?? {}));
    return Object.assign({}, ...parts) as Partial<SnapshotFacts>;
  }

  /** In scope, or a module lets the user see it (a unit invited to a consultation, 会商). */
  async function canSee(conn: Db, user: AuthUser, row: CaseRow): Promise<boolean> {
    if (visibleTo(user, row)) return true;
    for (const x of extensions) if (x.alsoVisibleTo && (await x.alsoVisibleTo(conn, user, row))) return true;
    return false;
  }

  /** The unit an action is recorded against: the lead unit for unit roles, else the actor's own first unit. */
  function actingUnit(user: AuthUser | null, role: string, row: CaseRow): number | null {
    if ((unitRoles as readonly string[]).includes(role)) return row.lead_unit_id;
    return user?.units[0]?.id ?? null;
  }

  async function perform(
    caseId: number,
    version: number,
    input: ActionInput,
    actor: Actor,
    user: AuthUser | null,
    within?: (trx: Db) => Promise<void>,
    /** The transaction of a registration this action completes (即时办结, 不予受理 at registration), with its rules. */
    outer?: { trx: Db; rules: DeadlineRules },
  ): Promise<void> {
    const now = clock.now();
    const rules = outer?.rules ?? (await deadlines.snapshot());
    const act = async (trx: Db) => {
      const cases = createCasesRepo(trx);
      // Merging touches two cases: lock both in id order so concurrent merges cannot deadlock.
      if (input.action === 'merge' && input.masterId < caseId) await cases.lock(input.masterId);
      const row = await cases.lock(caseId);
      if (!row || (user !== null && !(await canSee(trx, user, row)))) throw caseNotFound();
      if (row.version !== version) {
        throw new DomainError('version_conflict', undefined, { currentVersion: row.version, yourVersion: version });
      }
      // In review, a refusal (不予受理) is decided differently from an answer.
      const pendingRefusal = row.status === 'reply_review' ? await createRefusalRepo(trx).pending(row.id) : null;
      const snapshot = { ...snapshotOf(row, now, await snapshotFacts(trx, row)), pendingRefusal: pendingRefusal !== null };
      const decision = decide(snapshot, input, actor);
      if (!decision.ok) {
        if (decision.code === 'illegal_transition') {
          throw new DomainError('illegal_transition', `${decision.action} is not allowed when the case is ${decision.status}`, {
            status: decision.status,
            action: decision.action,
          });
        }
        if (decision.code === 'forbidden') throw new DomainError('forbidden', decision.reason);
        throw new DomainError('illegal_transition', decision.reason, { status: row.status, action: input.action, ...decision.details });
      }
      const linkedCase = input.action === 'refuse' && user !== null ? await checkRefusalReferences(trx, row, input, user) : null;
      if (user !== null) {
        await checkReferences(trx, row, input, user);
        for (const x of extensions) await x.checkReferences?.(trx, row, input, user);
      }
      const opinionUnitId = input.action === 'recordOpinion' ? (input.unitId ?? pendingConvenedUnits(snapshot, actor)[0]) : undefined;
      // A dispatch, or 会商 minutes, to a catalog rule's lead unit takes the rule's time limit (and drops a previous one).
      const dispatching = input.action === 'dispatch' || input.action === 'recordMinutes' ? input : null;
      const ruleAnswerDays =
        dispatching && row.category_code && deps.catalog
          ? (await deps.catalog.routes(trx, row.category_code, row.region_code)).find((r) => r.unitId === dispatching.leadUnitId)
              ?.timeLimitDays
          : undefined;
      const previousRuleLimit = dispatching ? await createRuleLimitRepo(trx).lastApplied(row.id, row.answer_by) : null;
      let policyBasis: string | undefined;
      let consultationSettleLimit: TimeLimit | undefined;
      for (const x of extensions) {
        const facts = await x.effectFacts?.(trx, row, input);
        policyBasis ??= facts?.policyBasis;
        consultationSettleLimit ??= facts?.consultationSettleLimit;
      }
      const effects =
        input.action === 'refuse'
          ? refuseEffects(row, input, linkedCase)
          : input.action === 'reviewReply' && pendingRefusal !== null
            ? reviewRefusalEffects(row, input, pendingRefusal, now)
            : effectsOf(row, input, decision.next, {
                now,
                actorId: actor.userId,
                deadlines: rules,
                opinionUnitId,
                policyBasis,
                consultationSettleLimit,
                ruleAnswerDays,
                previousRuleLimit,
              });
      const updated = await cases.update(row.id, row.version, { ...effects.patch, status: decision.next, updated_at: now });
      if (!updated) throw new DomainError('version_conflict');
      const ev = await appendEvent(trx, {
        caseId: row.id,
        action: input.action,
        actorId: actor.userId,
        actorRole: decision.actingRole,
        actorUnitId: input.action === 'recordOpinion' ? (opinionUnitId ?? null) : actingUnit(user, decision.actingRole, row),
        fromStatus: row.status,
        toStatus: decision.next,
        payload: effects.payload,
        at: now,
      });
      await createOutboxRepo(trx).enqueue(caseEventMessage(updated, ev.id, input.action, effects.audience), now);
      const stats = createStatsRepo(trx);
      for (const m of effects.metrics) await stats.bump(toChinaDate(now), row.region_code, m.unitId, m.metric);
      const ctx = {
        trx,
        input,
        before: row,
        after: updated,
        eventId: ev.id,
        actorId: actor.userId,
        user,
        rules,
        now,
        publishesAnswer: effects.publishesAnswer,
        opinionUnitId,
      };
      if (input.action === 'reviewReply' && input.approve && pendingRefusal !== null) {
        await linkRefusedRepeat(trx, updated, pendingRefusal, user, now);
      }
      for (const react of reactions[input.action] ?? []) await react(ctx);
      // What the caller writes with the action, all or nothing (a follow-up link marked used).
      if (within) await within(trx);
    };
    await (outer ? act(outer.trx) : db.transaction().execute(act));
  }

  return { perform, canSee, snapshotFacts };
}

export type ActionPerformer = ReturnType<typeof createActionPerformer>;

import { DomainError, unitRoles, type ActionInput } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { checkUnits } from '../cases/action-references.ts';
import type { CaseExtension, CaseReaction, CaseReactions } from '../cases/case-hooks.ts';
import { createPoliciesRepo } from '../policies/policies.repo.ts';
import { recordSafetyNetAction, registerFailedMatter } from './safety-net.effects.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';
import { caseExtras, loadSafetyNetState } from './safety-net.view.ts';

/**
 * The safety-net window's part in every case (the case service knows nothing of it): the
 * consultation and root cause the lifecycle table's guards read, the units invited to a
 * consultation seeing the case, the cited articles checked and printed as the decision's policy
 * basis, the failed matter written at registration, the citations and the safety-net block of
 * the case detail.
 */
export const safetyNetCaseExtension: CaseExtension = {
  async snapshotFacts(conn, row) {
    return (await loadSafetyNetState(conn, row)) ?? {};
  },

  async alsoVisibleTo(conn, user, row) {
    if (row.channel !== 'safety_net' || !user.roles.some((r) => unitRoles.includes(r))) return false;
    const consulted = await createSafetyNetRepo(conn).consultedUnits(row.id);
    return user.units.some((u) => consulted.includes(u.id));
  },

  async checkReferences(trx, row, input, user) {
    if (input.action === 'cite' || input.action === 'decide') {
      const ids = input.action === 'cite' ? [input.policyId] : (input.citations ?? []);
      const missing = await createPoliciesRepo(trx).missingIds(ids);
      if (missing.length > 0) {
        const path = input.action === 'cite' ? 'policyId' : 'citations';
        throw DomainError.atField(
          'validation_failed',
          { path, message: `unknown policies ${missing.join(', ')}` },
          `unknown policies: ${missing.join(', ')}`,
        );
      }
    }
    if (input.action === 'decide') {
      const rc = input.rootCause;
      if (rc.unitId !== undefined) await checkUnits(trx, [rc.unitId], 'rootCause.unitId', user);
      const conduct = rc.kind === 'staff_conduct';
      if (conduct && rc.unitId === undefined && (await createSafetyNetRepo(trx).getCase(row.id))?.origin_unit_id == null) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'rootCause.unitId', message: 'required for staff conduct' },
          'name the staff member’s unit (rootCause.unitId): the failed matter names none',
        );
      }
    }
  },

  async effectFacts(trx, _row, input) {
    return input.action === 'decide' ? { policyBasis: await policyBasisOf(trx, input.citations ?? []) } : {};
  },

  async onRegister(trx, row, input, now) {
    if (row.channel !== 'safety_net' || !('failedMatter' in input) || !input.failedMatter) return;
    const kind = 'safetyNetKind' in input ? (input.safetyNetKind ?? 'general') : 'general';
    await registerFailedMatter(trx, row, input.failedMatter, kind, now);
  },

  detailExtras: caseExtras,
};

/** The cited articles as the answer prints them: 《title》（doc number）article. */
async function policyBasisOf(trx: Db, ids: readonly number[]): Promise<string | undefined> {
  if (ids.length === 0) return undefined;
  const refs = await createPoliciesRepo(trx).byIds(ids);
  return refs.map((p) => `《${p.title}》（${p.docNumber}）${p.articleNo}`).join('；');
}

/** Citations, consultations, opinions, minutes and decisions written beside the case, in the action's transaction. */
const recordSideTables: CaseReaction = async (ctx) => {
  const repo = createSafetyNetRepo(ctx.trx);
  const { before: row } = ctx;
  await recordSafetyNetAction(ctx.trx, ctx.input, {
    now: ctx.now,
    actorId: ctx.actorId,
    rules: ctx.rules,
    row,
    safetyNet: row.channel === 'safety_net' ? await repo.getCase(row.id) : undefined,
    openConsultationId: (await repo.openConsultation(row.id))?.id,
    opinionUnitId: ctx.opinionUnitId,
    settleBy: ctx.after.next_due_at,
  });
};

/** The actions whose follow-ons the safety-net tables record. */
export const safetyNetReactions: CaseReactions = Object.fromEntries(
  (['cite', 'convene', 'recordOpinion', 'recordMinutes', 'decide'] satisfies ActionInput['action'][]).map((a) => [a, [recordSideTables]]),
);

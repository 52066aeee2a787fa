import { DomainError, caseScopeFor, type ActionInput, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createPoliciesRepo } from '../policies/policies.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createSafetyNetRepo } from '../safety-net/safety-net.repo.ts';
import { createCasesRepo } from './cases.repo.ts';
import { visibleTo } from './visibility.ts';

/**
 * What an action names must exist and lie in the actor's reach: units (dispatch, consultation,
 * minutes, the staff member's unit), cited articles, the master of a merge. Runs inside the
 * action's transaction, before its effects.
 */
/** The cited articles as the answer prints them: 《title》（doc number）article. */
export async function policyBasisOf(trx: Db, ids: readonly number[]): Promise<string | undefined> {
  if (ids.length === 0) return undefined;
  const refs = await createPoliciesRepo(trx).byIds(ids);
  return refs.map((p) => `《${p.title}》（${p.docNumber}）${p.articleNo}`).join('；');
}

/** Units named by an action must exist and lie in the actor's service area. */
async function checkUnits(trx: Db, ids: readonly number[], path: string, user: AuthUser) {
  const units = createUnitsRepo(trx);
  const missing = await units.missingIds([...ids]);
  if (missing.length > 0) {
    throw new DomainError('validation_failed', `unknown units: ${missing.join(', ')}`, {
      fields: [{ path, message: `unknown units ${missing.join(', ')}` }],
    });
  }
  // A centre works inside its own regions: a unit elsewhere would see a requester it has no business with.
  const prefixes = caseScopeFor(user).regionPrefixes;
  const outside = [];
  for (const id of ids) {
    const unit = await units.get(id);
    if (unit && !prefixes.some((p) => unit.regionCode.startsWith(p))) outside.push(id);
  }
  if (outside.length > 0) {
    throw new DomainError('validation_failed', `units outside your service area: ${outside.join(', ')}`, {
      fields: [{ path, message: 'outside your service area' }],
    });
  }
}

export async function checkReferences(trx: Db, row: CaseRow, input: ActionInput, user: AuthUser) {
  if (input.action === 'dispatch') await checkUnits(trx, [input.leadUnitId, ...(input.assistUnitIds ?? [])], 'leadUnitId', user);
  if (input.action === 'convene') await checkUnits(trx, input.unitIds, 'unitIds', user);
  if (input.action === 'recordMinutes') await checkUnits(trx, [input.leadUnitId, ...(input.assistUnitIds ?? [])], 'leadUnitId', user);
  if (input.action === 'cite' || input.action === 'decide') {
    const ids = input.action === 'cite' ? [input.policyId] : (input.citations ?? []);
    const missing = await createPoliciesRepo(trx).missingIds(ids);
    if (missing.length > 0) {
      const path = input.action === 'cite' ? 'policyId' : 'citations';
      throw new DomainError('validation_failed', `unknown policies: ${missing.join(', ')}`, {
        fields: [{ path, message: `unknown policies ${missing.join(', ')}` }],
      });
    }
  }
  if (input.action === 'decide') {
    const rc = input.rootCause;
    if (rc.unitId !== undefined) await checkUnits(trx, [rc.unitId], 'rootCause.unitId', user);
    const conduct = rc.kind === 'staff_conduct';
    if (conduct && rc.unitId === undefined && (await createSafetyNetRepo(trx).getCase(row.id))?.origin_unit_id == null) {
      throw new DomainError('validation_failed', 'name the staff member’s unit (rootCause.unitId): the failed matter names none', {
        fields: [{ path: 'rootCause.unitId', message: 'required for staff conduct' }],
      });
    }
  }
  if (input.action === 'merge') {
    if (input.masterId === row.id)
      throw new DomainError('validation_failed', 'a case cannot be merged into itself', {
        fields: [{ path: 'masterId', message: 'same case' }],
      });
    const master = await createCasesRepo(trx).lock(input.masterId);
    if (!master || !visibleTo(user, master))
      throw new DomainError('validation_failed', 'master case not found', { fields: [{ path: 'masterId', message: 'not found' }] });
    if (master.status === 'merged') {
      throw new DomainError('validation_failed', `case ${master.tracking_no} is itself merged; merge into ${String(master.master_id)}`, {
        fields: [{ path: 'masterId', message: 'master is merged' }],
      });
    }
  }
}

import { DomainError, caseScopeFor, coversRegion, type ActionInput, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCasesRepo } from './cases.repo.ts';
import { visibleTo } from './visibility.ts';

/**
 * What an action names must exist and lie in the actor's reach: units (dispatch, consultation,
 * minutes), the master of a merge. Runs inside the action's transaction, before its effects; the
 * modules that own other names (cited articles) check them through their CaseExtension.
 */

/** Units named by an action must exist and lie in the actor's service area. */
export async function checkUnits(trx: Db, ids: readonly number[], path: string, user: AuthUser) {
  const units = createUnitsRepo(trx);
  const missing = await units.missingIds([...ids]);
  if (missing.length > 0) {
    throw DomainError.atField(
      'validation_failed',
      { path, message: `unknown units ${missing.join(', ')}` },
      `unknown units: ${missing.join(', ')}`,
    );
  }
  // A centre works inside its own regions: a unit elsewhere would see a requester it has no business with.
  const prefixes = caseScopeFor(user).regionPrefixes;
  const outside = [];
  for (const id of ids) {
    const unit = await units.get(id);
    if (unit && !coversRegion(prefixes, unit.regionCode)) outside.push(id);
  }
  if (outside.length > 0) {
    throw DomainError.atField(
      'validation_failed',
      { path, message: 'outside your service area' },
      `units outside your service area: ${outside.join(', ')}`,
    );
  }
}

export async function checkReferences(trx: Db, row: CaseRow, input: ActionInput, user: AuthUser) {
  if (input.action === 'dispatch') await checkUnits(trx, [input.leadUnitId, ...(input.assistUnitIds ?? [])], 'leadUnitId', user);
  if (input.action === 'convene') await checkUnits(trx, input.unitIds, 'unitIds', user);
  if (input.action === 'recordMinutes') await checkUnits(trx, [input.leadUnitId, ...(input.assistUnitIds ?? [])], 'leadUnitId', user);
  if (input.action === 'merge') {
    if (input.masterId === row.id)
      throw DomainError.atField('validation_failed', { path: 'masterId', message: 'same case' }, 'a case cannot be merged into itself');
    const master = await createCasesRepo(trx).lock(input.masterId);
    if (!master || !visibleTo(user, master))
      throw DomainError.atField('validation_failed', { path: 'masterId', message: 'not found' }, 'master case not found');
    if (master.status === 'merged') {
      throw DomainError.atField(
        'validation_failed',
        { path: 'masterId', message: 'master is merged' },
        `case ${master.tracking_no} is itself merged; merge into ${String(master.master_id)}`,
      );
    }
  }
}

import { DomainError, batchName, coversRegion, regionPrefix, toChinaDate, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { fullRegionName } from '../regions/region-names.ts';
import { createDutyRepo } from './duty.repo.ts';
import { createListsRepo } from './lists.repo.ts';
import { createMattersRepo } from './matters.repo.ts';

/** What a project may be made of, checked inside its transaction: its matters, its lead unit, its list. */

/**
 * The matters a project may take: they exist, lie under the project's region (so under the
 * caller's), are neither merged nor answered, and belong to no other project. Locked first, so
 * two projects cannot take the same matter at once.
 */
export async function checkMatters(trx: Db, ids: readonly number[], regionCode: string, projectId: number | null) {
  const mrepo = createMattersRepo(trx);
  for (const id of [...ids].sort((a, b) => a - b)) await mrepo.get(id, { lock: true });
  const rows = await mrepo.byIds(ids);
  const missing = ids.filter((m) => !rows.some((r) => r.id === m && r.regionCode.startsWith(regionPrefix(regionCode))));
  if (missing.length > 0)
    throw DomainError.atField(
      'validation_failed',
      { path: 'matterIds', message: `unknown matters ${missing.join(', ')}`, code: 'unknown' },
      `matters not found: ${missing.join(', ')}`,
    );
  for (const m of rows) {
    if (m.status === 'merged')
      throw DomainError.atField(
        'validation_failed',
        { path: 'matterIds', message: `matter ${m.id} is merged`, code: 'merged' },
        `matter ${m.id} was merged into ${m.mergedIntoId}: use that one`,
      );
    if (m.status === 'answered')
      throw DomainError.atField(
        'validation_failed',
        { path: 'matterIds', message: `matter ${m.id} is answered`, code: 'answered' },
        `matter ${m.id} has been answered and closed`,
      );
    if (m.projectId !== null && m.projectId !== projectId)
      throw new DomainError('conflict', `matter ${m.id} already belongs to project ${m.projectId}`, {
        matterId: m.id,
        projectId: m.projectId,
      });
  }
  return rows;
}

/** The lead unit named for a project exists, is active and serves its region. */
export async function checkUnit(q: Db, unitId: number | undefined, regionCode: string): Promise<void> {
  if (unitId === undefined) return;
  const u = await createDutyRepo(q).unit(unitId);
  if (!u || !u.active)
    throw DomainError.atField('validation_failed', { path: 'leadUnitId', message: `unit ${unitId} not found`, code: 'unknown' });
  if (!(regionCode.startsWith(regionPrefix(u.region_code)) || u.region_code.startsWith(regionPrefix(regionCode)))) {
    throw DomainError.atField(
      'validation_failed',
      { path: 'leadUnitId', message: 'the unit serves another region', code: 'region' },
      `unit ${unitId} does not serve region ${regionCode}`,
    );
  }
}

/**
 * The list a project goes on when none is named: the list its matters were collected for, else
 * the open list of their county, else a new one opened for the county (第N批 of this year).
 */
export async function listForMatters(
  q: Db,
  now: Date,
  matterIds: readonly number[],
  prefixes: readonly string[],
  user: AuthUser,
): Promise<number> {
  const ids = [...new Set(matterIds)];
  // Matters outside the caller's regions are not there for them (no list is opened for them either).
  const rows = (await createMattersRepo(q).byIds(ids)).filter((m) => coversRegion(prefixes, m.regionCode));
  if (rows.length !== ids.length)
    throw DomainError.atField('validation_failed', { path: 'matterIds', message: 'unknown matters', code: 'unknown' }, 'matters not found');
  const lists = createListsRepo(q);
  const listIds = [...new Set(rows.map((m) => m.listId))];
  const only = listIds.length === 1 ? listIds[0] : null;
  if (only !== null && only !== undefined) {
    const l = await lists.get(only);
    if (l && l.status !== 'published') return l.id;
  }
  const counties = [...new Set(rows.map((m) => m.regionCode.slice(0, 6)))];
  if (counties.length !== 1)
    throw DomainError.atField(
      'validation_failed',
      { path: 'listId', message: 'name the list', code: 'required' },
      'the matters lie in several counties: name the list (listId)',
    );
  const county = counties[0]!;
  const open = await lists.openOf(county);
  if (open !== null) return open;
  const year = Number(toChinaDate(now).slice(0, 4));
  const name = await fullRegionName(q, county);
  const batch = (await lists.maxBatch(county, year)) + 1;
  const id = await lists.insert(
    { regionCode: county, title: `${year}年${name}“我为群众办实事”民生项目清单（${batchName(batch)}）`, year, batch, createdBy: user.id },
    now,
  );
  if (id === null) throw new DomainError('conflict', 'a list was opened at the same moment: try again');
  return id;
}

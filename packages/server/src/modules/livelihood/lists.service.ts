import {
  DomainError,
  coversRegion,
  batchName,
  type ListStatus,
  type ListView,
  type listInputSchema,
  type selectionSchema,
  regionPrefix,
  type AuthUser,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { manageRoles, readRoles, requireAny, requireRegion } from './access.ts';
import { regionAndAncestors } from '../regions/region-names.ts';
import { createListsRepo, type ListRow } from './lists.repo.ts';
import { auditLivelihood } from './livelihood-audit.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { createMattersRepo } from './matters.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';

/** Where a list may go from where it is: collecting → selecting → published; back to collecting while selecting. */
const listMoves: Record<ListStatus, readonly ListStatus[]> = {
  collecting: ['selecting'],
  selecting: ['collecting', 'published'],
  published: [],
};

/**
 * Lists (清单) owned by regions, nesting: the province's list, each city's and county's own
 * additions; a region reads its own lists and those above and below it. The selection meeting
 * (遴选会) scores the candidates and chooses the key projects; publication shows them to all.
 */
export function createListsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const lists = createListsRepo(db);
  const names = new Map<number, string>();

  async function recorderName(id: number): Promise<string> {
    if (!names.has(id)) {
      names.set(id, (await createPeopleRepo(db).displayNames([id])).get(id) ?? '');
    }
    return names.get(id)!;
  }

  async function view(l: ListRow, askedFor: string | null): Promise<ListView> {
    return {
      id: l.id,
      regionCode: l.regionCode,
      regionName: l.regionName,
      title: l.title,
      batch: l.batch,
      batchName: batchName(l.batch),
      year: l.year,
      status: l.status,
      inherited: askedFor !== null && askedFor !== l.regionCode && askedFor.startsWith(regionPrefix(l.regionCode)),
      matterCount: l.matterCount,
      projectCount: l.projectCount,
      selectedCount: l.selectedCount,
      publishedAt: l.publishedAt?.toISOString() ?? null,
      selection: l.selection
        ? {
            heldAt: l.selection.heldAt,
            attendees: l.selection.attendees,
            notes: l.selection.notes,
            recordedBy: await recorderName(l.selection.recordedBy),
          }
        : null,
    };
  }

  async function readable(id: number, user: AuthUser): Promise<ListRow> {
    const prefixes = requireAny(user, readRoles, 'reading livelihood lists');
    const l = await lists.get(id);
    // A list above the user's region is theirs to read too.
    const visible = l && (coversRegion(prefixes, l.regionCode) || prefixes.some((p) => p.startsWith(regionPrefix(l.regionCode))));
    if (!l || !visible) throw new DomainError('not_found', `list ${id} not found`);
    return l;
  }

  async function managed(trx: Db, id: number, user: AuthUser): Promise<ListRow> {
    const prefixes = requireAny(user, manageRoles, 'managing livelihood lists');
    const l = await createListsRepo(trx).get(id, { lock: true });
    if (!l || !coversRegion(prefixes, l.regionCode)) throw new DomainError('not_found', `list ${id} not found`);
    return l;
  }

  return {
    async around(regionCode: string | undefined, user: AuthUser): Promise<{ items: ListView[] }> {
      const prefixes = requireAny(user, readRoles, 'reading livelihood lists');
      const code = regionCode ?? user.units[0]?.regionCode;
      if (!code) return { items: [] };
      if (!coversRegion(prefixes, code) && !prefixes.some((p) => p.startsWith(regionPrefix(code))))
        throw new DomainError('forbidden', `region ${code} is outside your service area`);
      const rows = await lists.around(regionAndAncestors(code), regionPrefix(code));
      return { items: await Promise.all(rows.map((r) => view(r, code))) };
    },

    async create(input: z.output<typeof listInputSchema>, user: AuthUser): Promise<ListView> {
      const prefixes = requireAny(user, manageRoles, 'creating livelihood lists');
      requireRegion(prefixes, input.regionCode);
      const region = await createRegionsRepo(db).get(input.regionCode);
      if (!region)
        throw DomainError.atField(
          'validation_failed',
          { path: 'regionCode', message: 'unknown region', code: 'unknown' },
          `unknown region ${input.regionCode}`,
        );
      if (region.level > 4)
        throw DomainError.atField(
          'validation_failed',
          { path: 'regionCode', message: 'a village has no list of its own', code: 'level' },
          'lists belong to a province, city, county or township',
        );
      const id = await db.transaction().execute(async (trx) => {
        const created = await createListsRepo(trx).insert({ ...input, createdBy: user.id }, clock.now());
        if (created === null) throw new DomainError('conflict', `${input.year} ${batchName(input.batch)} already exists for this region`);
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.list.create',
          target: { type: 'livelihood_list', id: created },
          regionCode: input.regionCode,
          detail: { year: input.year, batch: input.batch, title: input.title },
          at: clock.now(),
        });
        return created;
      });
      return view((await lists.get(id))!, input.regionCode);
    },

    async get(id: number, user: AuthUser): Promise<ListView> {
      return view(await readable(id, user), null);
    },

    async patch(id: number, patch: { title?: string | undefined; status?: ListStatus | undefined }, user: AuthUser): Promise<ListView> {
      await db.transaction().execute(async (trx) => {
        const l = await managed(trx, id, user);
        if (patch.status !== undefined && patch.status !== l.status) {
          if (patch.status === 'published')
            throw new DomainError('illegal_transition', 'publish through POST /livelihood/lists/{id}/publish');
          if (!listMoves[l.status].includes(patch.status))
            throw new DomainError('illegal_transition', `a ${l.status} list does not go back to ${patch.status}`);
        }
        if (l.status === 'published' && patch.title !== undefined)
          throw new DomainError('illegal_transition', 'a published list is not renamed');
        await createListsRepo(trx).update(id, {
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
        });
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.list.update',
          target: { type: 'livelihood_list', id },
          regionCode: l.regionCode,
          detail: { ...patch, from: l.status },
          at: clock.now(),
        });
      });
      return view((await lists.get(id))!, null);
    },

    /** The selection meeting's record: scores on every candidate, the chosen ones selected, the others dropped. */
    async selection(id: number, input: z.output<typeof selectionSchema>, user: AuthUser): Promise<ListView> {
      await db.transaction().execute(async (trx) => {
        const l = await managed(trx, id, user);
        if (l.status === 'published') throw new DomainError('illegal_transition', 'the list is published: its selection is closed');
        const prepo = createProjectsRepo(trx);
        const projects = await prepo.byList(id);
        const scored = new Set(input.scores.map((s) => s.projectId));
        if (scored.size !== input.scores.length)
          throw DomainError.atField(
            'validation_failed',
            { path: 'scores', message: 'scored twice', code: 'duplicate' },
            'a project is scored twice',
          );
        for (const s of input.scores) {
          const p = projects.find((x) => x.id === s.projectId);
          if (!p)
            throw DomainError.atField('validation_failed', {
              path: 'scores.projectId',
              message: `project ${s.projectId} is not on this list`,
              code: 'unknown',
            });
          if (!['candidate', 'selected', 'dropped'].includes(p.status))
            throw new DomainError('illegal_transition', `project ${p.title} is already ${p.status}`);
        }
        for (const sid of input.selectedIds) {
          if (!scored.has(sid))
            throw DomainError.atField(
              'validation_failed',
              { path: 'selectedIds', message: `project ${sid} has no score`, code: 'unscored' },
              `project ${sid} is selected but not scored`,
            );
        }
        if (input.selectedIds.length === 0)
          throw DomainError.atField(
            'validation_failed',
            { path: 'selectedIds', message: 'none chosen', code: 'empty' },
            'the meeting must choose at least one project',
          );
        const now = clock.now();
        const mrepo = createMattersRepo(trx);
        for (const s of input.scores) {
          const chosen = input.selectedIds.includes(s.projectId);
          await prepo.update(
            s.projectId,
            { votes: s.votes, priority: s.priority, people_affected: s.peopleAffected, status: chosen ? 'selected' : 'dropped' },
            now,
          );
          const matterIds = (await mrepo.ofProject(s.projectId)).map((m) => m.id);
          // A dropped candidate lets its matters go back to the problem list for another batch.
          await mrepo.setProject(matterIds, chosen ? s.projectId : null, chosen ? 'selected' : 'open', now);
          await prepo.event(
            s.projectId,
            chosen ? 'select' : 'drop',
            user.id,
            { votes: s.votes, priority: s.priority, peopleAffected: s.peopleAffected },
            now,
          );
        }
        await createListsRepo(trx).update(id, {
          status: 'selecting',
          selection: { heldAt: input.heldAt, attendees: input.attendees, notes: input.notes ?? null, recordedBy: user.id },
        });
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.list.selection',
          target: { type: 'livelihood_list', id },
          regionCode: l.regionCode,
          detail: { heldAt: input.heldAt, selectedIds: input.selectedIds, scored: input.scores.length },
          at: now,
        });
      });
      return view((await lists.get(id))!, null);
    },

    async publish(id: number, user: AuthUser): Promise<ListView> {
      await db.transaction().execute(async (trx) => {
        const l = await managed(trx, id, user);
        if (l.status === 'published') throw new DomainError('illegal_transition', 'the list is already published');
        if (l.selection === null || l.selectedCount === 0)
          throw new DomainError('illegal_transition', 'record the selection meeting and choose projects before publishing');
        await createListsRepo(trx).update(id, { status: 'published', publishedAt: clock.now() });
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.list.publish',
          target: { type: 'livelihood_list', id },
          regionCode: l.regionCode,
          detail: { selected: l.selectedCount },
          at: clock.now(),
        });
      });
      return view((await lists.get(id))!, null);
    },
  };
}

export type ListsService = ReturnType<typeof createListsService>;

import {
  DomainError,
  coversRegion,
  toChinaDate,
  type MilestoneInput,
  type ProjectInput,
  type ProjectView,
  type projectPatchSchema,
  type projectSearchSchema,
  regionPrefix,
  type AuthUser,
  type Deadlines,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { acceptRoles, has, manageRoles, prefixesOf, readRoles, requireAny } from './access.ts';
import { createListsRepo } from './lists.repo.ts';
import { checkMatters, checkUnit, listForMatters } from './project-checks.ts';
import { createMattersRepo } from './matters.repo.ts';
import { originatorView } from './matter-view.ts';
import { auditLivelihood } from './livelihood-audit.ts';
import type { MattersService } from './matters.service.ts';
import { aboveOf, canManage, canRead, canReadLetter, canReport } from './project-access.ts';
import { milestoneView, projectListItem, reportView } from './project-view.ts';
import { createProjectDelivery } from './project-delivery.ts';
import { checkDueDate, lockManaged, writeMilestones } from './project-writes.ts';
import { createProjectsRepo, type ProjectRow } from './projects.repo.ts';

/** Key projects (重点民生项目): candidates from matters, milestones, assignment by letter, progress. */
export function createProjectsService(deps: { db: Db; clock: Clock; deadlines: Deadlines; matters: MattersService }) {
  const { db, clock, deadlines } = deps;
  const projects = createProjectsRepo(db);
  const today = () => toChinaDate(clock.now());

  async function lights() {
    const [rules, s] = await Promise.all([deadlines.snapshot(), deps.matters.settings()]);
    return { calendar: rules.calendar, rule: { redAfterWorkingDays: s.redAfterWorkingDays } };
  }

  async function readable(id: number, user: AuthUser): Promise<ProjectRow> {
    const p = await projects.get(id);
    if (!p || !canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
    return p;
  }

  async function view(id: number, user: AuthUser): Promise<ProjectView> {
    const p = await readable(id, user);
    const { calendar, rule } = await lights();
    const t = today();
    const matterRows = await createMattersRepo(db).ofProject(p.id);
    const [milestones, reports, originators] = await Promise.all([
      projects.milestones([p.id]),
      projects.reports([p.id]),
      createMattersRepo(db).originators(matterRows.map((m) => m.id)),
    ]);
    const ms = milestones.map((m) => milestoneView(m, t, calendar, rule));
    const full = canManage(p, user) || p.cadreUserId === user.id;
    const titles = new Map(matterRows.map((m) => [m.id, m.title]));
    const unanswered = originators.filter((o) => o.answeredAt === null);
    // A full phone number shown is a reveal: written to the audit log.
    const revealed = full ? unanswered.filter((o) => originatorView(o, true).phone !== null).map((o) => o.id) : [];
    if (revealed.length > 0) {
      await db.transaction().execute((trx) =>
        auditLivelihood(trx, {
          user,
          action: 'pii.reveal',
          target: { type: 'project', id: p.id },
          regionCode: p.regionCode,
          detail: { field: 'originators.phone', originatorIds: revealed },
          at: clock.now(),
        }),
      );
    }
    const acceptance = p.acceptedAt ? await projects.lastEvent(p.id, 'accept') : null;
    const manage = canManage(p, user);
    return {
      ...projectListItem(p, ms),
      description: p.description,
      budget: p.budget,
      startDate: p.startDate,
      assignedAt: p.assignedAt?.toISOString() ?? null,
      signedAt: p.signedAt?.toISOString() ?? null,
      requirements: p.requirements,
      milestones: ms,
      reports: reports.map(reportView),
      matters: matterRows.map((m) => ({ id: m.id, title: m.title, regionName: m.regionName, originatorCount: m.originatorCount })),
      originators: {
        total: originators.length,
        answered: originators.length - unanswered.length,
        unanswered: unanswered.map((o) => ({
          ...originatorView(o, full),
          matterId: o.matterId,
          matterTitle: titles.get(o.matterId) ?? '',
        })),
      },
      acceptance: p.acceptedAt
        ? {
            acceptedAt: p.acceptedAt.toISOString(),
            acceptedBy: p.acceptedByName ?? '',
            checkers: p.checkers,
            findings: p.findings ?? '',
            photoIds: ((acceptance as { photoIds?: number[] } | null)?.photoIds ?? []).map(Number),
          }
        : null,
      can: {
        edit: manage && !['accepted', 'dropped'].includes(p.status),
        assign: manage && (p.status === 'selected' || p.status === 'candidate'),
        sign: p.status === 'assigned' && p.cadreUserId === user.id,
        report: canReport(p, user),
        accept:
          has(user, acceptRoles) &&
          coversRegion(prefixesOf(user), p.regionCode) &&
          ['assigned', 'signed'].includes(p.status) &&
          ms.length > 0 &&
          ms.every((m) => m.percent >= 100),
        letter: canReadLetter(p, user),
      },
    };
  }

  return {
    view,
    readable,
    canRead,
    canManage,
    lights,

    async search(f: z.output<typeof projectSearchSchema>, user: AuthUser) {
      const prefixes = has(user, readRoles) ? prefixesOf(user) : [];
      const { items, total } = await projects.search(
        {
          scopePrefixes: prefixes,
          alsoCadre: user.id,
          alsoUnits: user.units.map((u) => u.id),
          alsoRegionCodes: has(user, readRoles) ? aboveOf(user) : [],
          regionPrefix: f.regionCode ? regionPrefix(f.regionCode) : undefined,
          listId: f.listId,
          status: f.status,
          cadreUserId: f.cadreUserId,
          q: f.q,
        },
        f.page,
        f.pageSize,
      );
      const { calendar, rule } = await lights();
      const t = today();
      const ms = await projects.milestones(items.map((p) => p.id));
      return {
        items: items.map((p) =>
          projectListItem(
            p,
            ms.filter((m) => m.projectId === p.id).map((m) => milestoneView(m, t, calendar, rule)),
          ),
        ),
        total,
        page: f.page,
        pageSize: f.pageSize,
      };
    },

    async create(input: ProjectInput, user: AuthUser): Promise<ProjectView> {
      const prefixes = requireAny(user, manageRoles, 'proposing key projects');
      if (input.areaCode !== undefined && !(await deps.matters.areas()).some((a) => a.code === input.areaCode)) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'areaCode', message: 'unknown area', code: 'unknown' },
          `unknown area ${input.areaCode}`,
        );
      }
      const id = await db.transaction().execute(async (trx) => {
        // The list is found (or opened) in the project's own transaction: a refused project leaves no list behind.
        const listId = input.listId ?? (await listForMatters(trx, clock.now(), input.matterIds, prefixes, user));
        const list = await createListsRepo(trx).get(listId, { lock: true });
        if (!list || !coversRegion(prefixes, list.regionCode)) throw new DomainError('not_found', `list ${listId} not found`);
        if (list.status === 'published')
          throw new DomainError('illegal_transition', `list ${list.title} is published: propose projects for a new batch`);
        await checkUnit(trx, input.leadUnitId, list.regionCode);
        const mrepo = createMattersRepo(trx);
        const prepo = createProjectsRepo(trx);
        const ids = [...new Set(input.matterIds)];
        const rows = await checkMatters(trx, ids, list.regionCode, null);
        const pid = await prepo.insert(
          {
            listId: list.id,
            regionCode: list.regionCode,
            title: input.title,
            description: input.description ?? null,
            areaCode: input.areaCode ?? rows[0]?.areaCode ?? null,
            leadUnitId: input.leadUnitId ?? null,
            budget: input.budget ?? null,
            startDate: input.startDate ?? null,
            dueDate: input.dueDate ?? null,
            createdBy: user.id,
          },
          clock.now(),
        );
        await mrepo.setProject(ids, pid, 'open', clock.now());
        const p = (await prepo.get(pid))!;
        if (input.milestones && input.milestones.length > 0)
          await writeMilestones(prepo, clock, p, input.milestones, input.dueDate ?? null);
        await prepo.event(pid, 'create', user.id, { matterIds: ids }, clock.now());
        return pid;
      });
      return view(id, user);
    },

    async patch(id: number, patch: z.output<typeof projectPatchSchema>, user: AuthUser): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const repo = createProjectsRepo(trx);
        const p = await lockManaged(repo, id, user);
        if (p.status === 'accepted' || p.status === 'dropped')
          throw new DomainError('illegal_transition', `a ${p.status} project is not edited`);
        await checkUnit(trx, patch.leadUnitId, p.regionCode);
        const startDate = patch.startDate ?? p.startDate;
        const dueDate = patch.dueDate ?? p.dueDate;
        if (startDate && dueDate && dueDate < startDate)
          throw DomainError.atField(
            'validation_failed',
            { path: 'dueDate', message: 'before the start date', code: 'order' },
            'the due date is before the start date',
          );
        if (patch.dueDate !== undefined) await checkDueDate(repo, id, patch.dueDate);
        if (patch.matterIds !== undefined) {
          if (!['candidate', 'selected'].includes(p.status))
            throw new DomainError('illegal_transition', 'the matters of an assigned project are fixed');
          const mrepo = createMattersRepo(trx);
          await checkMatters(trx, [...new Set(patch.matterIds)], p.regionCode, id);
          const current = await mrepo.ofProject(id);
          await mrepo.setProject(
            current.map((c) => c.id).filter((c) => !patch.matterIds!.includes(c)),
            null,
            'open',
            clock.now(),
          );
          await mrepo.setProject(patch.matterIds, id, p.status === 'selected' ? 'selected' : 'open', clock.now());
        }
        await repo.update(
          id,
          {
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.areaCode !== undefined ? { area_code: patch.areaCode } : {}),
            ...(patch.leadUnitId !== undefined ? { lead_unit_id: patch.leadUnitId } : {}),
            ...(patch.budget !== undefined ? { budget: patch.budget } : {}),
            ...(patch.startDate !== undefined ? { start_date: patch.startDate } : {}),
            ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
          },
          clock.now(),
        );
        await repo.event(id, 'edit', user.id, { fields: Object.keys(patch) }, clock.now());
      });
      return view(id, user);
    },

    async putMilestones(id: number, items: readonly MilestoneInput[], user: AuthUser): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const repo = createProjectsRepo(trx);
        const p = await lockManaged(repo, id, user);
        if (p.status === 'accepted' || p.status === 'dropped')
          throw new DomainError('illegal_transition', `the milestones of a ${p.status} project are fixed`);
        await writeMilestones(repo, clock, p, items, p.dueDate);
        await repo.event(id, 'milestones', user.id, { count: items.length }, clock.now());
      });
      return view(id, user);
    },

    ...createProjectDelivery({ db, clock, view }),
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;

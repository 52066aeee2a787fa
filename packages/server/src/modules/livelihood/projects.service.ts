import {
  DomainError,
  coversRegion,
  assignmentLetterNo,
  defaultLetterPrefix,
  milestoneDateProblems,
  projectProgress,
  toChinaDate,
  type MilestoneInput,
  type ProjectInput,
  type ProjectView,
  type assignSchema,
  type progressSchema,
  type projectPatchSchema,
  type projectSearchSchema,
  regionPrefix,
  type AuthUser,
  type Deadlines,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { acceptRoles, has, manageRoles, prefixesOf, readRoles, requireAny } from './access.ts';
import { createListsRepo } from './lists.repo.ts';
import { checkMatters, checkUnit, listForMatters } from './project-checks.ts';
import { createMattersRepo } from './matters.repo.ts';
import { originatorView } from './matter-view.ts';
import type { MattersService } from './matters.service.ts';
import { aboveOf, canManage, canRead, canReadLetter, canReport } from './project-access.ts';
import { milestoneView, projectListItem, reportView } from './project-view.ts';
import { createProjectPhotosRepo } from './project-photos.repo.ts';
import { createProjectsRepo, type ProjectRow, type ProjectsRepo } from './projects.repo.ts';

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

  /** Replace the milestones: kept ones by id, new ones added, missing ones removed (their reports stay). */
  async function writeMilestones(
    repo: ProjectsRepo,
    p: ProjectRow,
    items: readonly MilestoneInput[],
    dueDate: string | null,
  ): Promise<void> {
    const problems = milestoneDateProblems(dueDate, items);
    if (problems.length > 0) {
      throw new DomainError('validation_failed', problems[0]!.message, {
        fields: problems.map((pr) => ({ path: `milestones.${pr.index}.reason`, code: 'after_due_date', message: pr.message })),
      });
    }
    const current = await repo.milestones([p.id]);
    const keep = new Set(items.flatMap((m) => (m.id !== undefined ? [m.id] : [])));
    for (const id of keep) {
      if (!current.some((c) => c.id === id))
        throw DomainError.atField(
          'validation_failed',
          { path: 'milestones.id', message: `unknown milestone ${id}`, code: 'unknown' },
          `milestone ${id} is not one of this project's`,
        );
    }
    for (const c of current) if (!keep.has(c.id)) await repo.updateMilestone(c.id, { removed: true });
    let sort = 0;
    for (const m of items) {
      sort++;
      const fields = { sort, title: m.title, planned_date: m.plannedDate, weight: m.weight, reason: m.reason ?? null };
      // A new planned date is a new promise: its lights are announced afresh.
      const moved = m.id !== undefined && current.find((c) => c.id === m.id)?.plannedDate !== m.plannedDate;
      if (m.id !== undefined) await repo.updateMilestone(m.id, moved ? { ...fields, warned_level: 0 } : fields);
      else
        await repo.insertMilestone(p.id, { sort, title: m.title, plannedDate: m.plannedDate, weight: m.weight, reason: m.reason ?? null });
    }
    await recomputeProgress(repo, p.id);
  }

  async function recomputeProgress(repo: ProjectsRepo, projectId: number): Promise<number> {
    const ms = await repo.milestones([projectId]);
    const progress = projectProgress(ms);
    await repo.update(projectId, { progress }, clock.now());
    return progress;
  }

  /** Lock the project and check it may be managed by the user. */
  async function lockManaged(repo: ProjectsRepo, id: number, user: AuthUser): Promise<ProjectRow> {
    const p = await repo.get(id, { lock: true });
    if (!p || !canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
    if (!canManage(p, user)) throw new DomainError('forbidden', 'only the livelihood office of the region manages its projects');
    return p;
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
        if (input.milestones && input.milestones.length > 0) await writeMilestones(prepo, p, input.milestones, input.dueDate ?? null);
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
        if (patch.dueDate !== undefined) {
          const problems = milestoneDateProblems(
            patch.dueDate,
            (await repo.milestones([id])).map((m) => ({
              title: m.title,
              plannedDate: m.plannedDate,
              weight: m.weight,
              ...(m.reason ? { reason: m.reason } : {}),
            })),
          );
          if (problems.length > 0)
            throw DomainError.atField('validation_failed', { path: 'dueDate', message: problems[0]!.message, code: 'milestones_after' });
        }
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
        await writeMilestones(repo, p, items, p.dueDate);
        await repo.event(id, 'milestones', user.id, { count: items.length }, clock.now());
      });
      return view(id, user);
    },

    /** Issue the project to a cadre by letter (交办书): numbered, the cadre told through the outbox. */
    async assign(id: number, input: z.output<typeof assignSchema>, user: AuthUser): Promise<ProjectView> {
      const cadre = await createPeopleRepo(db).findById(input.cadreUserId);
      if (!cadre || !cadre.active || !cadre.roles.includes('leader')) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'cadreUserId', message: 'not a cadre', code: 'not_cadre' },
          `user ${input.cadreUserId} is not an active cadre (role leader)`,
        );
      }
      if (input.dueDate < today())
        throw DomainError.atField(
          'validation_failed',
          { path: 'dueDate', message: 'in the past', code: 'past' },
          `the due date ${input.dueDate} has passed`,
        );
      await db.transaction().execute(async (trx) => {
        const repo = createProjectsRepo(trx);
        const p = await lockManaged(repo, id, user);
        // Normally the selection meeting chooses the project first; a candidate assigned directly
        // (the committee designating it) is recorded as selected by that assignment.
        if (p.status !== 'selected' && p.status !== 'candidate')
          throw new DomainError('illegal_transition', `the project is already ${p.status}`);
        if (p.status === 'candidate') {
          const ids = (await createMattersRepo(trx).ofProject(id)).map((m) => m.id);
          await createMattersRepo(trx).setProject(ids, id, 'selected', clock.now());
          await repo.event(id, 'select', user.id, { direct: true }, clock.now());
        }
        if (
          !cadre.units.some(
            (u) => coversRegion([regionPrefix(u.regionCode)], p.regionCode) || u.regionCode.startsWith(regionPrefix(p.regionCode)),
          )
        ) {
          throw DomainError.atField(
            'validation_failed',
            { path: 'cadreUserId', message: 'another region', code: 'region' },
            `${cadre.displayName} is not a cadre of this region`,
          );
        }
        await checkUnit(trx, input.leadUnitId, p.regionCode);
        const problems = milestoneDateProblems(
          input.dueDate,
          (await repo.milestones([id])).map((m) => ({
            title: m.title,
            plannedDate: m.plannedDate,
            weight: m.weight,
            ...(m.reason ? { reason: m.reason } : {}),
          })),
        );
        if (problems.length > 0)
          throw DomainError.atField('validation_failed', { path: 'dueDate', message: problems[0]!.message, code: 'milestones_after' });
        const now = clock.now();
        const year = Number(toChinaDate(now).slice(0, 4));
        const prefix = defaultLetterPrefix(p.regionName);
        const seq = await createListsRepo(trx).nextLetterSeq(prefix, year);
        const letterNo = assignmentLetterNo(prefix, year, seq);
        await repo.update(
          id,
          {
            status: 'assigned',
            cadre_user_id: cadre.id,
            due_date: input.dueDate,
            ...(input.leadUnitId !== undefined ? { lead_unit_id: input.leadUnitId } : {}),
            requirements: input.requirements ?? null,
            letter_no: letterNo,
            assigned_at: now,
            assigned_by: user.id,
          },
          now,
        );
        await repo.event(id, 'assign', user.id, { cadreUserId: cadre.id, letterNo, dueDate: input.dueDate }, now);
        await createOutboxRepo(trx).enqueue(
          {
            topic: 'livelihood.assigned',
            caseId: null,
            payload: { projectId: id, userId: cadre.id, letterNo, title: p.title, dueDate: input.dueDate },
          },
          now,
        );
      });
      return view(id, user);
    },

    /** The cadre signs for the letter (签收). */
    async sign(id: number, user: AuthUser): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const repo = createProjectsRepo(trx);
        const p = await repo.get(id, { lock: true });
        if (!p || !canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
        if (p.cadreUserId !== user.id) throw new DomainError('forbidden', 'only the cadre it is assigned to signs for the letter');
        if (p.status !== 'assigned')
          throw new DomainError('illegal_transition', p.status === 'signed' ? 'already signed' : `a ${p.status} project is not signed for`);
        await repo.update(id, { status: 'signed', signed_at: clock.now() }, clock.now());
        await repo.event(id, 'sign', user.id, {}, clock.now());
      });
      return view(id, user);
    },

    /** A progress report on a milestone: the milestone takes the percent, the project the weighted sum. */
    async progress(id: number, input: z.output<typeof progressSchema>, user: AuthUser): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const repo = createProjectsRepo(trx);
        const p = await repo.get(id, { lock: true });
        if (!p || !canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
        if (!['assigned', 'signed'].includes(p.status))
          throw new DomainError(
            'illegal_transition',
            p.status === 'accepted'
              ? 'the project is accepted and struck off: no more reports'
              : 'progress is reported once the project is assigned',
          );
        if (!canReport(p, user))
          throw new DomainError('forbidden', 'progress is reported by the cadre, the lead unit or the livelihood office');
        const m = (await repo.milestones([id])).find((x) => x.id === input.milestoneId);
        if (!m)
          throw DomainError.atField(
            'validation_failed',
            { path: 'milestoneId', message: 'unknown milestone', code: 'unknown' },
            `milestone ${input.milestoneId} is not one of this project's`,
          );
        const photoIds = [...new Set(input.photoIds ?? [])];
        const known = await createProjectPhotosRepo(trx).photoIdsOf(id, photoIds);
        if (known.length !== photoIds.length)
          throw DomainError.atField(
            'validation_failed',
            { path: 'photoIds', message: 'unknown photos', code: 'unknown' },
            'unknown photos: upload them to this project first',
          );
        const now = clock.now();
        await repo.insertReport(
          { projectId: id, milestoneId: m.id, percent: input.percent, text: input.text, photoIds, reportedBy: user.id },
          now,
        );
        await repo.updateMilestone(m.id, {
          percent: input.percent,
          done_on: input.percent >= 100 ? (m.doneOn ?? toChinaDate(now)) : null,
          ...(input.percent >= 100 ? {} : { warned_level: Math.min(m.warnedLevel, 2) }),
        });
        const progress = await recomputeProgress(repo, id);
        // The cadre acting on the project has taken it on: an unsigned letter counts as signed for.
        if (p.status === 'assigned' && p.cadreUserId === user.id) {
          await repo.update(id, { status: 'signed', signed_at: now }, now);
          await repo.event(id, 'sign', user.id, { implied: 'progress' }, now);
        }
        await repo.event(id, 'progress', user.id, { milestoneId: m.id, percent: input.percent, progress }, now);
      });
      return view(id, user);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;

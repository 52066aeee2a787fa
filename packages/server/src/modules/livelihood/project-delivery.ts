import {
  DomainError,
  assignmentLetterNo,
  coversRegion,
  defaultLetterPrefix,
  regionPrefix,
  toChinaDate,
  type AuthUser,
  type ProjectView,
  type assignSchema,
  type progressSchema,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createListsRepo } from './lists.repo.ts';
import { createMattersRepo } from './matters.repo.ts';
import { canRead, canReport } from './project-access.ts';
import { checkUnit } from './project-checks.ts';
import { createProjectPhotosRepo } from './project-photos.repo.ts';
import { checkDueDate, lockManaged, recomputeProgress } from './project-writes.ts';
import { createProjectsRepo } from './projects.repo.ts';

/**
 * Delivering a selected project: the letter to a cadre (交办书), the cadre signing for it, and
 * progress reports on the milestones. Part of the projects service; each answers the project as
 * the caller now sees it.
 */
export function createProjectDelivery(deps: { db: Db; clock: Clock; view: (id: number, user: AuthUser) => Promise<ProjectView> }) {
  const { db, clock, view } = deps;
  const today = () => toChinaDate(clock.now());
  return {
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
        await checkDueDate(repo, id, input.dueDate);
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
        const progress = await recomputeProgress(repo, clock, id);
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

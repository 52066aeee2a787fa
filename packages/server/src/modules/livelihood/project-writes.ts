import { DomainError, milestoneDateProblems, projectProgress, type AuthUser, type MilestoneInput } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import { canManage, canRead } from './project-access.ts';
import type { ProjectRow, ProjectsRepo } from './projects.repo.ts';

/**
 * What the writes to a project share, inside their transaction: locking a project the user
 * manages, replacing the milestones, recomputing the progress, and checking a due date against
 * the milestones.
 */

/** Lock the project and check it may be managed by the user. */
export async function lockManaged(repo: ProjectsRepo, id: number, user: AuthUser): Promise<ProjectRow> {
  const p = await repo.get(id, { lock: true });
  if (!p || !canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
  if (!canManage(p, user)) throw new DomainError('forbidden', 'only the livelihood office of the region manages its projects');
  return p;
}

/** Replace the milestones: kept ones by id, new ones added, missing ones removed (their reports stay). */
export async function writeMilestones(
  repo: ProjectsRepo,
  clock: Clock,
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
    else await repo.insertMilestone(p.id, { sort, title: m.title, plannedDate: m.plannedDate, weight: m.weight, reason: m.reason ?? null });
  }
  await recomputeProgress(repo, clock, p.id);
}

/** The project's progress: the weighted sum of its milestones. */
export async function recomputeProgress(repo: ProjectsRepo, clock: Clock, projectId: number): Promise<number> {
  const ms = await repo.milestones([projectId]);
  const progress = projectProgress(ms);
  await repo.update(projectId, { progress }, clock.now());
  return progress;
}

/** A new due date may not fall before a milestone's planned date (unless the milestone gives a reason). */
export async function checkDueDate(repo: ProjectsRepo, projectId: number, dueDate: string): Promise<void> {
  const problems = milestoneDateProblems(
    dueDate,
    (await repo.milestones([projectId])).map((m) => ({
      title: m.title,
      plannedDate: m.plannedDate,
      weight: m.weight,
      ...(m.reason ? { reason: m.reason } : {}),
    })),
  );
  if (problems.length > 0)
    throw DomainError.atField('validation_failed', { path: 'dueDate', message: problems[0]!.message, code: 'milestones_after' });
}

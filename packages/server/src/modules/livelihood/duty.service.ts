import {
  DomainError,
  coversRegion,
  lightRank,
  toChinaDate,
  type DutyList,
  type MilestoneView,
  regionPrefix,
  type AuthUser,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createDutyRepo } from './duty.repo.ts';
import { has, overseeRoles, prefixesOf, readRoles, requireAny } from './access.ts';
import { milestoneView, projectListItem } from './project-view.ts';
import { createProjectsRepo } from './projects.repo.ts';
import type { ProjectsService } from './projects.service.ts';

type Dated = MilestoneView & { projectId: number; projectTitle: string };

/**
 * The cadre's duty list (履职清单) and the lights of late milestones: a milestone past its date
 * turns yellow, then red; each change is announced once (warned_level) to the cadre and to the
 * supervisors of the region through the outbox.
 */
export function createDutyService(deps: { db: Db; clock: Clock; projects: ProjectsService }) {
  const { db, clock } = deps;
  const projects = createProjectsRepo(db);

  return {
    async dutyList(userId: number | undefined, user: AuthUser): Promise<DutyList> {
      let cadreId = user.id;
      if (userId !== undefined && userId !== user.id) {
        const prefixes = requireAny(user, overseeRoles, "reading another cadre's duty list");
        const other = await createPeopleRepo(db).findById(userId);
        if (!other || !other.units.some((u) => coversRegion(prefixes, u.regionCode)))
          throw new DomainError('not_found', `user ${userId} not found`);
        cadreId = other.id;
      }
      const cadre = cadreId === user.id ? user : (await createPeopleRepo(db).findById(cadreId))!;
      const rows = await projects.all({ cadreUserId: cadreId, statuses: ['assigned', 'signed', 'accepted'] }, 500);
      const { calendar, rule } = await deps.projects.lights();
      const t = toChinaDate(clock.now());
      const ms = await projects.milestones(rows.map((p) => p.id));
      const views = new Map<number, MilestoneView[]>();
      for (const m of ms) views.set(m.projectId, [...(views.get(m.projectId) ?? []), milestoneView(m, t, calendar, rule)]);
      const open: Dated[] = [];
      for (const p of rows) {
        if (p.status === 'accepted') continue;
        for (const m of views.get(p.id) ?? []) if (m.light !== 'done') open.push({ ...m, projectId: p.id, projectTitle: p.title });
      }
      open.sort((a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.id - b.id);
      const unitIds = cadre.units.map((u) => u.id);
      const cases = await createDutyRepo(db).openCasesLedBy(unitIds, 50);
      return {
        cadre: { id: cadre.id, name: cadre.displayName },
        projects: rows.map((p) => projectListItem(p, views.get(p.id) ?? [])),
        nextMilestones: open.filter((m) => m.light === 'green').slice(0, 20),
        late: open.filter((m) => m.light === 'yellow' || m.light === 'red'),
        cases: cases.map((c) => ({
          id: c.id,
          trackingNo: c.tracking_no,
          title: c.title,
          status: c.status,
          dueAt: c.next_due_at?.toISOString() ?? null,
        })),
      };
    },

    /** Cadres (role leader) of a region and the regions under it, for the assignment dialog. */
    async cadres(regionCode: string | undefined, user: AuthUser) {
      const prefixes = requireAny(user, readRoles, 'listing cadres');
      const prefix = regionCode ? regionPrefix(regionCode) : null;
      if (prefix !== null && !coversRegion(prefixes, regionCode!) && !prefixes.some((p) => p.startsWith(prefix)))
        throw new DomainError('forbidden', 'the region is outside your service area');
      const rows = await createDutyRepo(db).cadres();
      const seen = new Set<number>();
      const items = [];
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        const inScope =
          prefix === null
            ? coversRegion(prefixes, r.region_code)
            : r.region_code.startsWith(prefix) || (regionCode ?? '').startsWith(regionPrefix(r.region_code));
        if (!inScope) continue;
        seen.add(r.id);
        items.push({ id: r.id, name: r.display_name, unitName: r.unit_name, regionCode: r.region_code });
      }
      return { items };
    },

    /**
     * Announce milestones whose light got worse since the last announcement. Safe to run
     * repeatedly: each (milestone, level) is announced once; the row lock keeps two servers
     * from announcing the same change.
     */
    async warnLateMilestones(limit = 500): Promise<{ yellow: number; red: number }> {
      const now = clock.now();
      const t = toChinaDate(now);
      const { calendar, rule } = await deps.projects.lights();
      const late = await projects.lateMilestones(t, limit);
      let yellow = 0;
      let red = 0;
      for (const m of late) {
        const light = milestoneView(
          {
            id: m.id,
            projectId: m.project_id,
            sort: 0,
            title: m.title,
            plannedDate: m.planned_date,
            weight: 1,
            reason: null,
            percent: m.percent,
            doneOn: null,
            warnedLevel: m.warned_level,
          },
          t,
          calendar,
          rule,
        ).light;
        const level = lightRank(light);
        if (level <= m.warned_level) continue;
        const announced = await db.transaction().execute(async (trx) => {
          if (!(await createProjectsRepo(trx).raiseWarnedLevel(m.id, level))) return false;
          const payload = {
            id: `milestone-${m.id}-${m.planned_date}-${light}`,
            projectId: m.project_id,
            milestoneId: m.id,
            projectTitle: m.project_title,
            milestone: m.title,
            plannedDate: m.planned_date,
            light,
            regionCode: m.region_code,
          };
          const outbox = createOutboxRepo(trx);
          if (m.cadre_user_id !== null)
            await outbox.enqueue(
              { topic: 'livelihood.milestone_late', caseId: null, payload: { ...payload, to: 'cadre', userId: m.cadre_user_id } },
              now,
            );
          await outbox.enqueue({ topic: 'livelihood.milestone_late', caseId: null, payload: { ...payload, to: 'supervisors' } }, now);
          await createProjectsRepo(trx).event(m.project_id, `milestone_${light}`, null, { milestoneId: m.id }, now);
          return true;
        });
        if (announced && light === 'red') red++;
        else if (announced) yellow++;
      }
      return { yellow, red };
    },

    /** Is the user allowed to oversee duty lists (the UI's cadre picker)? */
    oversees: (user: AuthUser) => has(user, overseeRoles),
    prefixes: prefixesOf,
  };
}

export type DutyService = ReturnType<typeof createDutyService>;

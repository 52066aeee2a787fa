import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * The milestones of key projects and the progress reports on them, with the late-milestone
 * lights' bookkeeping. Part of the projects repo (`createProjectsRepo` includes these).
 */

export interface MilestoneRow {
  id: number;
  projectId: number;
  sort: number;
  title: string;
  plannedDate: string;
  weight: number;
  reason: string | null;
  percent: number;
  doneOn: string | null;
  warnedLevel: number;
}

export interface ReportRow {
  id: number;
  projectId: number;
  milestoneId: number;
  milestoneTitle: string;
  percent: number;
  text: string;
  photoIds: number[];
  reportedBy: string | null;
  createdAt: Date;
}

export function createProjectMilestonesRepo(db: Db) {
  return {
    async milestones(projectIds: readonly number[]): Promise<MilestoneRow[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('project_milestones')
        .select([
          'id',
          'project_id',
          'sort',
          'title',
          sql<string>`planned_date::text`.as('planned_date'),
          'weight',
          'reason',
          'percent',
          sql<string | null>`done_on::text`.as('done_on'),
          'warned_level',
        ])
        .where('project_id', 'in', [...projectIds])
        .where('removed', '=', false)
        .orderBy('project_id')
        .orderBy('sort')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        sort: r.sort,
        title: r.title,
        plannedDate: r.planned_date,
        weight: r.weight,
        reason: r.reason,
        percent: r.percent,
        doneOn: r.done_on,
        warnedLevel: r.warned_level,
      }));
    },

    async insertMilestone(
      projectId: number,
      m: { sort: number; title: string; plannedDate: string; weight: number; reason: string | null },
    ): Promise<number> {
      const r = await db
        .insertInto('project_milestones')
        .values({ project_id: projectId, sort: m.sort, title: m.title, planned_date: m.plannedDate, weight: m.weight, reason: m.reason })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateMilestone(
      id: number,
      set: Partial<{
        sort: number;
        title: string;
        planned_date: string;
        weight: number;
        reason: string | null;
        percent: number;
        done_on: string | null;
        warned_level: number;
        removed: boolean;
      }>,
    ): Promise<void> {
      await db.updateTable('project_milestones').set(set).where('id', '=', id).execute();
    },

    async insertReport(
      r: { projectId: number; milestoneId: number; percent: number; text: string; photoIds: number[]; reportedBy: number },
      at: Date,
    ): Promise<number> {
      const row = await db
        .insertInto('project_reports')
        .values({
          project_id: r.projectId,
          milestone_id: r.milestoneId,
          percent: r.percent,
          text: r.text,
          photo_ids: r.photoIds,
          reported_by: r.reportedBy,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Reports of the projects, newest first; at most `perProject` of each. */
    async reports(projectIds: readonly number[], perProject = 1000): Promise<ReportRow[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('project_reports as r')
        .innerJoin('project_milestones as m', 'm.id', 'r.milestone_id')
        .leftJoin('users as u', 'u.id', 'r.reported_by')
        .select([
          'r.id',
          'r.project_id',
          'r.milestone_id',
          'm.title as milestone_title',
          'r.percent',
          'r.text',
          'r.photo_ids',
          'u.display_name as reported_by',
          'r.created_at',
          sql<number>`row_number() over (partition by r.project_id order by r.created_at desc, r.id desc)`.as('n'),
        ])
        .where('r.project_id', 'in', [...projectIds])
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .execute();
      return rows
        .filter((r) => Number(r.n) <= perProject)
        .map((r) => ({
          id: r.id,
          projectId: r.project_id,
          milestoneId: r.milestone_id,
          milestoneTitle: r.milestone_title,
          percent: r.percent,
          text: r.text,
          photoIds: r.photo_ids,
          reportedBy: r.reported_by,
          createdAt: r.created_at,
        }));
    },

    /** Raise the announced level of a milestone, locked; false when it is already as high. */
    async raiseWarnedLevel(milestoneId: number, level: number): Promise<boolean> {
      const row = await db
        .selectFrom('project_milestones')
        .select('warned_level')
        .where('id', '=', milestoneId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || row.warned_level >= level) return false;
      await db.updateTable('project_milestones').set({ warned_level: level }).where('id', '=', milestoneId).execute();
      return true;
    },

    /** Milestones not reached whose planned date is before `today`, of projects being delivered. */
    async lateMilestones(today: string, limit: number) {
      return db
        .selectFrom('project_milestones as m')
        .innerJoin('projects as p', 'p.id', 'm.project_id')
        .select([
          'm.id',
          'm.project_id',
          'm.title',
          sql<string>`m.planned_date::text`.as('planned_date'),
          'm.percent',
          'm.warned_level',
          'p.title as project_title',
          'p.cadre_user_id',
          'p.region_code',
        ])
        .where('m.percent', '<', 100)
        .where('m.removed', '=', false)
        .where(sql<SqlBool>`m.planned_date < ${today}::date`)
        .where('p.status', 'in', ['assigned', 'signed'])
        .orderBy('m.planned_date')
        .limit(limit)
        .execute();
    },
  };
}

import { sql, type SqlBool, type Updateable } from 'kysely';
import type { ProjectStatus } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { pageWithTotal } from '../../db/pages.ts';
import type { ProjectsTable } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { createProjectMilestonesRepo } from './project-milestones.repo.ts';

export type { MilestoneRow, ReportRow } from './project-milestones.repo.ts';

export interface ProjectRow {
  id: number;
  listId: number;
  listTitle: string;
  listYear: number;
  listBatch: number;
  listStatus: 'collecting' | 'selecting' | 'published';
  regionCode: string;
  regionName: string;
  title: string;
  description: string | null;
  areaCode: string | null;
  status: ProjectStatus;
  votes: number | null;
  priority: number | null;
  peopleAffected: number | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
  cadreUserId: number | null;
  cadreName: string | null;
  budget: number | null;
  startDate: string | null;
  dueDate: string | null;
  requirements: string | null;
  letterNo: string | null;
  assignedAt: Date | null;
  signedAt: Date | null;
  progress: number;
  acceptedAt: Date | null;
  acceptedByName: string | null;
  checkers: string | null;
  findings: string | null;
  matterCount: number;
  originatorCount: number;
}

export interface ProjectFilter {
  scopePrefixes?: readonly string[] | undefined;
  /** Also visible whatever the scope: the cadre's own, the lead unit's. */
  alsoCadre?: number | undefined;
  alsoUnits?: readonly number[] | undefined;
  /** Also visible: projects owned by exactly these regions (the lists above the caller's). */
  alsoRegionCodes?: readonly string[] | undefined;
  regionPrefix?: string | undefined;
  listId?: number | undefined;
  status?: ProjectStatus | undefined;
  statuses?: readonly ProjectStatus[] | undefined;
  cadreUserId?: number | undefined;
  publishedOnly?: boolean | undefined;
  q?: string | undefined;
}

export function createProjectsRepo(db: Db) {
  function base() {
    return db
      .selectFrom('projects as p')
      .innerJoin('livelihood_lists as l', 'l.id', 'p.list_id')
      .innerJoin('regions as r', 'r.code', 'p.region_code')
      .leftJoin('units as u', 'u.id', 'p.lead_unit_id')
      .leftJoin('users as c', 'c.id', 'p.cadre_user_id')
      .leftJoin('users as a', 'a.id', 'p.accepted_by')
      .select([
        'p.id',
        'p.list_id',
        'l.title as list_title',
        'l.year as list_year',
        'l.batch as list_batch',
        'l.status as list_status',
        'p.region_code',
        'r.name as region_name',
        'p.title',
        'p.description',
        'p.area_code',
        'p.status',
        'p.votes',
        'p.priority',
        'p.people_affected',
        'p.lead_unit_id',
        'u.name as lead_unit_name',
        'p.cadre_user_id',
        'c.display_name as cadre_name',
        'p.budget',
        sql<string | null>`p.start_date::text`.as('start_date'),
        sql<string | null>`p.due_date::text`.as('due_date'),
        'p.requirements',
        'p.letter_no',
        'p.assigned_at',
        'p.signed_at',
        'p.progress',
        'p.accepted_at',
        'a.display_name as accepted_by_name',
        'p.checkers',
        'p.findings',
        sql<number>`(select count(*)::int from matters m where m.project_id = p.id)`.as('matter_count'),
        sql<number>`(select coalesce(sum(m.originator_count), 0)::int from matters m where m.project_id = p.id)`.as('originator_count'),
      ]);
  }
  type Raw = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const toRow = (r: Raw): ProjectRow => ({
    id: r.id,
    listId: r.list_id,
    listTitle: r.list_title,
    listYear: r.list_year,
    listBatch: r.list_batch,
    listStatus: r.list_status,
    regionCode: r.region_code,
    regionName: r.region_name,
    title: r.title,
    description: r.description,
    areaCode: r.area_code,
    status: r.status,
    votes: r.votes,
    priority: r.priority,
    peopleAffected: r.people_affected,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    cadreUserId: r.cadre_user_id,
    cadreName: r.cadre_name,
    budget: r.budget,
    startDate: r.start_date,
    dueDate: r.due_date,
    requirements: r.requirements,
    letterNo: r.letter_no,
    assignedAt: r.assigned_at,
    signedAt: r.signed_at,
    progress: r.progress,
    acceptedAt: r.accepted_at,
    acceptedByName: r.accepted_by_name,
    checkers: r.checkers,
    findings: r.findings,
    matterCount: r.matter_count,
    originatorCount: r.originator_count,
  });

  function filtered(f: ProjectFilter) {
    let q = base();
    if (f.scopePrefixes !== undefined) {
      const ps = f.scopePrefixes;
      q = q.where((eb) => {
        const ors = ps.map((p) => eb('p.region_code', 'like', `${p}%`));
        if (f.alsoCadre !== undefined) ors.push(eb('p.cadre_user_id', '=', f.alsoCadre));
        if (f.alsoUnits && f.alsoUnits.length > 0) ors.push(eb('p.lead_unit_id', 'in', [...f.alsoUnits]));
        if (f.alsoRegionCodes && f.alsoRegionCodes.length > 0) ors.push(eb('p.region_code', 'in', [...f.alsoRegionCodes]));
        return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
      });
    }
    if (f.regionPrefix) q = q.where('p.region_code', 'like', `${f.regionPrefix}%`);
    if (f.listId !== undefined) q = q.where('p.list_id', '=', f.listId);
    if (f.status) q = q.where('p.status', '=', f.status);
    if (f.statuses) q = q.where('p.status', 'in', [...f.statuses]);
    if (f.cadreUserId !== undefined) q = q.where('p.cadre_user_id', '=', f.cadreUserId);
    if (f.publishedOnly) q = q.where('l.status', '=', 'published');
    if (f.q) q = q.where('p.title', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return q;
  }

  return {
    ...createProjectMilestonesRepo(db),

    async insert(
      p: {
        listId: number;
        regionCode: string;
        title: string;
        description: string | null;
        areaCode: string | null;
        leadUnitId: number | null;
        budget: number | null;
        startDate: string | null;
        dueDate: string | null;
        createdBy: number;
      },
      at: Date,
    ): Promise<number> {
      const r = await db
        .insertInto('projects')
        .values({
          list_id: p.listId,
          region_code: p.regionCode,
          title: p.title,
          description: p.description,
          area_code: p.areaCode,
          status: 'candidate',
          votes: null,
          priority: null,
          people_affected: null,
          lead_unit_id: p.leadUnitId,
          cadre_user_id: null,
          budget: p.budget,
          start_date: p.startDate,
          due_date: p.dueDate,
          requirements: null,
          letter_no: null,
          assigned_at: null,
          assigned_by: null,
          signed_at: null,
          accepted_at: null,
          accepted_by: null,
          checkers: null,
          findings: null,
          created_by: p.createdBy,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async get(id: number, opts: { lock?: boolean } = {}): Promise<ProjectRow | undefined> {
      if (opts.lock) await db.selectFrom('projects').select('id').where('id', '=', id).forUpdate().execute();
      const r = await base().where('p.id', '=', id).executeTakeFirst();
      return r && toRow(r);
    },

    async search(f: ProjectFilter, page: number, pageSize: number): Promise<{ items: ProjectRow[]; total: number }> {
      const { rows, total } = await pageWithTotal(filtered(f).orderBy('p.id'), { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: rows.map(toRow), total };
    },

    async all(f: ProjectFilter, limit: number): Promise<ProjectRow[]> {
      return (await filtered(f).orderBy('p.id').limit(limit).execute()).map(toRow);
    },

    async byList(listId: number): Promise<ProjectRow[]> {
      return (await base().where('p.list_id', '=', listId).orderBy('p.id').execute()).map(toRow);
    },

    async update(id: number, set: Omit<Updateable<ProjectsTable>, 'id' | 'updated_at' | 'created_at'>, at: Date): Promise<void> {
      await db
        .updateTable('projects')
        .set({ ...set, updated_at: at })
        .where('id', '=', id)
        .execute();
    },

    /** The distinct regions of the matters of the projects. */
    async matterRegions(projectIds: readonly number[]): Promise<{ projectId: number; regionCode: string }[]> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('matters')
        .select(['project_id', 'region_code'])
        .distinct()
        .where('project_id', 'in', [...projectIds])
        .execute();
      return rows.map((r) => ({ projectId: r.project_id!, regionCode: r.region_code }));
    },

    async titles(ids: readonly number[]): Promise<Map<number, { title: string; status: ProjectStatus }>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('projects')
        .select(['id', 'title', 'status'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, { title: r.title, status: r.status }]));
    },

    /** The payload of the project's last event of this action. */
    async lastEvent(projectId: number, action: string): Promise<Record<string, unknown> | null> {
      const r = await db
        .selectFrom('project_events')
        .select('payload')
        .where('project_id', '=', projectId)
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return r?.payload ?? null;
    },

    /** The county (6 digits) with the most published public projects. */
    async busiestPublishedCounty(statuses: readonly ProjectStatus[]): Promise<string | null> {
      const top = await db
        .selectFrom('projects as p')
        .innerJoin('livelihood_lists as l', 'l.id', 'p.list_id')
        .select(sql<string>`substr(p.region_code, 1, 6)`.as('county'))
        .where('l.status', '=', 'published')
        .where('p.status', 'in', [...statuses])
        .where(sql<SqlBool>`substr(p.region_code, 5, 2) <> '00'`)
        .groupBy(sql`substr(p.region_code, 1, 6)`)
        .orderBy(sql`count(*)`, 'desc')
        .limit(1)
        .executeTakeFirst();
      return top?.county ?? null;
    },

    /**
     * A project's event, in the transaction of the change; the audit log gets the same change
     * (`livelihood.project.<action>`, the project's region, the actor by id and username).
     */
    async event(projectId: number, action: string, actorId: number | null, payload: Record<string, unknown>, at: Date): Promise<void> {
      await db.insertInto('project_events').values({ project_id: projectId, action, actor_id: actorId, payload, created_at: at }).execute();
      const p = await db.selectFrom('projects').select('region_code').where('id', '=', projectId).executeTakeFirst();
      const u = actorId === null ? undefined : await db.selectFrom('users').select('username').where('id', '=', actorId).executeTakeFirst();
      await recordAudit(db, {
        action: `livelihood.project.${action}`,
        actor: actorId === null ? null : { id: actorId, name: u?.username ?? null },
        target: { type: 'project', id: projectId },
        regionCode: p?.region_code ?? null,
        detail: payload,
        at,
      });
    },
  };
}

export type ProjectsRepo = ReturnType<typeof createProjectsRepo>;

import { DomainError, toChinaDate, type PublicProject } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { regionPrefixOf } from './matters.service.ts';
import { milestoneView, placeOf, publicProject } from './project-view.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { fullRegionName, type ProjectsService } from './projects.service.ts';

const PUBLIC_STATUSES = ['selected', 'assigned', 'signed', 'accepted'] as const;
const LAST_REPORTS = 3;

/** The public page: published projects of a region and the regions under it, no personal data. */
export function createPublicProjectsService(deps: { db: Db; clock: Clock; projects: ProjectsService }) {
  const { db, clock } = deps;
  const projects = createProjectsRepo(db);
  const toDate = (d: Date) => toChinaDate(d);

  async function build(rows: Awaited<ReturnType<typeof projects.all>>, lastReports: number): Promise<PublicProject[]> {
    const { calendar, rule } = await deps.projects.lights();
    const t = toChinaDate(clock.now());
    const ids = rows.map((p) => p.id);
    const [ms, reports, regions] = await Promise.all([projects.milestones(ids), projects.reports(ids, lastReports), projects.matterRegions(ids)]);
    const codes = new Set<string>();
    for (const r of regions) {
      codes.add(r.regionCode);
      if (r.regionCode.length >= 9) codes.add(r.regionCode.slice(0, 9));
    }
    const names = new Map(
      codes.size === 0 ? [] : (await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...codes]).execute()).map((r) => [r.code, r.name] as const),
    );
    return rows.map((p) =>
      publicProject(
        p,
        ms.filter((m) => m.projectId === p.id).map((m) => milestoneView(m, t, calendar, rule)),
        reports.filter((r) => r.projectId === p.id),
        toDate,
        placeOf(regions.filter((r) => r.projectId === p.id).map((r) => r.regionCode), names, p.regionName),
      ),
    );
  }

  return {
    async list(regionCode: string): Promise<{ region: { code: string; name: string }; items: PublicProject[] }> {
      const region = await db.selectFrom('regions').select(['code', 'name']).where('code', '=', regionCode).executeTakeFirst();
      if (!region) throw new DomainError('not_found', `region ${regionCode} not found`);
      const rows = await projects.all({ regionPrefix: regionPrefixOf(regionCode), statuses: PUBLIC_STATUSES, publishedOnly: true }, 1000);
      return { region: { code: region.code, name: await fullRegionName(db, region.code, region.name) }, items: await build(rows, LAST_REPORTS) };
    },

    async get(id: number): Promise<PublicProject> {
      const p = await projects.get(id);
      if (!p || p.listStatus !== 'published' || !(PUBLIC_STATUSES as readonly string[]).includes(p.status)) throw new DomainError('not_found', `project ${id} not found`);
      const [one] = await build([p], 1000);
      return one!;
    },
  };
}

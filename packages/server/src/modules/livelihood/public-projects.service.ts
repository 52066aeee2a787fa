import { DomainError, toChinaDate, type PublicProject, regionPrefix } from '@huiyin/core';
import { fullRegionName } from '../regions/region-names.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { milestoneView, placeOf, publicProject } from './project-view.ts';
import { createProjectsRepo } from './projects.repo.ts';
import type { ProjectsService } from './projects.service.ts';

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
    const [ms, reports, regions] = await Promise.all([
      projects.milestones(ids),
      projects.reports(ids, lastReports),
      projects.matterRegions(ids),
    ]);
    const codes = new Set<string>();
    for (const r of regions) {
      codes.add(r.regionCode);
      if (r.regionCode.length >= 9) codes.add(r.regionCode.slice(0, 9));
    }
    const names = new Map([...(await createRegionsRepo(db).names([...codes]))].map(([code, r]) => [code, r.name] as const));
    return rows.map((p) =>
      publicProject(
        p,
        ms.filter((m) => m.projectId === p.id).map((m) => milestoneView(m, t, calendar, rule)),
        reports.filter((r) => r.projectId === p.id),
        toDate,
        placeOf(
          regions.filter((r) => r.projectId === p.id).map((r) => r.regionCode),
          names,
          p.regionName,
        ),
      ),
    );
  }

  async function defaultRegion(): Promise<string> {
    const top = await projects.busiestPublishedCounty(PUBLIC_STATUSES);
    if (top !== null) return top;
    const served = await createUnitsRepo(db).serviceRegions();
    if (served[0]) return served[0].code;
    throw new DomainError('not_found', 'no region has published projects');
  }

  return {
    /** Without a region: the county with the most published projects (else the first served here). */
    async list(asked: string | undefined): Promise<{ region: { code: string; name: string }; items: PublicProject[] }> {
      const regionCode = asked ?? (await defaultRegion());
      const region = await createRegionsRepo(db).get(regionCode);
      if (!region) throw new DomainError('not_found', `region ${regionCode} not found`);
      const rows = await projects.all({ regionPrefix: regionPrefix(regionCode), statuses: PUBLIC_STATUSES, publishedOnly: true }, 1000);
      return {
        region: { code: region.code, name: await fullRegionName(db, region.code, region.name) },
        items: await build(rows, LAST_REPORTS),
      };
    },

    async get(id: number): Promise<PublicProject> {
      const p = await projects.get(id);
      if (!p || p.listStatus !== 'published' || !(PUBLIC_STATUSES as readonly string[]).includes(p.status))
        throw new DomainError('not_found', `project ${id} not found`);
      const [one] = await build([p], 1000);
      return one!;
    },
  };
}

export type PublicProjectsService = ReturnType<typeof createPublicProjectsService>;

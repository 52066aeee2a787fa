import { DomainError, batchName, type AuthUser } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { renderOfficialLetter } from '../letters/official-letter.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { fullRegionName } from '../regions/region-names.ts';
import { assignmentLetter } from './assignment-letter.ts';
import { createMattersRepo } from './matters.repo.ts';
import { canReadLetter } from './project-access.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { auditLivelihood } from './livelihood-audit.ts';
import type { ProjectsService } from './projects.service.ts';

/** The assignment letter (交办书) of a project as a PDF: the data gathered here, the layout in assignment-letter.ts. */
export function createAssignmentLetterService(deps: { db: Db; clock: Clock; projects: ProjectsService }) {
  const { db, clock } = deps;
  const projects = createProjectsRepo(db);

  return {
    async letterPdf(id: number, user: AuthUser, sourceIp: string | null = null): Promise<{ pdf: Buffer; letterNo: string }> {
      const p = await deps.projects.readable(id, user);
      if (p.letterNo === null) throw new DomainError('not_found', 'the project has not been assigned: there is no letter yet');
      if (!canReadLetter(p, user))
        throw new DomainError('forbidden', 'the letter is for the cadre, the leaders of the region and the livelihood office');
      const [ms, matterRows, regionName, cadre] = await Promise.all([
        projects.milestones([id]),
        createMattersRepo(db).ofProject(id),
        // The project's region name comes from the regions table (joined), so it is the issuer's name.
        fullRegionName(db, p.regionCode, p.regionName),
        p.cadreUserId !== null ? createPeopleRepo(db).findById(p.cadreUserId) : Promise.resolve(undefined),
      ]);
      const letter = assignmentLetter({
        issuer: `中共${regionName}委员会办公室`,
        letterNo: p.letterNo,
        cadreName: cadre?.displayName ?? p.cadreName ?? '',
        cadreTitle: null,
        regionName,
        listTitle: p.listTitle,
        batchName: batchName(p.listBatch),
        project: {
          title: p.title,
          description: p.description,
          leadUnit: p.leadUnitName,
          budget: p.budget,
          startDate: p.startDate,
          dueDate: p.dueDate ?? '',
          requirements: p.requirements,
        },
        matters: matterRows.map((m) => ({ title: m.title, regionName: m.regionName, originatorCount: m.originatorCount })),
        milestones: ms.map((m) => ({ title: m.title, plannedDate: m.plannedDate, weight: m.weight })),
        issuedAt: p.assignedAt ?? clock.now(),
        contact: null,
      });
      const pdf = await renderOfficialLetter(letter);
      await db.transaction().execute((trx) =>
        auditLivelihood(trx, {
          user,
          sourceIp,
          action: 'export.assignment_letter',
          target: { type: 'project', id },
          regionCode: p.regionCode,
          detail: { filter: { projectId: id }, rows: matterRows.length, letterNo: p.letterNo },
          at: clock.now(),
        }),
      );
      return { pdf, letterNo: p.letterNo };
    },
  };
}

export type AssignmentLetterService = ReturnType<typeof createAssignmentLetterService>;

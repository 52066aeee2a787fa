import type { ApiApp } from '../../http/route.ts';
import { livelihoodListsRoutes } from './lists.routes.ts';
import type { Livelihood } from './livelihood.ts';
import { mattersRoutes } from './matters.routes.ts';
import { projectsRoutes } from './projects.routes.ts';
import { publicProjectsRoutes } from './public-projects.routes.ts';

/**
 * Livelihood matters and key projects (docs/livelihood-api.md), declared by concept: the lists
 * (with the areas and settings), the problem list, the key projects (with the duty list), the
 * public page.
 */
export function livelihoodRoutes(app: ApiApp, deps: { livelihood: Livelihood }): void {
  const lv = deps.livelihood;
  livelihoodListsRoutes(app, { matters: lv.matters, lists: lv.lists });
  mattersRoutes(app, { matters: lv.matters, matterAnswers: lv.matterAnswers });
  projectsRoutes(app, {
    projects: lv.projects,
    projectPhotos: lv.projectPhotos,
    assignmentLetters: lv.assignmentLetters,
    answers: lv.answers,
    duty: lv.duty,
  });
  publicProjectsRoutes(app, { publicProjects: lv.publicProjects, projectPhotos: lv.projectPhotos });
}

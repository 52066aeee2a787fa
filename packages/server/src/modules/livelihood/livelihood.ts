import type { Deadlines } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createAnswersService } from './answers.service.ts';
import { createAssignmentLetterService } from './assignment-letter.service.ts';
import { createDutyService } from './duty.service.ts';
import { createListsService } from './lists.service.ts';
import { createMatterAnswersService } from './matter-answers.service.ts';
import { createMattersService } from './matters.service.ts';
import { createProjectPhotosService } from './project-photos.service.ts';
import { createProjectsService } from './projects.service.ts';
import { createPublicProjectsService } from './public-projects.service.ts';
import { createSimilarityService } from './similarity.service.ts';

/** The livelihood services wired together (the routes, the seed and the tests use the same). */
export function createLivelihood(deps: { db: Db; clock: Clock; deadlines: Deadlines; dataDir: string }) {
  const similarity = createSimilarityService({ db: deps.db });
  const matters = createMattersService({ db: deps.db, clock: deps.clock, similarity });
  const matterAnswers = createMatterAnswersService({ db: deps.db, clock: deps.clock, matters });
  const lists = createListsService({ db: deps.db, clock: deps.clock });
  const projects = createProjectsService({ db: deps.db, clock: deps.clock, deadlines: deps.deadlines, matters });
  const projectPhotos = createProjectPhotosService({ db: deps.db, clock: deps.clock, dataDir: deps.dataDir, projects });
  const assignmentLetters = createAssignmentLetterService({ db: deps.db, clock: deps.clock, projects });
  const answers = createAnswersService({ db: deps.db, clock: deps.clock, projects });
  const duty = createDutyService({ db: deps.db, clock: deps.clock, projects });
  const publicProjects = createPublicProjectsService({ db: deps.db, clock: deps.clock, projects });
  return { similarity, matters, matterAnswers, lists, projects, projectPhotos, assignmentLetters, answers, duty, publicProjects };
}

export type Livelihood = ReturnType<typeof createLivelihood>;

import { DomainError, coversRegion, toChinaDate, type AnswersSent, type ProjectView, type acceptSchema, type AuthUser } from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { deliverAnswers } from './answer-delivery.ts';
import { acceptRoles, has, prefixesOf } from './access.ts';
import { createMattersRepo, type OriginatorRow } from './matters.repo.ts';
import { createProjectPhotosRepo } from './project-photos.repo.ts';
import { createProjectsRepo, type ProjectRow } from './projects.repo.ts';
import type { ProjectsService } from './projects.service.ts';

/**
 * 个个有回音: every originator of every matter a project answers is told the outcome, through
 * the outbox where a phone or a case reaches them, or in person (recorded); a project is struck
 * off (验收销号) only when no one is left unanswered. Every step runs in one transaction: a
 * refused acceptance leaves no answer sent and nothing changed.
 */
export function createAnswersService(deps: { db: Db; clock: Clock; projects: ProjectsService }) {
  const { db, clock } = deps;

  async function lockProject(trx: Db, id: number, user: AuthUser): Promise<ProjectRow> {
    const p = await createProjectsRepo(trx).get(id, { lock: true });
    if (!p || !deps.projects.canRead(p, user)) throw new DomainError('not_found', `project ${id} not found`);
    return p;
  }

  function requireAnswerer(p: ProjectRow, user: AuthUser): void {
    const mayAnswer = p.cadreUserId === user.id || (has(user, acceptRoles) && coversRegion(prefixesOf(user), p.regionCode));
    if (!mayAnswer) throw new DomainError('forbidden', 'the answer is given by the cadre or the livelihood office');
    if (!['assigned', 'signed'].includes(p.status))
      throw new DomainError(
        'illegal_transition',
        p.status === 'accepted' ? 'the project is already struck off' : 'originators are answered once the project is being delivered',
      );
  }

  async function originatorsOf(trx: Db, projectId: number): Promise<{ rows: OriginatorRow[]; titles: Map<number, string> }> {
    const matters = await createMattersRepo(trx).ofProject(projectId);
    const rows = await createMattersRepo(trx).originators(matters.map((m) => m.id));
    return { rows, titles: new Map(matters.map((m) => [m.id, m.title])) };
  }

  /** Send `text` to every unanswered originator the outbox can reach; the others are returned. */
  async function send(trx: Db, p: ProjectRow, text: string, user: AuthUser): Promise<AnswersSent> {
    const { rows, titles } = await originatorsOf(trx, p.id);
    return deliverAnswers(trx, {
      originators: rows,
      titles,
      text: (matter) => `【${p.regionName}】您反映的“${matter}”已列入重点民生项目“${p.title}”。${text}`,
      note: text,
      idPrefix: `livelihood-answer-${p.id}`,
      context: { projectId: p.id },
      by: user.id,
      at: clock.now(),
    });
  }

  return {
    async sendAnswers(id: number, text: string, user: AuthUser): Promise<AnswersSent> {
      return db.transaction().execute(async (trx) => {
        const p = await lockProject(trx, id, user);
        requireAnswerer(p, user);
        const r = await send(trx, p, text, user);
        await createProjectsRepo(trx).event(id, 'answer', user.id, { sent: r.sent, remaining: r.unanswered.length }, clock.now());
        return r;
      });
    },

    /** An answer given in person, by phone or by letter to someone the outbox cannot reach. */
    async recordAnswer(
      id: number,
      originatorId: number,
      a: { method: 'visit' | 'phone' | 'letter'; note: string },
      user: AuthUser,
    ): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const p = await lockProject(trx, id, user);
        requireAnswerer(p, user);
        const { rows } = await originatorsOf(trx, id);
        const o = rows.find((x) => x.id === originatorId);
        if (!o) throw new DomainError('not_found', `originator ${originatorId} is not one of this project's`);
        if (o.answeredAt !== null) throw new DomainError('conflict', 'this person has already been answered');
        await createMattersRepo(trx).markAnswered([o.id], { method: a.method, note: a.note, by: user.id }, clock.now());
        await createProjectsRepo(trx).event(id, 'answer_recorded', user.id, { originatorId, method: a.method }, clock.now());
      });
      return deps.projects.view(id, user);
    },

    /** 验收销号: checked, struck off; refused (409) while anyone who raised its matters is unanswered. */
    async accept(id: number, input: z.output<typeof acceptSchema>, user: AuthUser): Promise<ProjectView> {
      await db.transaction().execute(async (trx) => {
        const p = await lockProject(trx, id, user);
        if (!(has(user, acceptRoles) && coversRegion(prefixesOf(user), p.regionCode)))
          throw new DomainError('forbidden', 'projects are accepted by the livelihood office or the supervisors of the region');
        if (!['assigned', 'signed'].includes(p.status))
          throw new DomainError(
            'illegal_transition',
            p.status === 'accepted' ? 'the project is already struck off' : 'only a project being delivered can be accepted',
          );
        const repo = createProjectsRepo(trx);
        const ms = await repo.milestones([id]);
        const open = ms.filter((m) => m.percent < 100);
        if (ms.length === 0 || open.length > 0) {
          throw new DomainError(
            'illegal_transition',
            ms.length === 0
              ? 'the project has no milestones to check'
              : `milestones not finished: ${open.map((m) => `${m.title} ${m.percent}%`).join('、')}`,
          );
        }
        const photoIds = [...new Set(input.photoIds ?? [])];
        if ((await createProjectPhotosRepo(trx).photoIdsOf(id, photoIds)).length !== photoIds.length)
          throw DomainError.atField('validation_failed', { path: 'photoIds', message: 'unknown photos', code: 'unknown' });
        // Everyone the outbox can reach is told now (the given answer, or the standard one);
        // whoever it cannot reach must have been answered in person before.
        const answer = input.answer ?? `项目已完工并通过验收（${toChinaDate(clock.now())}），感谢您的反映和支持。`;
        const { unanswered } = await send(trx, p, answer, user);
        if (unanswered.length > 0) {
          // Throwing rolls back the answers just sent too: an acceptance is all or nothing.
          throw new DomainError(
            'originators_unanswered',
            `${unanswered.length} of those who raised the project's matters have not been answered`,
            { unanswered },
          );
        }
        const now = clock.now();
        await repo.update(
          id,
          { status: 'accepted', accepted_at: now, accepted_by: user.id, checkers: input.checkers ?? null, findings: input.findings },
          now,
        );
        await createMattersRepo(trx).setStatusOfProject(id, 'answered', now);
        await repo.event(id, 'accept', user.id, { findings: input.findings, checkers: input.checkers ?? null, photoIds }, now);
        if (p.cadreUserId !== null) {
          await createOutboxRepo(trx).enqueue(
            { topic: 'livelihood.accepted', caseId: null, payload: { projectId: id, userId: p.cadreUserId, title: p.title } },
            now,
          );
        }
      });
      return deps.projects.view(id, user);
    },
  };
}

export type AnswersService = ReturnType<typeof createAnswersService>;

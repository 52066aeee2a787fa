import { DomainError, coversRegion, type MatterAnswersSent, type MatterView, type AuthUser } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { manageRoles, requireAny } from './access.ts';
import { deliverAnswers } from './answer-delivery.ts';
import { auditLivelihood } from './livelihood-audit.ts';
import { createMattersRepo, type MatterRow } from './matters.repo.ts';
import type { MattersService } from './matters.service.ts';

/**
 * 个个有回音 for the matters that do not become key projects: each is answered on its own (列入
 * 下一批, 已转部门办理, 政策不允许 with the reason …), through the outbox to everyone it can reach and
 * in person, recorded, to the rest. The matter counts as answered when everyone is.
 */
export function createMatterAnswersService(deps: { db: Db; clock: Clock; matters: MattersService }) {
  const { db, clock } = deps;

  async function lockOpen(trx: Db, id: number, user: AuthUser): Promise<MatterRow> {
    const prefixes = requireAny(user, manageRoles, 'answering livelihood matters');
    const m = await createMattersRepo(trx).get(id, { lock: true });
    if (!m || !coversRegion(prefixes, m.regionCode)) throw new DomainError('not_found', `matter ${id} not found`);
    if (m.status === 'merged')
      throw new DomainError('illegal_transition', `matter ${id} was merged into ${m.mergedIntoId}: answer that one`);
    if (m.status === 'answered') throw new DomainError('illegal_transition', 'everyone who raised this matter has been answered already');
    if (m.projectId !== null)
      throw new DomainError(
        'illegal_transition',
        `matter ${id} belongs to project ${m.projectId}: its people are answered with the project`,
      );
    return m;
  }

  /** All answered now: the matter is closed as answered. */
  async function closeIfDone(trx: Db, m: MatterRow): Promise<boolean> {
    const left = (await createMattersRepo(trx).originators([m.id])).filter((o) => o.answeredAt === null);
    if (left.length > 0) return false;
    await createMattersRepo(trx).setProject([m.id], null, 'answered', clock.now());
    return true;
  }

  return {
    async answer(id: number, text: string, user: AuthUser): Promise<MatterAnswersSent> {
      const r = await db.transaction().execute(async (trx) => {
        const m = await lockOpen(trx, id, user);
        const delivered = await deliverAnswers(trx, {
          originators: await createMattersRepo(trx).originators([m.id]),
          titles: new Map([[m.id, m.title]]),
          text: (matter) => `【${m.regionName}】您反映的“${matter}”：${text}`,
          note: text,
          idPrefix: `matter-answer-${m.id}`,
          context: {},
          by: user.id,
          at: clock.now(),
        });
        const closed = await closeIfDone(trx, m);
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.matter.answer',
          target: { type: 'matter', id: m.id },
          regionCode: m.regionCode,
          detail: { sent: delivered.sent, unanswered: delivered.unanswered.length, closed },
          at: clock.now(),
        });
        return delivered;
      });
      return { ...r, matter: await deps.matters.get(id, user) };
    },

    async record(
      id: number,
      originatorId: number,
      a: { method: 'visit' | 'phone' | 'letter'; note: string },
      user: AuthUser,
    ): Promise<MatterView> {
      await db.transaction().execute(async (trx) => {
        const m = await lockOpen(trx, id, user);
        const o = (await createMattersRepo(trx).originators([m.id])).find((x) => x.id === originatorId);
        if (!o) throw new DomainError('not_found', `originator ${originatorId} is not one of this matter's`);
        if (o.answeredAt !== null) throw new DomainError('conflict', 'this person has already been answered');
        await createMattersRepo(trx).markAnswered([o.id], { method: a.method, note: a.note, by: user.id }, clock.now());
        const closed = await closeIfDone(trx, m);
        await auditLivelihood(trx, {
          user,
          action: 'livelihood.matter.answer_recorded',
          target: { type: 'matter', id: m.id },
          regionCode: m.regionCode,
          detail: { originatorId, method: a.method, closed },
          at: clock.now(),
        });
      });
      return deps.matters.get(id, user);
    },
  };
}

export type MatterAnswersService = ReturnType<typeof createMatterAnswersService>;

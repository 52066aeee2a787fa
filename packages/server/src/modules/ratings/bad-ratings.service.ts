import { DomainError, caseScopeFor, toChinaDate, type AuthUser, type RatingAppealDecided, type RatingAppealed } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createStatsRepo } from '../../db/counters.repo.ts';
import { createBadRatingsRepo } from './bad-ratings.repo.ts';

/**
 * 申诉复核: the unit that received a bad rating may appeal it as malicious (with its reason); a
 * supervisor of the region decides. A voided rating no longer counts in the unit's satisfaction
 * rate (the daily `rated` counter of its day goes down by one); a rating that stands sends the
 * notice back to be rectified. Answering the notice is the rectification ledger's own answer.
 */
export function createBadRatingsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    async appeal(id: number, reason: string, user: AuthUser): Promise<RatingAppealed> {
      return db.transaction().execute(async (trx) => {
        const repo = createBadRatingsRepo(trx);
        const n = await repo.get(id, { lock: true });
        const mine =
          n !== undefined &&
          n.unit_id !== null &&
          user.units.some((u) => u.id === n.unit_id) &&
          user.roles.some((r) => r === 'unit_head' || r === 'handler');
        if (!n || !mine) throw new DomainError('not_found', `bad-rating notice ${id} not found`);
        if (n.appealed_at !== null) throw new DomainError('conflict', 'this rating has been appealed already: one appeal per rating');
        if (!(await repo.appeal(id, { reason, by: user.id, at: clock.now() })))
          throw new DomainError('conflict', 'this rating has been appealed already');
        return { id, status: 'appealed' };
      });
    },

    async decide(id: number, d: { voided: boolean; note: string }, user: AuthUser): Promise<RatingAppealDecided> {
      if (!user.roles.includes('supervisor')) throw new DomainError('forbidden', 'appeals are decided by the supervisors');
      return db.transaction().execute(async (trx) => {
        const repo = createBadRatingsRepo(trx);
        const n = await repo.get(id, { lock: true });
        if (!n || !caseScopeFor(user).regionPrefixes.some((p) => n.region_code.startsWith(p)))
          throw new DomainError('not_found', `bad-rating notice ${id} not found`);
        if (n.status !== 'appealed') throw new DomainError('illegal_transition', 'only an appealed rating is decided');
        const now = clock.now();
        await repo.decide(id, { ...d, by: user.id, at: now });
        if (d.voided && n.rating_event_id !== null) {
          // Undo what the rating counted, on the day and unit it counted them (a bad rating never
          // counted as satisfied; whether it counted as solved is in its event).
          const ev = await repo.ratingEvent(n.rating_event_id);
          const day = toChinaDate(ev?.at ?? n.issued_at);
          const unit = typeof ev?.payload['leadUnitId'] === 'number' ? ev.payload['leadUnitId'] : n.unit_id;
          const stats = createStatsRepo(trx);
          await stats.bump(day, n.region_code, unit, 'rated', -1);
          if (ev?.payload['solved'] === true) await stats.bump(day, n.region_code, unit, 'solved', -1);
        }
        return {
          id,
          status: d.voided ? 'voided' : 'issued',
          decision: d.voided ? 'rating_voided' : 'rating_stands',
        };
      });
    },
  };
}

export type BadRatingsService = ReturnType<typeof createBadRatingsService>;

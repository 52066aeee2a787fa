import { createHash, randomBytes } from 'node:crypto';
import { DomainError, type CaseTracking, type FollowUpView, type Satisfaction } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { createCasesRepo } from '../cases/cases.repo.ts';
import type { CaseService } from '../cases/cases.service.ts';
import type { TrackingService } from '../cases/tracking.service.ts';
import { createFollowUpRepo } from './follow-up.repo.ts';

/** A link is valid this long after it is sent. */
export const FOLLOW_UP_LINK_DAYS = 7;
const DAY = 86_400_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new link for the case, written through `db` (the fan-out calls it inside its transaction, so
 * the link commits with the SMS that carries it). The token is returned once and never stored.
 */
export async function createFollowUpLink(db: Db, now: Date, caseId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + FOLLOW_UP_LINK_DAYS * DAY);
  await createFollowUpRepo(db).insert({ tokenHash: hashOf(token), caseId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/**
 * One-time follow-up links (回访): sent by SMS with the answer, the citizen opens it and rates
 * (solved or not, five levels, a comment) without typing a tracking number or a phone. The token is
 * 32 random bytes (base64url) known only to the SMS; the database keeps its SHA-256. A link works
 * once and for FOLLOW_UP_LINK_DAYS days: used again → 409, expired → 410, unknown → 404.
 */
export function createFollowUpService(deps: { db: Db; clock: Clock; cases: CaseService; tracking: TrackingService }) {
  const { db, clock } = deps;
  const links = createFollowUpRepo(db);

  async function valid(token: string) {
    const link = await links.find(hashOf(token));
    if (!link) throw new DomainError('not_found', 'no such follow-up link');
    if (link.used_at !== null) throw new DomainError('conflict', 'this follow-up link has been used already');
    if (link.expires_at.getTime() <= clock.now().getTime()) throw new DomainError('gone', 'this follow-up link has expired');
    return link;
  }

  return {
    /** A new link for the case; the token is returned once (for the SMS) and never stored. */
    create: (caseId: number) => createFollowUpLink(db, clock.now(), caseId),

    /** What the citizen sees before rating: the case and its answer, as the tracking page shows it. */
    async view(token: string, lang: Lang): Promise<FollowUpView> {
      const link = await valid(token);
      const row = await createCasesRepo(db).get(link.case_id);
      if (!row) throw new DomainError('not_found', 'no such follow-up link');
      return { expiresAt: link.expires_at.toISOString(), ...(await deps.tracking.track(row.tracking_no, row.requester_phone_last4, lang)) };
    },

    async rate(
      token: string,
      rating: { solved: boolean; satisfaction: Satisfaction; comment?: string | undefined },
      lang: Lang,
    ): Promise<CaseTracking> {
      const link = await valid(token);
      await deps.cases.rateWithClaim(link.case_id, rating, async (trx) => {
        // Claimed in the rating's own transaction: two submissions cannot both count.
        if (!(await createFollowUpRepo(trx).claim(hashOf(token), clock.now())))
          throw new DomainError('conflict', 'this follow-up link has been used already');
      });
      const row = (await createCasesRepo(db).get(link.case_id))!;
      return deps.tracking.track(row.tracking_no, row.requester_phone_last4, lang);
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;

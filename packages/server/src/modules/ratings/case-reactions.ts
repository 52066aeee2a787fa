import type { CaseReactions } from '../cases/case-hooks.ts';
import { issueBadRatingNotice } from './bad-rating-notice.ts';

/** 不满意 / 非常不满意 at a follow-up: a rectification notice to the handling unit, in the rating's transaction. */
export const badRatingReactions: CaseReactions = {
  followUp: [
    async (ctx) => {
      if (ctx.input.action !== 'followUp') return;
      const { satisfaction, comment } = ctx.input;
      await issueBadRatingNotice(
        ctx.trx,
        ctx.after,
        { satisfaction, comment, eventId: ctx.eventId, actorId: ctx.actorId },
        ctx.rules,
        ctx.now,
      );
    },
  ],
};

import type { Deadlines } from '@huiyin/core';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { combineReactions } from '../modules/cases/case-hooks.ts';
import { createCaseService } from '../modules/cases/cases.service.ts';
import type { GuessLimiter } from '../modules/cases/guess-limiter.ts';
import { mergeLinkReactions } from '../modules/cases/merge-links.ts';
import { hotlineCaseExtension } from '../modules/hotline/case-call.ts';
import { badRatingReactions } from '../modules/ratings/case-reactions.ts';
import { safetyNetCaseExtension, safetyNetReactions } from '../modules/safety-net/case-extension.ts';
import { ordinaryConsultationExtension } from '../modules/safety-net/consultation-extension.ts';
import { caseCatalog } from '../modules/settings/case-catalog.ts';

/**
 * The case service with every module that takes part in the case lifecycle: the safety-net
 * window extends every case (guards, visibility, citations, the failed matter, the detail), and
 * each action's follow-on reactions run in this order — merge links, the safety-net tables, the
 * bad-rating notice. The server, the worker and the demo seed build cases here.
 */
export function createWiredCaseService(deps: { db: Db; clock: Clock; deadlines: Deadlines; guesses: GuessLimiter }) {
  return createCaseService({
    ...deps,
    catalog: caseCatalog,
    extensions: [safetyNetCaseExtension, ordinaryConsultationExtension, hotlineCaseExtension],
    reactions: combineReactions(mergeLinkReactions, safetyNetReactions, badRatingReactions),
  });
}

import { DomainError, searchTerms, termOverlap, type AuthUser, type DispatchHelp } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import type { CaseCatalog } from './case-hooks.ts';
import { createCasesRepo } from './cases.repo.ts';
import { visibleTo } from './visibility.ts';

/**
 * What helps a dispatcher decide: the units the routing catalog names for the case's category
 * and region (most specific first; the first rule's assisting units and time limit with them),
 * and likely duplicates of the same county from the last 30 days ranked by overlap of their
 * Chinese search terms.
 */
export function createDispatchHelp(db: Db, catalog: CaseCatalog) {
  return async function dispatchHelp(caseId: number, user: AuthUser): Promise<DispatchHelp> {
    const row = await createCasesRepo(db).get(caseId);
    if (!row || !visibleTo(user, row)) throw new DomainError('not_found', 'case not found');
    const routes = row.category_code ? await catalog.routes(db, row.category_code, row.region_code) : [];
    const unitIds = routes.map((r) => r.unitId);
    // The first (most specific) rule's assisting units and time limit come with its lead unit.
    const assistIds = (routes[0]?.assistUnitIds ?? []).filter((id) => id !== unitIds[0]);
    const names = await createUnitsRepo(db).namesOf([...new Set([...unitIds, ...assistIds])]);
    const terms = searchTerms(`${row.title} ${row.content}`, 200);
    const candidates = await createCasesRepo(db).similarCandidates(
      { id: row.id, regionCode: row.region_code, createdAt: row.created_at },
      terms,
      30,
    );
    const similar = candidates
      .filter((c) => visibleTo(user, c))
      .map((c) => ({ c, score: termOverlap(terms, searchTerms(`${c.title} ${c.content}`, 200)) }))
      .filter((x) => x.score >= 0.2)
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map(({ c, score }) => ({
        id: c.id,
        trackingNo: c.tracking_no,
        title: c.title,
        status: c.status,
        createdAt: c.created_at.toISOString(),
        score: Math.round(score * 100) / 100,
      }));
    return {
      suggestedUnits: [...new Set(unitIds)].map((id) => ({ id, name: names.get(id) ?? String(id) })),
      suggestedAssistUnits: assistIds.map((id) => ({ id, name: names.get(id) ?? String(id) })),
      suggestedTimeLimitDays: routes[0]?.timeLimitDays ?? null,
      similar,
    };
  };
}

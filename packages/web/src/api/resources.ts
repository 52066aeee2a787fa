import type { Region } from '@huiyin/core';
import type { QueryKey } from '@tanstack/react-query';
import { query } from './client.ts';
import { useApiQuery } from './query.ts';
import type { Category, Unit } from './types.ts';

/**
 * The shared reference data most pages offer as choices (units, categories, regions), each under
 * one query key so every page reads the same cache, and what a case action changes.
 */

const noUnits: Unit[] = [];
const noCategories: Category[] = [];

/** The units the user may pick (empty while loading, or when the load failed). */
export function useUnits(enabled = true): Unit[] {
  return useApiQuery<{ items: Unit[] }>(['units'], '/api/v1/units', { enabled }).data?.items ?? noUnits;
}

/** The case categories (empty while loading, or when the load failed). */
export function useCategories(): Category[] {
  return useApiQuery<{ items: Category[] }>(['categories'], '/api/v1/categories').data?.items ?? noCategories;
}

/** A region of GET /api/v1/regions. */
export type RegionItem = Region;

/** The regions under `parent` (the provinces without one). */
export function regionsQuery(parent: string | null | undefined) {
  return {
    queryKey: ['regions', { parent: parent ?? null }] as QueryKey,
    path: `/api/v1/regions${query({ parent })}`,
  };
}

export function useRegions(parent: string | null | undefined, enabled = true) {
  const { queryKey, path } = regionsQuery(parent);
  return useApiQuery<{ items: RegionItem[] }>(queryKey, path, { enabled });
}

/** What an action on case `id` changes: the case, the case lists, the queue counts, and the centre's and safety-net's views of it. */
export function caseKeys(id: number): QueryKey[] {
  return [['case', id], ['cases'], ['queues'], ['safety-net'], ['supervision']];
}

export { keepPreviousData } from '@tanstack/react-query';
import { hashKey, QueryClient, useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { api, ApiError } from './client.ts';

/**
 * Reads go through TanStack Query: each resource has its query key (['cases', filters],
 * ['case', id], ['livelihood', 'projects', …]) and every change invalidates exactly the keys it
 * affects, so the pages showing them load again by themselves.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) is an answer, not a hiccup: asked again only by the user.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
      // An office screen: forms stay as they are when the window comes back into focus.
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

/** A GET of the API under `key`; `path` is the full address (query string included). */
export function useApiQuery<T>(
  key: QueryKey,
  path: string,
  options: Omit<UseQueryOptions<T, Error, T, QueryKey>, 'queryKey' | 'queryFn'> = {},
) {
  // A polled query is asked by the clock, not by the person: it does not keep an idle session alive.
  const background = options.refetchInterval !== undefined && options.refetchInterval !== false;
  return useQuery<T, Error, T, QueryKey>({
    queryKey: key,
    queryFn: ({ signal }) => api<T>(path, { signal, background }),
    ...options,
  });
}

/**
 * A change through the API: `invalidate` names the queries it affects (by key prefix), loaded again
 * before `mutateAsync` resolves, so a dialog closes on fresh data. When the answer is itself the
 * changed resource (a case after an action, a project after a step), `answer` names its key: the
 * answer is put there as it is, not asked for again (the caller may no longer see it afterwards).
 */
export function useApiMutation<V = void, R = unknown>(
  fn: (vars: V) => Promise<R>,
  invalidate: readonly QueryKey[] | ((result: R, vars: V) => readonly QueryKey[]) = [],
  answer?: (result: R, vars: V) => QueryKey,
) {
  const qc = useQueryClient();
  return useMutation<R, Error, V>({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      const keys = typeof invalidate === 'function' ? invalidate(result, vars) : invalidate;
      const answered = answer ? hashKey(answer(result, vars)) : null;
      if (answer) qc.setQueryData(answer(result, vars), result);
      await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey, predicate: (q) => q.queryHash !== answered })));
    },
  });
}

/** A change of the policy library: its lists and the articles (also as cited in cases' pickers). */
export const policyKeys = [['policies'], ['policy']];

/** The text of a failed load, for LoadError. */
export function errorText(error: unknown): string | null {
  if (error === null || error === undefined) return null;
  return error instanceof Error ? error.message : String(error);
}

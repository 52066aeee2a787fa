import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * One page of a filtered, ordered query and how many rows the filter matches in all, for the
 * admin lists and searches that show page numbers (the long lists are keyset-paginated instead).
 * The count drops the query's selection and order.
 */
export async function pageWithTotal<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  page: { limit: number; offset: number },
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    q.limit(page.limit).offset(page.offset).execute(),
    // Generic over the tables, the selection type is opaque: the one column is read by name.
    (q.clearSelect().clearOrderBy() as unknown as SelectQueryBuilder<DB, TB, object>)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ]);
  return { rows, total: Number(count.n) };
}

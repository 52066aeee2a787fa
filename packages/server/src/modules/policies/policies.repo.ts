import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** An article of the policy library as cases cite it. */
export interface PolicyRef {
  id: number;
  title: string;
  docNumber: string;
  issuer: string;
  articleNo: string;
  body: string;
  /** ISO date, or null while in force. */
  repealedOn: string | null;
}

export function createPoliciesRepo(db: Db) {
  return {
    /** The ids among `ids` that name no article. */
    async missingIds(ids: readonly number[]): Promise<number[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const found = await db.selectFrom('policies').select('id').where('id', 'in', unique).execute();
      const have = new Set(found.map((r) => r.id));
      return unique.filter((id) => !have.has(id));
    },

    /** The articles with these ids, in the order asked. */
    async byIds(ids: readonly number[]): Promise<PolicyRef[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows = await db
        .selectFrom('policies')
        .select(['id', 'title', 'doc_number', 'issuer', 'article_no', 'body', sql<string | null>`repealed_on::text`.as('repealed_on')])
        .where('id', 'in', unique)
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.flatMap((id) => {
        const r = byId.get(id);
        return r ? [{ id: r.id, title: r.title, docNumber: r.doc_number, issuer: r.issuer, articleNo: r.article_no, body: r.body, repealedOn: r.repealed_on }] : [];
      });
    },
  };
}

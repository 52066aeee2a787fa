import { sql } from 'kysely';

/**
 * Search terms in SQL: the terms are computed in core (`searchTerms`, character bigrams) and
 * stored as a tsvector without PostgreSQL's text-search parser, which knows no Chinese.
 */

/** A tsvector built from precomputed search terms, without the text-search parser. */
export function termsVector(terms: readonly string[]) {
  return sql<string>`array_to_tsvector(${[...terms]}::text[])`;
}

/** All terms (`&`) or any term (`|`), each quoted as a tsquery lexeme; sent as a bound parameter. */
export function termsQuery(terms: readonly string[], op: '&' | '|' = '&') {
  const q = terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(` ${op} `);
  return sql<string>`${q}::tsquery`;
}

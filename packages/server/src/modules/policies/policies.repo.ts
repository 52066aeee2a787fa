import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { PolicyLevel } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { termsQuery, termsVector } from '../../db/search-terms.ts';

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

/** A whole article as stored, with whether it is repealed on the day asked about. */
export interface PolicyRow extends Omit<PolicyWrite, 'terms'> {
  id: number;
  repealed: boolean;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What is written for an article; `terms` are its precomputed search terms (core's searchTerms). */
export interface PolicyWrite {
  title: string;
  docNumber: string;
  issuer: string;
  level: PolicyLevel;
  articleNo: string;
  body: string;
  effectiveFrom: string | null;
  repealedOn: string | null;
  tags: string[];
  unitIds: number[];
  terms: readonly string[];
}

export type PolicyChange = Partial<Pick<PolicyWrite, 'title' | 'body' | 'repealedOn' | 'tags' | 'unitIds' | 'terms'>>;

export interface PolicyFilter {
  tag?: string | undefined;
  unitId?: number | undefined;
  includeRepealed: boolean;
  /** Today in Beijing (ISO date): an article repealed on or before it is repealed. */
  today: string;
}

/** A search hit: the article with its score (higher is better). */
export interface PolicyHit extends PolicyRow {
  score: number;
}

type PolicyQuery = SelectQueryBuilder<Database, 'policies', object>;

/** The share of a query's bigrams a near miss must hold (and at least two of them). */
const TERM_SHARE = 0.6;

/** At most this many articles holding a group of the query's bigrams are scored as near misses. */
const NEAR_MISS_CANDIDATES = 1000;

/**
 * A tsquery every article holding at least `need` of `terms` matches, and few others: split the
 * terms into (n - need + 1) groups; an article missing at most n - need terms holds one whole
 * group (pigeonhole), so `(group 1 all) | (group 2 all) | ...` loses none of them, and needs two
 * or more terms together where a plain OR would take any article with any one term.
 */
function atLeastQuery(terms: readonly string[], need: number) {
  const groups = Math.max(1, terms.length - need + 1);
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * terms.length) / groups);
    const to = Math.floor(((g + 1) * terms.length) / groups);
    parts.push(`(${terms.slice(from, to).map(lexeme).join(' & ')})`);
  }
  return sql<string>`${parts.join(' | ')}::tsquery`;
}

/** One search term as a quoted tsquery lexeme (as db/search-terms.ts's termsQuery quotes each term). */
function lexeme(term: string): string {
  return `'${term.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}

function repealedExpr(today: string) {
  return sql<boolean>`(repealed_on is not null and repealed_on <= ${today}::date)`;
}

function selectRow(q: PolicyQuery, today: string) {
  return q.select([
    'id',
    'title',
    'doc_number',
    'issuer',
    'level',
    'article_no',
    'body',
    sql<string | null>`effective_from::text`.as('effective_from'),
    sql<string | null>`repealed_on::text`.as('repealed_on'),
    repealedExpr(today).as('repealed'),
    'tags',
    'unit_ids',
    'created_by',
    'created_at',
    'updated_at',
  ]);
}

interface RawRow {
  id: number;
  title: string;
  doc_number: string;
  issuer: string;
  level: PolicyLevel;
  article_no: string;
  body: string;
  effective_from: string | null;
  repealed_on: string | null;
  repealed: boolean;
  tags: string[];
  unit_ids: (number | string)[];
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

function toRow(r: RawRow): PolicyRow {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    issuer: r.issuer,
    level: r.level,
    articleNo: r.article_no,
    body: r.body,
    effectiveFrom: r.effective_from,
    repealedOn: r.repealed_on,
    repealed: r.repealed,
    tags: r.tags,
    unitIds: r.unit_ids.map(Number),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function filtered(q: PolicyQuery, f: PolicyFilter): PolicyQuery {
  let out = q;
  if (!f.includeRepealed) out = out.where(sql<SqlBool>`(repealed_on is null or repealed_on > ${f.today}::date)`);
  if (f.tag !== undefined && f.tag !== '') out = out.where(sql<SqlBool>`tags @> array[${f.tag}]::text[]`);
  if (f.unitId !== undefined) out = out.where(sql<SqlBool>`unit_ids @> array[${f.unitId}]::bigint[]`);
  return out;
}

/** How many of `terms` occur in the lower-cased title (terms are lower-cased bigrams). */
function titleTermHits(terms: readonly string[]): Expression<number> {
  return sql<number>`(select count(*)::int from unnest(${[...terms]}::text[]) as q(term) where strpos(lower(title), q.term) > 0)`;
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
        return r
          ? [
              {
                id: r.id,
                title: r.title,
                docNumber: r.doc_number,
                issuer: r.issuer,
                articleNo: r.article_no,
                body: r.body,
                repealedOn: r.repealed_on,
              },
            ]
          : [];
      });
    },

    /** The ids among `unitIds` that name no unit. */
    async missingUnitIds(unitIds: readonly number[]): Promise<number[]> {
      const unique = [...new Set(unitIds)];
      if (unique.length === 0) return [];
      const found = await db.selectFrom('units').select('id').where('id', 'in', unique).execute();
      const have = new Set(found.map((r) => r.id));
      return unique.filter((id) => !have.has(id));
    },

    /** One article, locked for update when asked (inside a transaction). */
    async get(id: number, today: string, opts: { lock?: boolean } = {}): Promise<PolicyRow | null> {
      let q = selectRow(db.selectFrom('policies'), today).where('id', '=', id);
      if (opts.lock) q = q.forUpdate();
      const r = (await q.executeTakeFirst()) as RawRow | undefined;
      return r ? toRow(r) : null;
    },

    /** How many case citations name the article. */
    async citedBy(id: number): Promise<number> {
      const r = await db
        .selectFrom('case_citations')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('policy_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The id of the article with this document number and article number, if any. */
    async idByKey(docNumber: string, articleNo: string): Promise<number | null> {
      const r = await db
        .selectFrom('policies')
        .select('id')
        .where('doc_number', '=', docNumber)
        .where('article_no', '=', articleNo)
        .executeTakeFirst();
      return r?.id ?? null;
    },

    /** Insert an article; null when (doc_number, article_no) is taken. */
    async insert(w: PolicyWrite, createdBy: number | null, at: Date): Promise<number | null> {
      const r = await db
        .insertInto('policies')
        .values({ ...columnsOf(w), created_by: createdBy, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['doc_number', 'article_no']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id ?? null;
    },

    /** Change some fields of an article; false when there is no such article. */
    async update(id: number, c: PolicyChange, at: Date): Promise<boolean> {
      const r = await db
        .updateTable('policies')
        .set({
          ...(c.title !== undefined ? { title: c.title } : {}),
          ...(c.body !== undefined ? { body: c.body } : {}),
          ...(c.repealedOn !== undefined ? { repealed_on: c.repealedOn } : {}),
          ...(c.tags !== undefined ? { tags: c.tags } : {}),
          ...(c.unitIds !== undefined ? { unit_ids: c.unitIds } : {}),
          ...(c.terms !== undefined ? { search_terms: termsVector(c.terms) } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /**
     * Insert or update articles by (doc_number, article_no), in batches. An existing article keeps
     * its id, creator and units. The keys must be distinct. Run it inside a transaction.
     */
    async upsertMany(
      ws: readonly PolicyWrite[],
      createdBy: number | null,
      at: Date,
    ): Promise<{ id: number; inserted: boolean; docNumber: string; articleNo: string }[]> {
      const out: { id: number; inserted: boolean; docNumber: string; articleNo: string }[] = [];
      for (let i = 0; i < ws.length; i += 100) {
        const batch = ws.slice(i, i + 100);
        const rows = await db
          .insertInto('policies')
          .values(batch.map((w) => ({ ...columnsOf(w), created_by: createdBy, created_at: at, updated_at: at })))
          .onConflict((oc) =>
            oc.columns(['doc_number', 'article_no']).doUpdateSet({
              title: sql`excluded.title`,
              issuer: sql`excluded.issuer`,
              level: sql`excluded.level`,
              body: sql`excluded.body`,
              effective_from: sql`excluded.effective_from`,
              repealed_on: sql`excluded.repealed_on`,
              tags: sql`excluded.tags`,
              search_terms: sql<string>`excluded.search_terms`,
              updated_at: at,
            }),
          )
          // xmax is 0 on a freshly inserted row version and set on one an update replaced.
          .returning(['id', 'doc_number', 'article_no', sql<boolean>`(xmax = 0)`.as('inserted')])
          .execute();
        for (const r of rows) out.push({ id: r.id, inserted: r.inserted, docNumber: r.doc_number, articleNo: r.article_no });
      }
      return out;
    },

    /** Newest first (no query text). */
    async newest(f: PolicyFilter, limit: number): Promise<PolicyHit[]> {
      const rows = (await selectRow(filtered(db.selectFrom('policies'), f), f.today)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()) as RawRow[];
      return rows.map((r) => ({ ...toRow(r), score: 0 }));
    },

    /**
     * Articles whose search terms contain every query term (GIN index on search_terms). Ranked by
     * where the query's words stand (in the title counts double, in the body once), a tag equal to
     * one of them, then ts_rank (normalised by length: a short article about the thing beats a
     * long one that mentions it). Scores are 1 and above.
     */
    async searchTerms(terms: readonly string[], text: string, f: PolicyFilter, limit: number): Promise<PolicyHit[]> {
      const words = [
        ...new Set(
          text
            .normalize('NFKC')
            .toLowerCase()
            .split(/\s+/u)
            .filter((w) => w !== ''),
        ),
      ];
      const query = termsQuery(terms);
      const placement = sql<number>`(select coalesce(sum(case when strpos(lower(title), w.word) > 0 then 2 when strpos(lower(body), w.word) > 0 then 1 else 0 end), 0)::float8 from unnest(${words}::text[]) as w(word))`;
      const score = sql<number>`(1 + ${placement} / ${words.length} + case when tags && ${words}::text[] then 0.5 else 0 end + ts_rank(search_terms, ${query}, 1))::float8`;
      const rows = (await selectRow(filtered(db.selectFrom('policies'), f), f.today)
        .select(score.as('score'))
        .where(sql<SqlBool>`search_terms @@ ${query}`)
        .orderBy('score', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()) as (RawRow & { score: number })[];
      return rows.map((r) => ({ ...toRow(r), score: Number(r.score) }));
    },

    /**
     * Near misses, for when the term matches are fewer than a page: a title like the query (a wrong
     * or missing character) by trigram similarity of the whole title (`%`, pg_trgm) or of its
     * best-matching part (`<%`), both served by the trigram index on title; or, for a query of
     * three bigrams or more, an article holding most of them (the search_terms index narrows the
     * candidates to articles holding a whole group of them, see atLeastQuery; at most
     * NEAR_MISS_CANDIDATES of those are scored). The score is the best of title similarity, the
     * share of the query's bigrams in the title and 0.8 × their share in the whole article, scaled
     * below 1 so that term matches always rank first.
     */
    async searchFuzzy(
      terms: readonly string[],
      text: string,
      f: PolicyFilter,
      limit: number,
      exclude: readonly number[],
    ): Promise<PolicyHit[]> {
      const titleLike = sql<SqlBool>`(title % ${text} or ${text} <% title)`;
      const similar = sql<number>`greatest(similarity(title, ${text}), word_similarity(${text}, title))`;
      let score = sql<number>`(0.99 * ${similar})::float8`;
      let matches: Expression<SqlBool> = titleLike;
      if (terms.length >= 3) {
        const need = Math.max(2, Math.ceil(terms.length * TERM_SHARE));
        const held = sql<number>`(select count(*)::int from unnest(${terms.map(lexeme)}::tsquery[]) as q(lexeme) where search_terms @@ q.lexeme)`;
        score = sql<number>`(0.99 * greatest(${similar}, ${titleTermHits(terms)}::float8 / ${terms.length}, 0.8 * ${held}::float8 / ${terms.length}))::float8`;
        // Candidates from both indexes; those holding a group of the bigrams are capped, which
        // bounds the work when a common phrase is in thousands of articles.
        matches = sql<SqlBool>`id in (
            select id from policies where ${titleLike}
            union (select id from policies where search_terms @@ ${atLeastQuery(terms, need)} limit ${NEAR_MISS_CANDIDATES}))
          and (${titleLike} or ${held} >= ${need})`;
      }
      let q = selectRow(filtered(db.selectFrom('policies'), f), f.today)
        .select(score.as('score'))
        .where(matches);
      if (exclude.length > 0) q = q.where('id', 'not in', [...exclude]);
      // Equal scores: the title closest to the query as a whole first (条例 before 条例实施细则).
      const rows = (await q
        .orderBy('score', 'desc')
        .orderBy(sql`similarity(title, ${text})`, 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()) as (RawRow & { score: number })[];
      return rows.map((r) => ({ ...toRow(r), score: Number(r.score) }));
    },
  };
}

export type PoliciesRepo = ReturnType<typeof createPoliciesRepo>;

function columnsOf(w: PolicyWrite) {
  return {
    title: w.title,
    doc_number: w.docNumber,
    issuer: w.issuer,
    level: w.level,
    article_no: w.articleNo,
    body: w.body,
    effective_from: w.effectiveFrom,
    repealed_on: w.repealedOn,
    tags: w.tags,
    unit_ids: w.unitIds,
    search_terms: termsVector(w.terms),
  };
}

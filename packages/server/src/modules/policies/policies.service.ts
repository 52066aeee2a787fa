import {
  DomainError,
  searchTerms,
  toChinaDate,
  type Lang,
  type PolicyImportReport,
  type PolicyInput,
  type PolicyListItem,
  type PolicySearch,
  type PolicyView,
  type policyPatchSchema,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createPoliciesRepo, type PolicyChange, type PolicyHit, type PolicyRow, type PolicyWrite } from './policies.repo.ts';
import { buildImportTemplate, readImportWorkbook } from './policies.xlsx.ts';
import { snippetOf } from './snippet.ts';

export type PolicyPatch = z.output<typeof policyPatchSchema>;

/** The search terms of an article: title, document number, issuer, article number, body and tags. */
export function policyTerms(p: Pick<PolicyWrite, 'title' | 'docNumber' | 'issuer' | 'articleNo' | 'body' | 'tags'>): string[] {
  return searchTerms([p.title, p.docNumber, p.issuer, p.articleNo, p.body, p.tags.join('\n')].join('\n'), 8000);
}

/** What the repo writes for a validated article. */
export function policyWrite(input: PolicyInput): PolicyWrite {
  const base = {
    title: input.title,
    docNumber: input.docNumber,
    issuer: input.issuer,
    level: input.level,
    articleNo: input.articleNo ?? '',
    body: input.body,
    effectiveFrom: input.effectiveFrom ?? null,
    repealedOn: input.repealedOn ?? null,
    tags: [...new Set(input.tags ?? [])],
    unitIds: [...new Set(input.unitIds ?? [])],
  };
  return { ...base, terms: policyTerms(base) };
}

function listItem(h: PolicyHit, query: string, match: PolicyListItem['match']): PolicyListItem {
  return {
    id: h.id,
    title: h.title,
    docNumber: h.docNumber,
    issuer: h.issuer,
    level: h.level,
    articleNo: h.articleNo,
    snippet: snippetOf(h.body, query),
    tags: h.tags,
    effectiveFrom: h.effectiveFrom,
    repealedOn: h.repealedOn,
    repealed: h.repealed,
    score: Math.round(h.score * 10_000) / 10_000,
    match,
  };
}

function view(r: PolicyRow, citedBy: number): PolicyView {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.docNumber,
    issuer: r.issuer,
    level: r.level,
    articleNo: r.articleNo,
    body: r.body,
    effectiveFrom: r.effectiveFrom,
    repealedOn: r.repealedOn,
    repealed: r.repealed,
    tags: r.tags,
    unitIds: r.unitIds,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    citedBy,
  };
}

function notFound(id: number): DomainError {
  return new DomainError('not_found', `policy ${id} not found`);
}

/**
 * The policy library (知识库): search for every signed-in staff member; adding, changing
 * (including repealing) and importing from Excel for admins.
 */
export function createPoliciesService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => toChinaDate(clock.now());

  async function checkUnits(unitIds: readonly number[] | undefined, lang: Lang): Promise<void> {
    if (!unitIds || unitIds.length === 0) return;
    const missing = await createPoliciesRepo(db).missingUnitIds(unitIds);
    if (missing.length === 0) return;
    const message = lang === 'zh' ? `单位不存在：${missing.join('、')}` : `unknown units: ${missing.join(', ')}`;
    throw DomainError.atField('validation_failed', { path: 'unitIds', code: 'unknown_unit', message });
  }

  /**
   * Who may write an article: one without units is national (the system admin of the root region);
   * one for units, the admin whose regions cover every one of them. Answers the region of the
   * article's first unit (null: national) for the audit log.
   */
  async function requireWriter(trx: Db, scope: AdminScope, unitIds: readonly number[]): Promise<string | null> {
    if (unitIds.length === 0) {
      await requireRootScope(trx, scope, 'a national policy article (one for no unit)');
      return null;
    }
    const states = await createUnitsRepo(trx).states(unitIds);
    const outside = states.filter((u) => !scope.covers(u.regionCode)).map((u) => u.id);
    if (outside.length > 0) throw new DomainError('forbidden', `units ${outside.join(', ')} are outside your regions`);
    return states.find((u) => u.id === unitIds[0])?.regionCode ?? null;
  }

  async function get(id: number): Promise<PolicyView> {
    const repo = createPoliciesRepo(db);
    const row = await repo.get(id, today());
    if (!row) throw notFound(id);
    return view(row, await repo.citedBy(id));
  }

  return {
    /**
     * Articles holding every bigram of the query, then (when those are fewer than a page) near
     * misses: titles like it, or articles holding most of its bigrams. Without a query, the
     * newest. Repealed articles only when asked for.
     */
    async search(query: PolicySearch): Promise<{ items: PolicyListItem[] }> {
      const repo = createPoliciesRepo(db);
      const filter = { tag: query.tag, unitId: query.unitId, includeRepealed: query.includeRepealed ?? false, today: today() };
      const text = (query.q ?? '').normalize('NFKC').trim();
      const terms = text === '' ? [] : searchTerms(text, 32);
      if (terms.length === 0) return { items: (await repo.newest(filter, query.pageSize)).map((h) => listItem(h, '', null)) };
      const exact = await repo.searchTerms(terms, text, filter, query.pageSize);
      const fuzzy =
        exact.length < query.pageSize
          ? await repo.searchFuzzy(
              terms,
              text,
              filter,
              query.pageSize - exact.length,
              exact.map((h) => h.id),
            )
          : [];
      return { items: [...exact.map((h) => listItem(h, text, 'terms')), ...fuzzy.map((h) => listItem(h, text, 'fuzzy'))] };
    },

    get,

    /** Add an article; an existing (document number, article number) is a 409. */
    async create(input: PolicyInput, scope: AdminScope, lang: Lang): Promise<PolicyView> {
      await checkUnits(input.unitIds, lang);
      const w = policyWrite(input);
      const id = await db.transaction().execute(async (trx) => {
        const regionCode = await requireWriter(trx, scope, w.unitIds);
        const created = await createPoliciesRepo(trx).insert(w, scope.user.id, clock.now());
        if (created !== null) {
          await recordAudit(trx, {
            action: 'policy.create',
            actor: scope.actor,
            sourceIp: scope.sourceIp,
            target: { type: 'policy', id: created },
            regionCode,
            detail: { docNumber: w.docNumber, articleNo: w.articleNo, title: w.title, unitIds: w.unitIds },
            at: clock.now(),
          });
        }
        return created;
      });
      if (id === null) {
        const repo = createPoliciesRepo(db);
        const existing = await repo.idByKey(w.docNumber, w.articleNo);
        const what = w.articleNo === '' ? `《${w.title}》（${w.docNumber}）` : `《${w.title}》（${w.docNumber}）${w.articleNo}`;
        const message =
          lang === 'zh'
            ? `${what}已在知识库中，请修改原条文`
            : `${w.docNumber} ${w.articleNo} is already in the library; edit that article instead`;
        throw DomainError.atField('conflict', { path: 'articleNo', code: 'article_exists', message }, message, {
          reason: 'article_exists',
          existingId: existing,
        });
      }
      return get(id);
    },

    /** Change title, body, tags or units, repeal (or lift a mistaken repeal); search terms follow. */
    async update(id: number, patch: PolicyPatch, scope: AdminScope, lang: Lang): Promise<PolicyView> {
      await checkUnits(patch.unitIds, lang);
      await db.transaction().execute(async (trx) => {
        const repo = createPoliciesRepo(trx);
        const current = await repo.get(id, today(), { lock: true });
        if (!current) throw notFound(id);
        // The admin must be allowed to write the article as it is, and as it will be.
        const regionCode = await requireWriter(trx, scope, current.unitIds);
        if (patch.unitIds !== undefined) await requireWriter(trx, scope, [...new Set(patch.unitIds)]);
        const repealedOn = patch.repealedOn === undefined ? current.repealedOn : patch.repealedOn;
        if (repealedOn !== null && current.effectiveFrom !== null && repealedOn < current.effectiveFrom) {
          const message =
            lang === 'zh'
              ? `废止日期不得早于生效日期 ${current.effectiveFrom}`
              : `repealed before it took effect (${current.effectiveFrom})`;
          throw DomainError.atField('validation_failed', { path: 'repealedOn', code: 'before_effective', message });
        }
        const change: PolicyChange = {};
        if (patch.title !== undefined) change.title = patch.title;
        if (patch.body !== undefined) change.body = patch.body;
        if (patch.repealedOn !== undefined) change.repealedOn = patch.repealedOn;
        if (patch.tags !== undefined) change.tags = [...new Set(patch.tags)];
        if (patch.unitIds !== undefined) change.unitIds = [...new Set(patch.unitIds)];
        if (change.title !== undefined || change.body !== undefined || change.tags !== undefined) {
          change.terms = policyTerms({ ...current, ...change });
        }
        await repo.update(id, change, clock.now());
        await recordAudit(trx, {
          action: 'policy.update',
          actor: scope.actor,
          sourceIp: scope.sourceIp,
          target: { type: 'policy', id },
          regionCode,
          detail: { fields: Object.keys(change).filter((k) => k !== 'terms'), ...(change.unitIds ? { unitIds: change.unitIds } : {}) },
          at: clock.now(),
        });
      });
      return get(id);
    },

    /** The Excel import template. */
    template(): Promise<Buffer> {
      return buildImportTemplate(clock.now());
    },

    /**
     * Import a workbook: every row is validated first; one bad row and nothing is written (the
     * report lists every bad cell). Otherwise all rows are written in one transaction, an existing
     * (document number, article number) updated in place.
     */
    async importWorkbook(data: Buffer, scope: AdminScope, lang: Lang): Promise<PolicyImportReport> {
      // Imported articles name no unit: they are national, and so is the right to import them.
      await requireRootScope(db, scope, 'importing national policy articles');
      const { rows, errors } = await readImportWorkbook(data, lang);
      if (errors.length > 0) return { imported: 0, updated: 0, errors };
      const writes = rows.map((r) => policyWrite(r.input));
      const at = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'importing national policy articles');
        const written = await createPoliciesRepo(trx).upsertMany(writes, scope.user.id, at);
        const inserted = written.filter((r) => r.inserted).length;
        await recordAudit(trx, {
          action: 'policy.import',
          actor: scope.actor,
          sourceIp: scope.sourceIp,
          target: null,
          regionCode: null,
          detail: { count: written.length, imported: inserted, updated: written.length - inserted },
          at,
        });
        return written;
      });
      const imported = result.filter((r) => r.inserted).length;
      return { imported, updated: result.length - imported, errors: [] };
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;

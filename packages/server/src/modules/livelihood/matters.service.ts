import {
  DomainError,
  coversRegion,
  defaultLivelihoodSettings,
  livelihoodSettingsSchema,
  regionPrefix,
  maskPhone,
  searchTerms,
  toChinaDate,
  type LivelihoodArea,
  type LivelihoodSettings,
  type MatterImportReport,
  type MatterInput,
  type MatterSearch,
  type MatterView,
  type matterFromCaseSchema,
  type AuthUser,
  type Lang,
} from '@huiyin/core';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createCasesRepo } from '../cases/cases.repo.ts';
import { visibleTo } from '../cases/visibility.ts';
import { collectRoles, has, manageRoles, readRoles, requireAny, requireRegion } from './access.ts';
import { namesFromCounty, regionAndAncestors } from '../regions/region-names.ts';
import { createListsRepo } from './lists.repo.ts';
import { matterListItem, matterTerms, originatorView } from './matter-view.ts';
import { buildMatterExport, buildMatterTemplate, readMatterWorkbook } from './matters.xlsx.ts';
import { createMattersRepo, type MatterFilter, type MatterRow, type MatterWrite, type OriginatorRow } from './matters.repo.ts';
import { createRegionResolver } from './region-resolver.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createSettingsRepo } from '../settings/settings.repo.ts';
import { createProjectsRepo } from './projects.repo.ts';
import { auditLivelihood } from './livelihood-audit.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { putNationalSetting } from '../settings/national-setting.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { SimilarityService } from './similarity.service.ts';

const SETTINGS_KEY = 'livelihood.settings';
const EXPORT_MAX_ROWS = 50_000;

/** The problem list (问题清单): entry, import, export, duplicates and merging. */
/** The repo's filter for a search or an export, within the caller's regions. */
function filterOf(f: MatterSearch, prefixes: readonly string[]): MatterFilter {
  return {
    q: f.q ? searchTerms(f.q, 32) : undefined,
    regionPrefix: f.regionCode ? regionPrefix(f.regionCode) : undefined,
    scopePrefixes: prefixes,
    areaCode: f.areaCode,
    status: f.status,
    listId: f.listId,
  };
}

export function createMattersService(deps: { db: Db; clock: Clock; similarity: SimilarityService }) {
  const { db, clock, similarity } = deps;
  const matters = createMattersRepo(db);
  const lists = createListsRepo(db);
  const today = () => toChinaDate(clock.now());

  async function areas(): Promise<LivelihoodArea[]> {
    return lists.areas();
  }

  async function settings(): Promise<LivelihoodSettings> {
    const stored = livelihoodSettingsSchema.partial().safeParse(await createSettingsRepo(db).appSetting(SETTINGS_KEY));
    const merged: LivelihoodSettings = { ...defaultLivelihoodSettings };
    if (stored.success) {
      for (const [k, v] of Object.entries(stored.data)) if (typeof v === 'number') merged[k as keyof LivelihoodSettings] = v;
    }
    return merged;
  }

  async function requireArea(code: string, lang: Lang): Promise<void> {
    if (!(await areas()).some((a) => a.code === code)) {
      throw DomainError.atField(
        'validation_failed',
        { path: 'areaCode', message: `unknown area ${code}`, code: 'unknown' },
        lang === 'zh' ? `未知的领域：${code}` : `unknown area ${code}`,
      );
    }
  }

  async function requireRegionExists(code: string): Promise<void> {
    if (!(await createRegionsRepo(db).exists(code)))
      throw DomainError.atField('validation_failed', { path: 'regionCode', message: `unknown region ${code}`, code: 'unknown' });
  }

  /** The list a matter goes on: the one named (it must cover the region and still collect) or the region's collecting list. */
  async function listFor(regionCode: string, listId: number | undefined): Promise<number | null> {
    if (listId === undefined) return lists.collectingFor(regionAndAncestors(regionCode));
    const l = await lists.get(listId);
    if (!l) throw new DomainError('not_found', `list ${listId} not found`);
    if (!regionCode.startsWith(regionPrefix(l.regionCode))) {
      throw DomainError.atField(
        'validation_failed',
        { path: 'listId', message: 'the list belongs to another region', code: 'region' },
        `the matter's region ${regionCode} is not under the list's region ${l.regionCode}`,
      );
    }
    if (l.status === 'published')
      throw new DomainError('illegal_transition', `list ${l.title} is published: it no longer collects matters`);
    return l.id;
  }

  function toWrite(input: MatterInput, source: MatterWrite['source'], listId: number | null): MatterWrite {
    return {
      listId,
      regionCode: input.regionCode,
      title: input.title,
      description: input.description ?? null,
      areaCode: input.areaCode,
      source,
      caseId: null,
      collectedOn: input.collectedOn ?? today(),
      collectedBy: input.collectedBy ?? null,
      terms: matterTerms(input),
      originators: input.originators.map((o) => ({
        kind: o.kind,
        name: o.name ?? null,
        phone: o.phone ?? null,
        address: o.address ?? null,
        creditCode: o.creditCode ?? null,
        caseId: o.caseId ?? null,
      })),
    };
  }

  /**
   * Write matters in one transaction, re-checking under a lock that their lists still collect (a
   * list published meanwhile refuses them); a second matter for the same case is refused (unique
   * index) with a clear conflict.
   */
  async function insertChecked(writes: readonly MatterWrite[], user: AuthUser, sourceIp: string | null): Promise<number[]> {
    try {
      return await db.transaction().execute(async (trx) => {
        const lists = createListsRepo(trx);
        for (const listId of new Set(writes.flatMap((w) => (w.listId === null ? [] : [w.listId])))) {
          const l = await lists.get(listId, { lock: true });
          if (l?.status === 'published')
            throw new DomainError('illegal_transition', `list ${l.title} was published meanwhile: it no longer collects matters`);
        }
        const ids = await createMattersRepo(trx).insertMany(writes, user.id, clock.now());
        // One entry per matter of a form or a case; an import is one entry per county with its count.
        const single = writes.length === 1 && writes[0]!.source !== 'import';
        if (single) {
          const w = writes[0]!;
          await auditLivelihood(trx, {
            user,
            sourceIp,
            action: 'livelihood.matter.create',
            target: { type: 'matter', id: ids[0]! },
            regionCode: w.regionCode,
            detail: { source: w.source, listId: w.listId, caseId: w.caseId, originators: w.originators.length },
            at: clock.now(),
          });
        } else {
          const byCounty = new Map<string, number>();
          for (const w of writes) byCounty.set(w.regionCode.slice(0, 6), (byCounty.get(w.regionCode.slice(0, 6)) ?? 0) + 1);
          for (const [county, count] of byCounty) {
            await auditLivelihood(trx, {
              user,
              sourceIp,
              action: 'livelihood.matter.import',
              target: null,
              regionCode: county,
              detail: { count },
              at: clock.now(),
            });
          }
        }
        return ids;
      });
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code === '23505') throw new DomainError('conflict', 'this case is already on the problem list');
      throw e;
    }
  }

  /** The matter as the caller sees it; a full phone number shown is a reveal, written to the audit log. */
  async function view(m: MatterRow, user: AuthUser, sourceIp: string | null = null): Promise<MatterView> {
    const [originators, mergedFrom, project] = await Promise.all([
      matters.originators([m.id]),
      matters.mergedInto(m.id),
      m.projectId === null
        ? Promise.resolve(undefined)
        : createProjectsRepo(db)
            .titles([m.projectId])
            .then((t) => {
              const hit = t.get(m.projectId!);
              return hit && { id: m.projectId!, ...hit };
            }),
    ]);
    const full = has(user, manageRoles);
    const shown = originators.map((o) => originatorView(o, full));
    const revealed = full ? shown.filter((o) => o.phone !== null).map((o) => o.id) : [];
    if (revealed.length > 0) {
      await db.transaction().execute((trx) =>
        auditLivelihood(trx, {
          user,
          sourceIp,
          action: 'pii.reveal',
          target: { type: 'matter', id: m.id },
          regionCode: m.regionCode,
          detail: { field: 'originators.phone', originatorIds: revealed },
          at: clock.now(),
        }),
      );
    }
    return {
      ...matterListItem(m),
      description: m.description,
      collectedBy: m.collectedBy,
      originators: shown,
      mergedFrom,
      project: project ?? null,
    };
  }

  async function readable(id: number, user: AuthUser): Promise<MatterRow> {
    const prefixes = requireAny(user, readRoles, 'reading livelihood matters');
    const m = await matters.get(id);
    if (!m || !coversRegion(prefixes, m.regionCode)) throw new DomainError('not_found', `matter ${id} not found`);
    return m;
  }

  async function checkCaseOriginators(input: MatterInput, user: AuthUser): Promise<void> {
    const cases = createCasesRepo(db);
    for (const o of input.originators) {
      if (o.caseId === undefined) continue;
      const c = await cases.get(o.caseId);
      if (!c || !visibleTo(user, c))
        throw DomainError.atField('validation_failed', {
          path: 'originators.caseId',
          message: `case ${o.caseId} not found`,
          code: 'unknown',
        });
    }
  }

  return {
    areas,
    settings,

    /** The areas are national: only a system admin of the root region changes them (audit-logged). */
    async putAreas(scope: AdminScope, items: readonly LivelihoodArea[]): Promise<{ items: LivelihoodArea[] }> {
      if (items.length === 0) throw new DomainError('validation_failed', 'at least one area is needed');
      if (new Set(items.map((a) => a.code)).size !== items.length) throw new DomainError('validation_failed', 'area codes must be unique');
      await db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'the livelihood areas');
        await createListsRepo(trx).putAreas(items);
        await recordAudit(trx, {
          action: 'settings.livelihood.areas',
          actor: scope.actor,
          sourceIp: scope.sourceIp,
          target: { type: 'setting', id: 'livelihood.areas' },
          regionCode: null,
          detail: { codes: items.map((a) => a.code) },
          at: clock.now(),
        });
      });
      return { items: await areas() };
    },

    /** The practice's settings are national: only a system admin of the root region changes them (audit-logged). */
    async putSettings(scope: AdminScope, s: LivelihoodSettings): Promise<LivelihoodSettings> {
      const before = await settings();
      await putNationalSetting({ db, clock }, scope, {
        key: SETTINGS_KEY,
        what: 'the livelihood settings',
        action: 'settings.livelihood.set',
        value: s,
        before,
      });
      return settings();
    },

    async search(f: MatterSearch, user: AuthUser) {
      const prefixes = requireAny(user, readRoles, 'reading livelihood matters');
      const { items, total } = await matters.search(filterOf(f, prefixes), f.page, f.pageSize);
      return { items: items.map(matterListItem), total, page: f.page, pageSize: f.pageSize };
    },

    /** The matters of the caller's regions as a workbook; the export is written to the audit log (filter, rows). */
    async exportXlsx(f: MatterSearch, user: AuthUser, sourceIp: string | null = null): Promise<Buffer> {
      const prefixes = requireAny(user, readRoles, 'exporting livelihood matters');
      const rows = await matters.all(filterOf(f, prefixes), EXPORT_MAX_ROWS);
      const [areaList, originators, projects, paths] = await Promise.all([
        areas(),
        matters.originators(rows.map((r) => r.id)),
        createProjectsRepo(db).titles(rows.flatMap((r) => (r.projectId === null ? [] : [r.projectId]))),
        namesFromCounty(
          db,
          rows.map((r) => r.regionCode),
        ),
      ]);
      const byMatter = new Map<number, OriginatorRow[]>();
      for (const o of originators) byMatter.set(o.matterId, [...(byMatter.get(o.matterId) ?? []), o]);
      const full = has(user, manageRoles);
      await db.transaction().execute((trx) =>
        auditLivelihood(trx, {
          user,
          sourceIp,
          action: 'export.matters',
          target: null,
          regionCode: user.units[0]?.regionCode ?? null,
          detail: { filter: { ...f }, rows: rows.length, fullPhones: full },
          at: clock.now(),
        }),
      );
      return buildMatterExport(
        rows.map((r) => ({
          id: r.id,
          title: r.title,
          description: r.description,
          regionPath: paths.get(r.regionCode) ?? r.regionName,
          areaName: areaList.find((a) => a.code === r.areaCode)?.zh ?? r.areaCode,
          status: r.status,
          originatorCount: r.originatorCount,
          originators: (byMatter.get(r.id) ?? [])
            .map((o) => [o.name, o.phone ? (full ? o.phone : maskPhone(o.phone)) : null].filter(Boolean).join(' '))
            .join('；'),
          collectedOn: r.collectedOn,
          collectedBy: r.collectedBy,
          projectTitle: r.projectId === null ? null : (projects.get(r.projectId)?.title ?? null),
          mergedIntoId: r.mergedIntoId,
        })),
        { title: '民生事项清单' },
      );
    },

    async template(user: AuthUser): Promise<Buffer> {
      const prefixes = requireAny(user, collectRoles, 'importing livelihood matters');
      const examples = await createRegionsRepo(db).under(prefixes, { minLevel: 4, limit: 30 });
      return buildMatterTemplate({ areas: await areas(), regionExamples: examples.map((e) => e.name) });
    },

    async importWorkbook(
      data: Buffer,
      listId: number | undefined,
      user: AuthUser,
      lang: Lang,
      sourceIp: string | null = null,
    ): Promise<MatterImportReport> {
      const prefixes = requireAny(user, collectRoles, 'importing livelihood matters');
      const regionRows = await createRegionsRepo(db).under(prefixes, {
        alsoCodes: prefixes.flatMap((p) => (p === '' ? [] : regionAndAncestors(p.padEnd(6, '0')))),
      });
      const resolveRegion = createRegionResolver(
        regionRows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level })),
        { lang },
      );
      const parsed = await readMatterWorkbook(data, {
        areas: await areas(),
        resolveRegion: (text) => {
          const hit = resolveRegion(text);
          if ('code' in hit && !coversRegion(prefixes, hit.code))
            return { error: lang === 'zh' ? `${text} 不在您的服务区域内` : `${text} is outside your service area` };
          return hit;
        },
        lang,
      });
      if (parsed.errors.length > 0) return { imported: 0, errors: parsed.errors };
      if (parsed.rows.length === 0) return { imported: 0, errors: [] };
      const writes: MatterWrite[] = [];
      const listCache = new Map<string, number | null>();
      for (const r of parsed.rows) {
        const key = r.input.regionCode;
        if (!listCache.has(key)) listCache.set(key, await listFor(key, listId));
        writes.push(toWrite(r.input, 'import', listCache.get(key) ?? null));
      }
      const ids = await insertChecked(writes, user, sourceIp);
      return { imported: ids.length, errors: [] };
    },

    async create(input: MatterInput, user: AuthUser, lang: Lang, sourceIp: string | null = null): Promise<MatterView> {
      const prefixes = requireAny(user, collectRoles, 'adding livelihood matters');
      requireRegion(prefixes, input.regionCode);
      await Promise.all([requireArea(input.areaCode, lang), requireRegionExists(input.regionCode), checkCaseOriginators(input, user)]);
      const listId = await listFor(input.regionCode, input.listId);
      const write = toWrite(input, 'form', listId);
      const [id] = await insertChecked([write], user, sourceIp);
      return view((await matters.get(id!))!, user, sourceIp);
    },

    async fromCase(
      input: z.output<typeof matterFromCaseSchema>,
      user: AuthUser,
      lang: Lang,
      sourceIp: string | null = null,
    ): Promise<MatterView> {
      const prefixes = requireAny(user, collectRoles, 'adding livelihood matters');
      const c = await createCasesRepo(db).get(input.caseId);
      if (!c || !visibleTo(user, c)) throw new DomainError('not_found', `case ${input.caseId} not found`);
      requireRegion(prefixes, c.region_code);
      await requireArea(input.areaCode, lang);
      const exists = await matters.ofCase(c.id);
      if (exists !== null)
        throw new DomainError('conflict', `case ${c.tracking_no} is already on the problem list as matter ${exists}`, { matterId: exists });
      const listId = await listFor(c.region_code, input.listId);
      const write: MatterWrite = {
        listId,
        regionCode: c.region_code,
        title: input.title ?? c.title,
        description: c.content,
        areaCode: input.areaCode,
        source: 'case',
        caseId: c.id,
        collectedOn: toChinaDate(c.created_at),
        collectedBy: null,
        terms: matterTerms({ title: input.title ?? c.title, description: c.content }),
        originators: [{ kind: 'case', name: c.requester_name, phone: null, address: null, creditCode: null, caseId: c.id }],
      };
      const [id] = await insertChecked([write], user, sourceIp);
      return view((await matters.get(id!))!, user, sourceIp);
    },

    async get(id: number, user: AuthUser, sourceIp: string | null = null): Promise<MatterView> {
      return view(await readable(id, user), user, sourceIp);
    },

    async similarTo(id: number, user: AuthUser) {
      const m = await readable(id, user);
      const s = await settings();
      return {
        items: await similarity.similar(
          { id: m.id, title: m.title, description: m.description, regionCode: m.regionCode, collectedOn: m.collectedOn },
          s,
        ),
        threshold: s.duplicateThreshold,
      };
    },

    async similarToText(t: { title: string; description?: string | undefined; regionCode: string }, user: AuthUser) {
      const prefixes = requireAny(user, readRoles, 'reading livelihood matters');
      requireRegion(prefixes, t.regionCode);
      const s = await settings();
      return {
        items: await similarity.similar(
          { id: null, title: t.title, description: t.description ?? null, regionCode: t.regionCode, collectedOn: today() },
          s,
        ),
        threshold: s.duplicateThreshold,
      };
    },

    async duplicates(f: { regionCode?: string | undefined; listId?: number | undefined }, user: AuthUser) {
      const prefixes = requireAny(user, readRoles, 'reading livelihood matters');
      const prefix = f.regionCode ? regionPrefix(f.regionCode) : prefixes[0];
      if (prefix === undefined || !coversRegion(prefixes, prefix.padEnd(6, '0')))
        throw new DomainError('forbidden', 'the region is outside your service area');
      const s = await settings();
      return { items: await similarity.pairs(prefix, f.listId, s), threshold: s.duplicateThreshold };
    },

    /** Fold `id` into `intoId`: its originators move, it is marked merged, its project passes on. */
    async merge(id: number, intoId: number, user: AuthUser, sourceIp: string | null = null): Promise<MatterView> {
      const prefixes = requireAny(user, manageRoles, 'merging livelihood matters');
      if (id === intoId)
        throw DomainError.atField(
          'validation_failed',
          { path: 'intoId', message: 'same matter', code: 'same' },
          'a matter cannot be merged into itself',
        );
      await db.transaction().execute(async (trx) => {
        const repo = createMattersRepo(trx);
        // Lock in id order so two opposite merges cannot deadlock.
        const [lo, hi] = id < intoId ? [id, intoId] : [intoId, id];
        const first = await repo.get(lo, { lock: true });
        const second = await repo.get(hi, { lock: true });
        const from = id === lo ? first : second;
        const into = id === lo ? second : first;
        if (!from || !coversRegion(prefixes, from.regionCode)) throw new DomainError('not_found', `matter ${id} not found`);
        if (!into || !coversRegion(prefixes, into.regionCode)) throw new DomainError('not_found', `matter ${intoId} not found`);
        if (from.status === 'merged')
          throw new DomainError('illegal_transition', `matter ${id} is already merged into ${from.mergedIntoId}`);
        if (into.status === 'merged')
          throw new DomainError('illegal_transition', `matter ${intoId} was itself merged into ${into.mergedIntoId}: merge into that one`);
        if (from.status === 'answered' || into.status === 'answered')
          throw new DomainError('illegal_transition', 'an answered matter is closed and cannot be merged');
        if (from.regionCode.slice(0, 6) !== into.regionCode.slice(0, 6))
          throw DomainError.atField(
            'validation_failed',
            { path: 'intoId', message: 'another county', code: 'region' },
            'only matters of the same county can be merged',
          );
        if (from.projectId !== null && into.projectId !== null && from.projectId !== into.projectId) {
          throw new DomainError(
            'conflict',
            `the matters belong to two projects (${from.projectId}, ${into.projectId}): take one out of its project first`,
          );
        }
        await repo.merge(from.id, into.id, into.projectId === null ? from.projectId : null, clock.now());
        if (into.projectId === null && from.projectId !== null && into.status === 'open' && from.status === 'selected') {
          await repo.setProject([into.id], from.projectId, 'selected', clock.now());
        }
        await auditLivelihood(trx, {
          user,
          sourceIp,
          action: 'livelihood.matter.merge',
          target: { type: 'matter', id: from.id },
          regionCode: from.regionCode,
          detail: { intoId: into.id, projectId: from.projectId ?? into.projectId },
          at: clock.now(),
        });
      });
      return view((await matters.get(intoId))!, user, sourceIp);
    },
  };
}

export type MattersService = ReturnType<typeof createMattersService>;

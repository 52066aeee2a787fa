import type { AdminImportReport } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { RowAudit } from './import-service.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { readTable, type TableError } from '../../xlsx/table.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createCategoriesRepo } from '../settings/categories.repo.ts';
import { regionCodeOfPrefix } from '../settings/catalog.service.ts';
import { catalogChoices, catalogSpec, type CatalogColumn } from './export-catalog.ts';
import { splitNames } from './export-people.ts';

/**
 * Importing the routing catalog: every row is checked (a known active category, a region prefix
 * that exists and lies in the admin's regions, an active unit of the admin's regions named once,
 * no category × region twice, assisting units of the admin's regions, a time limit of 1 to 365
 * working days) and planned against the rules stored: created (no rule for that category and
 * region), updated (another lead unit, other assisting units or another time limit: replaced by
 * the row's) or unchanged.
 * Rules not in the file stay. Applying writes the plan inside the caller's transaction, with an
 * audit entry per created rule (`catalog.rule.add`) or replaced one (`catalog.rule.replace`, before
 * and after).
 */

export interface CatalogStep {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  categoryCode: string;
  regionPrefix: string;
  unitId: number;
  assistUnitIds: number[];
  timeLimitDays: number | null;
  name: string;
  /** The rules stored for this category and region (an update replaces them). */
  before: RuleSet | null;
}

interface RuleSet {
  unitIds: number[];
  assistUnitIds: number[];
  timeLimitDays: number | null;
}

const reasons = {
  required: { zh: '必填', en: 'required' },
  category: (c: string) => ({ zh: `未知或已停用的诉求分类“${c}”`, en: `unknown or inactive category "${c}"` }),
  regionFormat: (r: string) => ({ zh: `区划代码“${r}”格式不正确（2 至 12 位数字）`, en: `"${r}" is not a region code (2 to 12 digits)` }),
  regionOutside: (r: string) => ({ zh: `区划“${r}”不在您管辖的区划内`, en: `region ${r} is not inside your regions` }),
  regionUnknown: (r: string) => ({ zh: `区划“${r}”不存在`, en: `no region ${r}` }),
  unitUnknown: (u: string) => ({ zh: `您管辖的区划内没有在用单位“${u}”`, en: `no active unit "${u}" in your regions` }),
  unitAmbiguous: (u: string) => ({ zh: `有多个单位名为“${u}”，请先改名`, en: `several units are named "${u}": rename them first` }),
  assistLead: (u: string) => ({ zh: `协办单位“${u}”已是主办单位`, en: `"${u}" is the lead unit` }),
  timeLimit: (t: string) => ({
    zh: `办理时限“${t}”应为 1 至 365 的整数（工作日）`,
    en: `time limit "${t}": a whole number of working days, 1 to 365`,
  }),
  duplicate: (r: number) => ({ zh: `与第 ${r} 行的分类和区划重复`, en: `the same category and region as row ${r}` }),
};

export async function planCatalogImport(
  db: Db,
  scope: AdminScope,
  data: Buffer,
  lang: Lang,
): Promise<{ steps: CatalogStep[]; errors: TableError[] }> {
  const { categories, units } = await catalogChoices(db, scope);
  const spec = catalogSpec({ categories: [], units: [] });
  const read = await readTable(data, spec, lang);
  const errors: TableError[] = [...read.errors];
  if (read.rows.length === 0) return { steps: [], errors };
  const header = (k: CatalogColumn) => spec.columns.find((c) => c.key === k)!.header;

  const categoryNames = new Map(categories.map((c) => [c.code, c.nameZh]));
  const unitsByName = new Map<string, number[]>();
  for (const u of units) unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u.id]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const regions = createRegionsRepo(db);
  const regionKnown = new Map<string, boolean>();
  const existing = new Map<string, { units: Set<number>; details: string; rules: RuleSet }>();
  const detailsKey = (assist: readonly number[], days: number | null) => `${[...assist].sort((a, b) => a - b).join(',')}|${days ?? ''}`;
  for (const r of await createCategoriesRepo(db).rulesUnder(scope.prefixes)) {
    const key = `${r.categoryCode}|${r.regionPrefix}`;
    const e = existing.get(key) ?? {
      units: new Set<number>(),
      details: '',
      rules: { unitIds: [], assistUnitIds: [], timeLimitDays: null },
    };
    e.units.add(r.unit.id);
    e.rules = { unitIds: [...e.units], assistUnitIds: r.assistUnits.map((a) => a.id), timeLimitDays: r.timeLimitDays };
    e.details = detailsKey(
      r.assistUnits.map((a) => a.id),
      r.timeLimitDays,
    );
    existing.set(key, e);
  }

  const seen = new Map<string, number>();
  const steps: CatalogStep[] = [];
  for (const { row, values } of read.rows) {
    const bad = (k: CatalogColumn, reason: { zh: string; en: string }) => errors.push({ row, column: header(k), reason: reason[lang] });
    const before = errors.length;
    const category = values.category;
    const prefix = values.region.normalize('NFKC').replace(/\s/g, '');
    if (category === '') bad('category', reasons.required);
    else if (!categoryNames.has(category)) bad('category', reasons.category(category));
    if (prefix === '') bad('region', reasons.required);
    else if (!/^\d{2,12}$/.test(prefix)) bad('region', reasons.regionFormat(prefix));
    else if (!scope.covers(prefix)) bad('region', reasons.regionOutside(prefix));
    else {
      const code = regionCodeOfPrefix(prefix);
      if (!regionKnown.has(code)) regionKnown.set(code, await regions.exists(code));
      if (!regionKnown.get(code)) bad('region', reasons.regionUnknown(prefix));
    }
    const ids = unitsByName.get(values.unit) ?? [];
    if (values.unit === '') bad('unit', reasons.required);
    else if (ids.length === 0) bad('unit', reasons.unitUnknown(values.unit));
    else if (ids.length > 1) bad('unit', reasons.unitAmbiguous(values.unit));
    const assistUnitIds: number[] = [];
    for (const n of splitNames(values.assist)) {
      const found = unitsByName.get(n) ?? [];
      if (found.length === 0) bad('assist', reasons.unitUnknown(n));
      else if (found.length > 1) bad('assist', reasons.unitAmbiguous(n));
      else if (n === values.unit) bad('assist', reasons.assistLead(n));
      else assistUnitIds.push(found[0]!);
    }
    const days = values.timeLimit.normalize('NFKC').replace(/\s/g, '');
    let timeLimitDays: number | null = null;
    if (days !== '') {
      timeLimitDays = /^\d{1,3}$/.test(days) ? Number(days) : NaN;
      if (!(timeLimitDays >= 1 && timeLimitDays <= 365)) bad('timeLimit', reasons.timeLimit(values.timeLimit));
    }
    if (errors.length > before) continue;
    const key = `${category}|${prefix}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, column: '', reason: reasons.duplicate(first)[lang] });
      continue;
    }
    seen.set(key, row);
    const unitId = ids[0]!;
    const now = existing.get(key);
    const action = !now
      ? 'create'
      : now.units.size === 1 && now.units.has(unitId) && now.details === detailsKey(assistUnitIds, timeLimitDays)
        ? 'unchanged'
        : 'update';
    steps.push({
      row,
      action,
      categoryCode: category,
      regionPrefix: prefix,
      unitId,
      assistUnitIds,
      timeLimitDays,
      name: `${categoryNames.get(category)} · ${prefix} · ${unitNames.get(unitId)}`,
      before: now?.rules ?? null,
    });
  }
  return { steps, errors };
}

/** Write the plan (inside the caller's transaction). */
export async function applyCatalogImport(trx: Db, steps: readonly CatalogStep[], audit: RowAudit): Promise<void> {
  const repo = createCategoriesRepo(trx);
  for (const s of steps) {
    if (s.action === 'unchanged') continue;
    if (s.action === 'update') await repo.deleteRulesAt(s.categoryCode, s.regionPrefix);
    const id = await repo.addRoute(s.categoryCode, s.regionPrefix, s.unitId, {
      assistUnitIds: s.assistUnitIds,
      timeLimitDays: s.timeLimitDays,
    });
    const after = { unitIds: [s.unitId], assistUnitIds: s.assistUnitIds, timeLimitDays: s.timeLimitDays };
    const where = { categoryCode: s.categoryCode, regionPrefix: s.regionPrefix };
    await audit({
      action: s.action === 'update' ? 'catalog.rule.replace' : 'catalog.rule.add',
      target: { type: 'routing_rule', id: id ?? `${s.categoryCode}|${s.regionPrefix}` },
      regionCode: regionCodeOfPrefix(s.regionPrefix),
      detail:
        s.action === 'update'
          ? { ...where, before: s.before, after, via: 'import' }
          : { ...where, unitId: s.unitId, assistUnitIds: s.assistUnitIds, timeLimitDays: s.timeLimitDays, via: 'import' },
    });
  }
}

export function reportOf(
  dryRun: boolean,
  steps: readonly { row: number; action: 'create' | 'update' | 'unchanged'; name: string }[],
  errors: readonly TableError[],
): AdminImportReport {
  const ok = errors.length === 0;
  const count = (a: string) => (ok ? steps.filter((s) => s.action === a).length : 0);
  return {
    dryRun,
    applied: ok && !dryRun,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    rows: ok ? steps.map((s) => ({ row: s.row, action: s.action, name: s.name })) : [],
    errors: [...errors].sort((a, b) => a.row - b.row),
  };
}

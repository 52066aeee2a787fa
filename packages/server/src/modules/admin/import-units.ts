import { unitKinds, type UnitKind } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { readTable, type TableError } from '../../xlsx/table.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { unitKindNames, unitsSpec, type UnitColumn } from './export-units.ts';

/**
 * Importing units: every row is checked (a name given once, a known kind, a region that exists
 * and lies in the admin's regions, a parent named in the file or among the admin's units, no
 * cycle) and planned against the units of the admin's regions by name: created, updated (kind,
 * region or parent differ) or unchanged. Units not in the file stay. Applying writes the plan
 * inside the caller's transaction, parents before their children.
 */

export interface UnitStep {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  id: number | null;
  kind: UnitKind;
  regionCode: string;
  parent: string | null;
  /** A village or community (level 5) that the import creates under its township. */
  newRegion: { code: string; name: string; parentCode: string } | null;
}

const MAX_DEPTH = 64;

const reasons = {
  required: { zh: '必填', en: 'required' },
  tooLong: { zh: '名称过长（最多 100 字）', en: 'the name is too long (at most 100 characters)' },
  kind: (k: string) => ({
    zh: `未知的类型“${k}”，可选：${unitKinds.map((x) => unitKindNames[x]).join('、')}`,
    en: `unknown kind "${k}"; one of ${unitKinds.join(', ')}`,
  }),
  regionFormat: (r: string) => ({ zh: `区划代码“${r}”格式不正确`, en: `"${r}" is not a region code` }),
  regionOutside: (r: string) => ({ zh: `区划“${r}”不在您管辖的区划内`, en: `region ${r} is not inside your regions` }),
  regionUnknown: (r: string) => ({ zh: `区划“${r}”不存在`, en: `no region ${r}` }),
  villageName: (r: string) => ({
    zh: `区划“${r}”不存在：新建村（社区）请在“新建村（社区）名称”列填写其名称`,
    en: `no region ${r}: to create a village or community, give its name in the new-village column`,
  }),
  villageTownship: (r: string, t: string) => ({
    zh: `区划“${r}”不存在，其所属乡镇（街道）“${t}”也不存在`,
    en: `no region ${r}, and no township ${t} above it`,
  }),
  villageClash: (r: string, row: number) => ({
    zh: `村（社区）“${r}”在第 ${row} 行用了另一个名称`,
    en: `row ${row} names village ${r} differently`,
  }),
  villageNameUnneeded: (r: string, stored: string | undefined) => ({
    zh: `区划“${r}”已存在${stored ? `（名称“${stored}”）` : ''}：“新建村（社区）名称”须留空或与之相同`,
    en: `region ${r} exists${stored ? ` (named "${stored}")` : ''}: leave the new-village name empty or give the same name`,
  }),
  duplicate: (r: number) => ({ zh: `与第 ${r} 行的单位名称重复`, en: `the same unit name as row ${r}` }),
  ambiguous: (n: string) => ({ zh: `系统中有多个单位名为“${n}”，请先改名`, en: `several units are named "${n}": rename them first` }),
  parentUnknown: (p: string) => ({
    zh: `上级单位“${p}”既不在文件中，也不在您管辖的单位中`,
    en: `the parent "${p}" is neither in the file nor among your units`,
  }),
  parentSelf: { zh: '上级单位不能是自己', en: 'a unit cannot be its own parent' },
  cycle: { zh: '上级单位形成循环', en: 'the parents form a cycle' },
};

function kindOf(text: string): UnitKind | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  return unitKinds.find(
    (k) => k === t.toLowerCase() || unitKindNames[k].normalize('NFKC') === t || unitKindNames[k].replace(/（.*）/, '') === t,
  );
}

export async function planUnitsImport(
  db: Db,
  scope: AdminScope,
  data: Buffer,
  lang: Lang,
): Promise<{ steps: UnitStep[]; errors: TableError[] }> {
  const read = await readTable(data, unitsSpec, lang);
  const errors: TableError[] = [...read.errors];
  if (read.rows.length === 0) return { steps: [], errors };
  const header = (k: UnitColumn) => unitsSpec.columns.find((c) => c.key === k)!.header;

  const existing = await createUnitsRepo(db).adminListUnder(scope.prefixes);
  const byName = new Map<string, typeof existing>();
  for (const u of existing) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const nameOfId = new Map(existing.map((u) => [u.id, u.name]));
  const regions = createRegionsRepo(db);
  const regionKnown = new Map<string, boolean>();

  const fileRows = new Map<string, number>();
  for (const { row, values } of read.rows) if (values.name !== '' && !fileRows.has(values.name)) fileRows.set(values.name, row);

  const newVillages = new Map<string, { name: string; row: number }>();
  const steps: UnitStep[] = [];
  for (const { row, values } of read.rows) {
    const bad = (k: UnitColumn, reason: { zh: string; en: string }) => errors.push({ row, column: header(k), reason: reason[lang] });
    const before = errors.length;
    const name = values.name;
    if (name === '') bad('name', reasons.required);
    else if (name.length > 100) bad('name', reasons.tooLong);
    else if (fileRows.get(name) !== row) bad('name', reasons.duplicate(fileRows.get(name)!));
    else if ((byName.get(name)?.length ?? 0) > 1) bad('name', reasons.ambiguous(name));
    const kind = kindOf(values.kind);
    if (values.kind === '') bad('kind', reasons.required);
    else if (!kind) bad('kind', reasons.kind(values.kind));
    const code = values.region.normalize('NFKC').replace(/\s/g, '');
    const villageName = values.regionName.trim();
    let newRegion: UnitStep['newRegion'] = null;
    if (code === '') bad('region', reasons.required);
    else if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) bad('region', reasons.regionFormat(code));
    else if (!scope.covers(code)) bad('region', reasons.regionOutside(code));
    else {
      if (!regionKnown.has(code)) regionKnown.set(code, await regions.exists(code));
      if (!regionKnown.get(code)) {
        const township = code.slice(0, 9);
        if (code.length !== 12) bad('region', reasons.regionUnknown(code));
        else if (villageName === '') bad('regionName', reasons.villageName(code));
        else {
          if (!regionKnown.has(township)) regionKnown.set(township, await regions.exists(township));
          if (!regionKnown.get(township)) bad('region', reasons.villageTownship(code, township));
          else if (newVillages.has(code) && newVillages.get(code)!.name !== villageName)
            bad('regionName', reasons.villageClash(code, newVillages.get(code)!.row));
          else {
            if (!newVillages.has(code)) newVillages.set(code, { name: villageName, row });
            newRegion = { code, name: villageName, parentCode: township };
          }
        }
      } else if (villageName !== '') {
        // An export names its villages: the same name again is fine, another one is a mistake.
        const stored = (await regions.get(code))?.name;
        if (code.length !== 12 || stored !== villageName) bad('regionName', reasons.villageNameUnneeded(code, stored));
      }
    }
    const parent = values.parent === '' ? null : values.parent;
    if (parent !== null) {
      if (parent === name) bad('parent', reasons.parentSelf);
      else if (!fileRows.has(parent)) {
        const found = byName.get(parent) ?? [];
        if (found.length === 0) bad('parent', reasons.parentUnknown(parent));
        else if (found.length > 1) bad('parent', reasons.ambiguous(parent));
      }
    }
    if (errors.length > before) continue;
    const current = byName.get(name)?.[0];
    const currentParent = current?.parentId == null ? null : (nameOfId.get(current.parentId) ?? null);
    const action = !current
      ? 'create'
      : current.kind === kind && current.regionCode === code && currentParent === parent
        ? 'unchanged'
        : 'update';
    steps.push({ row, action, name, id: current?.id ?? null, kind: kind!, regionCode: code, parent, newRegion });
  }

  // No cycles in the tree after the import: the file's parents over the stored ones.
  const parentOf = new Map<string, string | null>();
  for (const u of existing) parentOf.set(u.name, u.parentId === null ? null : (nameOfId.get(u.parentId) ?? null));
  for (const s of steps) parentOf.set(s.name, s.parent);
  for (const s of steps) {
    let cursor = s.parent;
    for (let depth = 0; cursor !== null && depth <= MAX_DEPTH; depth++) {
      if (cursor === s.name || depth === MAX_DEPTH) {
        errors.push({ row: s.row, column: header('parent'), reason: reasons.cycle[lang] });
        break;
      }
      cursor = parentOf.get(cursor) ?? null;
    }
  }
  return { steps, errors };
}

/** Write the plan (inside the caller's transaction): new units parents first, then the changes. */
export async function applyUnitsImport(trx: Db, scope: AdminScope, steps: readonly UnitStep[]): Promise<void> {
  const repo = createUnitsRepo(trx);
  // New villages and communities first (level 5, under their townships), once each.
  const villages = new Map(steps.flatMap((s) => (s.newRegion ? [[s.newRegion.code, s.newRegion] as const] : [])));
  await createRegionsRepo(trx).upsertMany(
    [...villages.values()].map((v) => ({ code: v.code, name: v.name, parentCode: v.parentCode, level: 5 })),
  );
  const ids = new Map<string, number>();
  for (const u of await repo.adminListUnder(scope.prefixes)) if (!ids.has(u.name)) ids.set(u.name, u.id);
  let pending = steps.filter((s) => s.action === 'create');
  while (pending.length > 0) {
    const ready = pending.filter((s) => s.parent === null || ids.has(s.parent));
    if (ready.length === 0) throw new Error('units import: parents cannot be ordered');
    for (const s of ready) {
      ids.set(
        s.name,
        await repo.insert({
          name: s.name,
          kind: s.kind,
          regionCode: s.regionCode,
          parentId: s.parent === null ? null : ids.get(s.parent)!,
        }),
      );
    }
    pending = pending.filter((s) => !ready.includes(s));
  }
  for (const s of steps) {
    if (s.action !== 'update' || s.id === null) continue;
    await repo.importUpdate(s.id, { kind: s.kind, regionCode: s.regionCode, parentId: s.parent === null ? null : ids.get(s.parent)! });
  }
}

import { categoryCodeSchema, categoryNameEnSchema, categoryNameZhSchema } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { RowAudit } from './import-service.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { readTable, type TableError } from '../../xlsx/table.ts';
import { createCategoriesRepo } from '../settings/categories.repo.ts';
import { ACTIVE_NO, ACTIVE_YES, categoriesSpec, type CategoryColumn } from './export-categories.ts';

/**
 * Importing the category tree: every row is checked (a well-formed code given once, a name, a
 * parent in the file or stored, 是/否) and planned against the stored tree by code: created,
 * updated (name, English name, parent or active differ) or unchanged. The tree after the import
 * must have no loop and no active category under an inactive one (stored subcategories not in the
 * file count too: reported on the parent's row). Categories not in the file stay.
 * Applying writes the plan inside the caller's transaction, parents first, with an audit entry per
 * created or changed category (before and after), like the manual path.
 */

export interface CategoryStep {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  code: string;
  nameZh: string;
  nameEn: string;
  parent: string | null;
  active: boolean;
  /** The stored category, if any. */
  before: { nameZh: string; nameEn: string; parentCode: string | null; active: boolean } | null;
}

const MAX_DEPTH = 64;

const reasons = {
  required: { zh: '必填', en: 'required' },
  code: (c: string) => ({ zh: `分类代码“${c}”格式不正确（小写字母、数字和 _ . -）`, en: `bad category code "${c}"` }),
  nameTooLong: { zh: '名称过长', en: 'the name is too long' },
  duplicate: (r: number) => ({ zh: `与第 ${r} 行的分类代码重复`, en: `the same code as row ${r}` }),
  parentUnknown: (p: string) => ({
    zh: `上级分类“${p}”既不在文件中，也不在系统中`,
    en: `the parent "${p}" is neither in the file nor stored`,
  }),
  parentSelf: { zh: '上级分类不能是自己', en: 'a category cannot be its own parent' },
  loop: { zh: '上级分类形成循环', en: 'the parents form a loop' },
  active: (a: string) => ({ zh: `“${a}”应为“是”或“否”`, en: `"${a}": 是 or 否` }),
  inactiveParent: (p: string) => ({ zh: `上级分类“${p}”已停用，启用的分类不能在其下`, en: `the parent "${p}" is inactive` }),
  activeChildren: (codes: readonly string[]) => ({
    zh: `下级分类“${codes.join('、')}”仍在启用：请先停用，或在文件中一并停用`,
    en: `active subcategories ${codes.join(', ')}: deactivate them first, or in the same file`,
  }),
};

export async function planCategoriesImport(db: Db, data: Buffer, lang: Lang): Promise<{ steps: CategoryStep[]; errors: TableError[] }> {
  const read = await readTable(data, categoriesSpec, lang);
  const errors: TableError[] = [...read.errors];
  if (read.rows.length === 0) return { steps: [], errors };
  const header = (k: CategoryColumn) => categoriesSpec.columns.find((c) => c.key === k)!.header;
  const stored = new Map((await createCategoriesRepo(db).all()).map((c) => [c.code, c]));
  const fileRows = new Map<string, number>();
  for (const { row, values } of read.rows) if (values.code !== '' && !fileRows.has(values.code)) fileRows.set(values.code, row);

  const steps: CategoryStep[] = [];
  for (const { row, values } of read.rows) {
    const bad = (k: CategoryColumn, reason: { zh: string; en: string }) => errors.push({ row, column: header(k), reason: reason[lang] });
    const before = errors.length;
    const code = values.code;
    if (code === '') bad('code', reasons.required);
    else if (!categoryCodeSchema.safeParse(code).success) bad('code', reasons.code(code));
    else if (fileRows.get(code) !== row) bad('code', reasons.duplicate(fileRows.get(code)!));
    if (values.name === '') bad('name', reasons.required);
    else if (!categoryNameZhSchema.safeParse(values.name).success) bad('name', reasons.nameTooLong);
    if (values.nameEn !== '' && !categoryNameEnSchema.safeParse(values.nameEn).success) bad('nameEn', reasons.nameTooLong);
    const parent = values.parent === '' ? null : values.parent;
    if (parent !== null) {
      if (parent === code) bad('parent', reasons.parentSelf);
      else if (!fileRows.has(parent) && !stored.has(parent)) bad('parent', reasons.parentUnknown(parent));
    }
    const a = values.active.replace(/\s/g, '');
    if (a !== '' && a !== ACTIVE_YES && a !== ACTIVE_NO) bad('active', reasons.active(values.active));
    if (errors.length > before) continue;
    const current = stored.get(code);
    const nameEn = values.nameEn !== '' ? values.nameEn : (current?.nameEn ?? values.name);
    const active = a !== ACTIVE_NO;
    const action = !current
      ? 'create'
      : current.nameZh === values.name && current.nameEn === nameEn && current.parentCode === parent && current.active === active
        ? 'unchanged'
        : 'update';
    const stateBefore = current
      ? { nameZh: current.nameZh, nameEn: current.nameEn, parentCode: current.parentCode, active: current.active }
      : null;
    steps.push({ row, action, name: `${code} ${values.name}`, code, nameZh: values.name, nameEn, parent, active, before: stateBefore });
  }

  // The tree after the import: no loop, no active category under an inactive one.
  const parentOf = new Map<string, string | null>();
  const activeOf = new Map<string, boolean>();
  for (const c of stored.values()) {
    parentOf.set(c.code, c.parentCode);
    activeOf.set(c.code, c.active);
  }
  for (const s of steps) {
    parentOf.set(s.code, s.parent);
    activeOf.set(s.code, s.active);
  }
  for (const s of steps) {
    let cursor = s.parent;
    for (let depth = 0; cursor !== null && depth <= MAX_DEPTH; depth++) {
      if (cursor === s.code || depth === MAX_DEPTH) {
        errors.push({ row: s.row, column: header('parent'), reason: reasons.loop[lang] });
        break;
      }
      cursor = parentOf.get(cursor) ?? null;
    }
    if (s.active && s.parent !== null && activeOf.get(s.parent) === false)
      errors.push({ row: s.row, column: header('active'), reason: reasons.inactiveParent(s.parent)[lang] });
  }
  // Stored subcategories the file leaves out stay as they are: an active one under a category the
  // file deactivates is reported on that category's row (a subcategory in the file, on its own row).
  const inFile = new Set(steps.map((s) => s.code));
  for (const s of steps) {
    if (s.active) continue;
    const children = [...stored.values()].filter((c) => !inFile.has(c.code) && c.active && c.parentCode === s.code).map((c) => c.code);
    if (children.length > 0) errors.push({ row: s.row, column: header('active'), reason: reasons.activeChildren(children.sort())[lang] });
  }
  return { steps, errors };
}

/** Write the plan (inside the caller's transaction): new categories parents first, then the changes. */
export async function applyCategoriesImport(trx: Db, steps: readonly CategoryStep[], audit: RowAudit): Promise<void> {
  const repo = createCategoriesRepo(trx);
  const known = new Set((await repo.all()).map((c) => c.code));
  let pending = steps.filter((s) => s.action !== 'unchanged');
  while (pending.length > 0) {
    const ready = pending.filter((s) => s.parent === null || known.has(s.parent));
    if (ready.length === 0) throw new Error('categories import: parents cannot be ordered');
    for (const s of ready) {
      await repo.upsert({ code: s.code, parentCode: s.parent, nameZh: s.nameZh, nameEn: s.nameEn });
      await repo.update(s.code, { active: s.active });
      known.add(s.code);
      const after = { nameZh: s.nameZh, nameEn: s.nameEn, parentCode: s.parent, active: s.active };
      await audit({
        action: s.before ? 'catalog.category.update' : 'catalog.category.create',
        target: { type: 'category', id: s.code },
        regionCode: null,
        detail: s.before ? { before: s.before, after, via: 'import' } : { ...after, via: 'import' },
      });
    }
    pending = pending.filter((s) => !ready.includes(s));
  }
}

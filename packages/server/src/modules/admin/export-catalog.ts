import type { Db } from '../../db/connect.ts';
import { buildTable, type TableSpec } from '../../xlsx/table.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCategoriesRepo } from '../settings/categories.repo.ts';

/**
 * The routing catalog (派单目录) as a workbook: the import template (empty) and the export of the
 * admin's rules in the same layout, so a centre edits its catalog in Excel and imports it back.
 *
 * A rule is category × region prefix → lead unit, with optional assisting units (协办单位, by name,
 * several separated by 、) and an optional time limit of its own (working days to answer), which
 * overrides the region's answer limit for cases dispatched to the rule's lead unit.
 */

export type CatalogColumn = 'category' | 'categoryName' | 'region' | 'unit' | 'assist' | 'timeLimit';

export const CATALOG_SHEET_NAME = '派单目录';
export const CATALOG_IMPORT_MAX_ROWS = 5000;
export const CATALOG_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export function catalogSpec(ctx: { categories: readonly string[]; units: readonly string[] }): TableSpec<CatalogColumn> {
  return {
    sheetName: CATALOG_SHEET_NAME,
    maxRows: CATALOG_IMPORT_MAX_ROWS,
    maxBytes: CATALOG_IMPORT_MAX_BYTES,
    columns: [
      {
        key: 'category',
        header: '诉求分类代码',
        required: true,
        width: 22,
        note: '分类代码，如 water.quality（见下拉列表）',
        aliases: ['分类代码'],
      },
      { key: 'categoryName', header: '分类名称', required: false, width: 18, note: '仅供阅读，导入时忽略' },
      { key: 'region', header: '区划代码', required: true, width: 14, note: '规则适用的区划代码或前缀，如 140802；须在您管辖的区划内' },
      {
        key: 'unit',
        header: '主办单位',
        required: true,
        width: 28,
        note: '承办单位的名称，须是您管辖区划内的在用单位',
        aliases: ['承办单位'],
      },
      {
        key: 'assist',
        header: '协办单位',
        required: false,
        width: 36,
        note: '选填，一个或多个单位名称，用“、”或“；”分隔，须是您管辖区划内的在用单位',
      },
      {
        key: 'timeLimit',
        header: '办理时限（工作日）',
        required: false,
        width: 16,
        note: '选填，1 至 365 的整数：按本规则派单的工单自受理起多少个工作日内答复；留空则按区划的办理时限',
        aliases: ['办理时限'],
      },
    ],
    lists: [
      { key: 'category', values: ctx.categories, title: '诉求分类代码' },
      { key: 'unit', values: ctx.units, title: '主办单位' },
      { key: 'assist', values: ctx.units, title: '协办单位', lenient: true },
    ],
    guide: [
      '派单目录导入说明',
      '每行一条规则：诉求分类 × 区划 → 主办单位（可加协办单位和本规则的办理时限）。同一分类和区划只能出现一行。',
      '导入先预览（新增、修改、不变的条数），确认后一次性写入；任何一行有错误，整个文件都不导入。',
      '文件中没有的规则保持不变；文件中已有分类和区划的规则，主办单位、协办单位和办理时限以文件为准。',
      '办理时限留空时按“设置 → 办理时限”中区划的答复时限；填写后，派给本规则主办单位的工单按此时限答复。',
    ],
  };
}

export async function catalogChoices(db: Db, scope: AdminScope) {
  const categories = (await createCategoriesRepo(db).all()).filter((c) => c.active);
  const units = (await createUnitsRepo(db).adminListUnder(scope.prefixes)).filter((u) => u.active);
  return { categories, units };
}

export async function buildCatalogWorkbook(db: Db, scope: AdminScope, withRules: boolean): Promise<{ data: Buffer; rows: number }> {
  const { categories, units } = await catalogChoices(db, scope);
  const spec = catalogSpec({ categories: categories.map((c) => c.code), units: [...new Set(units.map((u) => u.name))] });
  const rules = withRules ? await createCategoriesRepo(db).rulesUnder(scope.prefixes) : [];
  const data = await buildTable(
    spec,
    rules.map((r) => ({
      category: r.categoryCode,
      categoryName: r.categoryNameZh,
      region: r.regionPrefix,
      unit: r.unit.name,
      assist: r.assistUnits.map((a) => a.name).join('、'),
      timeLimit: r.timeLimitDays === null ? '' : String(r.timeLimitDays),
    })),
  );
  return { data, rows: rules.length };
}

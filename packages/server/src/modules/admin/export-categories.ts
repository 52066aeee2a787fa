import type { Db } from '../../db/connect.ts';
import { buildTable, type TableSpec } from '../../xlsx/table.ts';
import { createCategoriesRepo } from '../settings/categories.repo.ts';

/**
 * The category tree (诉求分类, one tree for the whole deployment) as a workbook: the import
 * template and the export in the same layout. A national setting: only the root system admin
 * imports it. The default tree is the demo's (no maintained package or public data set of
 * GB/T 39666-2020 政府热线服务分类与代码 was found); a centre imports its own.
 */

export type CategoryColumn = 'code' | 'name' | 'nameEn' | 'parent' | 'active';

export const CATEGORIES_SHEET_NAME = '诉求分类';
export const CATEGORIES_IMPORT_MAX_ROWS = 5000;
export const CATEGORIES_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const ACTIVE_YES = '是';
export const ACTIVE_NO = '否';

export const categoriesSpec: TableSpec<CategoryColumn> = {
  sheetName: CATEGORIES_SHEET_NAME,
  maxRows: CATEGORIES_IMPORT_MAX_ROWS,
  maxBytes: CATEGORIES_IMPORT_MAX_BYTES,
  columns: [
    {
      key: 'code',
      header: '分类代码',
      required: true,
      width: 22,
      note: '小写字母、数字和 _ . -，最多 64 位，如 water.outage；已有的代码会更新该分类',
    },
    { key: 'name', header: '分类名称', required: true, width: 24, note: '中文名称，最多 50 字' },
    { key: 'nameEn', header: '英文名称', required: false, width: 24, note: '选填，留空时沿用已有英文名称或中文名称' },
    { key: 'parent', header: '上级分类代码', required: false, width: 22, note: '选填：顶级分类留空；上级须在文件中或系统中已有' },
    { key: 'active', header: '是否启用', required: false, width: 10, note: '“是”或“否”，留空为“是”' },
  ],
  lists: [{ key: 'active', values: [ACTIVE_YES, ACTIVE_NO], title: '是否启用' }],
  guide: [
    '诉求分类导入说明',
    '诉求分类全国共用，只有全域系统管理员可以导入。每行一个分类；上级分类代码指向文件中或系统中已有的分类，不能形成循环。',
    '导入先预览（新增、修改、不变的条数），确认后一次性写入；任何一行有错误，整个文件都不导入。文件中没有的分类保持不变。',
    '停用的分类不能再被群众和受理员选择，已有工单不受影响；启用的分类，其上级也须启用。',
  ],
};

export async function buildCategoriesWorkbook(db: Db, withRows: boolean): Promise<{ data: Buffer; rows: number }> {
  const all = withRows ? await createCategoriesRepo(db).all() : [];
  const data = await buildTable(
    categoriesSpec,
    all.map((c) => ({
      code: c.code,
      name: c.nameZh,
      nameEn: c.nameEn,
      parent: c.parentCode ?? '',
      active: c.active ? ACTIVE_YES : ACTIVE_NO,
    })),
  );
  return { data, rows: all.length };
}

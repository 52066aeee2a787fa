import { unitKinds, type UnitKind } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { buildTable, type TableSpec } from '../../xlsx/table.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';

/**
 * The admin's units as a workbook: the import template (empty) and the export of the units of the
 * admin's regions in the same layout (the parent by name), to edit in Excel and import back.
 */

export type UnitColumn = 'name' | 'kind' | 'region' | 'regionName' | 'parent';

export const UNITS_SHEET_NAME = '单位';
export const UNITS_IMPORT_MAX_ROWS = 5000;
export const UNITS_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const unitKindNames: Record<UnitKind, string> = {
  centre: '政务服务中心',
  bureau: '委办局',
  township: '乡镇（街道）',
  department: '科室',
  office: '办公室',
  committee: '委员会',
};

export const unitsSpec: TableSpec<UnitColumn> = {
  sheetName: UNITS_SHEET_NAME,
  maxRows: UNITS_IMPORT_MAX_ROWS,
  maxBytes: UNITS_IMPORT_MAX_BYTES,
  columns: [
    { key: 'name', header: '单位名称', required: true, width: 30, note: '单位全称；文件中不得重复。与已有单位同名即修改该单位' },
    {
      key: 'kind',
      header: '类型',
      required: true,
      width: 16,
      note: `从下拉列表选择：${unitKinds.map((k) => unitKindNames[k]).join('、')}`,
    },
    { key: 'region', header: '区划代码', required: true, width: 14, note: '单位所在区划的代码（6 至 12 位），须在您管辖的区划内' },
    { key: 'parent', header: '上级单位', required: false, width: 30, note: '上级单位的名称（本文件中或系统中已有的单位），可空' },
    {
      key: 'regionName',
      header: '新建村（社区）名称',
      required: false,
      width: 22,
      note: '仅当 12 位区划代码（村、社区）尚不在系统中时填写：以此名称新建第五级区划，上级为其乡镇（街道）',
    },
  ],
  lists: [{ key: 'kind', values: unitKinds.map((k) => unitKindNames[k]), title: '类型' }],
  guide: [
    '单位导入说明',
    '每行一个单位：名称、类型、所在区划代码、上级单位名称。',
    '导入先预览（新增、修改、不变的个数），确认后一次性写入；任何一行有错误，整个文件都不导入。',
    '与系统中已有单位同名的行修改该单位的类型、区划和上级单位；文件中没有的单位保持不变（停用或删除请在单位页面操作）。',
    '村（社区）作为第五级区划时，请填写其 12 位区划代码；系统中还没有这个村（社区）时，在“新建村（社区）名称”列写上它的名称，导入时一并新建（其前 9 位须是已有的乡镇或街道）。',
  ],
};

export async function buildUnitsWorkbook(db: Db, scope: AdminScope, withUnits: boolean): Promise<{ data: Buffer; rows: number }> {
  const units = withUnits ? await createUnitsRepo(db).adminListUnder(scope.prefixes) : [];
  const names = new Map(units.map((u) => [u.id, u.name]));
  // Villages and communities (level 5) carry their names, so the export imports back into an empty deployment.
  const regionNames = await createRegionsRepo(db).names([...new Set(units.map((u) => u.regionCode).filter((c) => c.length === 12))]);
  const data = await buildTable(
    unitsSpec,
    units.map((u) => ({
      name: u.name,
      kind: unitKindNames[u.kind],
      region: u.regionCode,
      regionName: regionNames.get(u.regionCode)?.name ?? '',
      parent: u.parentId === null ? '' : (names.get(u.parentId) ?? ''),
    })),
  );
  return { data, rows: units.length };
}

import type { MatterStatus, OriginatorKind } from '@huiyin/core';
import { headerKey } from '../../../xlsx/header.ts';

/**
 * The import format of livelihood matters (民生事项 问题清单): its limits, its sheet and its columns.
 *
 * Import columns (sheet 民生事项, header texts exactly as below, one row = one matter raised by one
 * originator; * marks a required column):
 *
 * | header         | becomes                                                                     |
 * |----------------|-----------------------------------------------------------------------------|
 * | 事项标题*      | title (≤ 100 characters)                                                     |
 * | 事项描述       | description (≤ 4000)                                                        |
 * | 所属区域*      | regionCode, through ctx.resolveRegion: a name, a path such as 郊区西南舁乡北七村, or a 6/9/12-digit code |
 * | 领域*          | areaCode: an area's Chinese name (the drop-down), its code or its English name |
 * | 反映人类型*    | originators[0].kind: 个人 person, 住户 household, 企业 enterprise (and a few synonyms) |
 * | 反映人*        | originators[0].name: the person, the head of the household (户主), the enterprise |
 * | 联系电话       | originators[0].phone: required for 个人; a household needs 地址 or 联系电话      |
 * | 地址           | originators[0].address                                                       |
 * | 统一社会信用代码 | originators[0].creditCode: enterprises only, optional                      |
 * | 收集日期       | collectedOn: 2026-05-12, 2026/5/12, 2026.5.12, 2026年5月12日, 20260512, a date cell or an Excel serial number |
 * | 走访人         | collectedBy                                                                  |
 */

export const MATTER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const MATTER_IMPORT_MAX_ROWS = 20_000;
/** More errors than this are summarised in one last line. */
export const MATTER_IMPORT_MAX_ERRORS = 1000;
export const MATTER_SHEET_NAME = '民生事项';

export type ColumnKey =
  'title' | 'description' | 'region' | 'area' | 'kind' | 'name' | 'phone' | 'address' | 'creditCode' | 'collectedOn' | 'collectedBy';

export interface Column {
  key: ColumnKey;
  header: string;
  required: boolean;
  width: number;
  note: string;
  /** Other headers people write for it (compared without spaces, * and brackets). */
  aliases: readonly string[];
}

export const matterImportColumns: readonly Column[] = [
  {
    key: 'title',
    header: '事项标题*',
    required: true,
    width: 32,
    note: '必填。群众反映的问题，一句话概括，不超过 100 字。',
    aliases: ['事项名称', '问题', '问题标题', '标题', '事项'],
  },
  {
    key: 'description',
    header: '事项描述',
    required: false,
    width: 48,
    note: '选填。具体情况：位置、涉及多少户、持续多久等，不超过 4000 字。',
    aliases: ['问题描述', '描述', '具体情况', '事项内容', '详细描述'],
  },
  {
    key: 'region',
    header: '所属区域*',
    required: true,
    width: 26,
    note: '必填。问题所在的区域，尽量写到村（社区）。可填区域名称（如 西南舁乡）、从上级写起的名称（如 郊区西南舁乡北七村）或 6/9/12 位区划代码。名称重复时请加上上级区域名称。',
    aliases: ['区域', '所在区域', '所属村社区', '所在村社区', '村社区', '区划'],
  },
  {
    key: 'area',
    header: '领域*',
    required: true,
    width: 22,
    note: '必填。从下拉列表中选择所属领域。',
    aliases: ['所属领域', '领域分类', '类别'],
  },
  {
    key: 'kind',
    header: '反映人类型*',
    required: true,
    width: 13,
    note: '必填。从下拉列表中选择：个人、住户或企业。',
    aliases: ['反映人类别', '类型', '反映主体类型'],
  },
  {
    key: 'name',
    header: '反映人*',
    required: true,
    width: 18,
    note: '必填。个人填姓名，住户填户主姓名，企业填企业名称。',
    aliases: ['反映人姓名', '反映人名称', '姓名', '户主', '企业名称', '反映主体'],
  },
  {
    key: 'phone',
    header: '联系电话',
    required: false,
    width: 16,
    note: '个人必填；住户的联系电话和地址至少填一项。手机号或固定电话（如 0353-1234567），办结后用于答复。',
    aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'],
  },
  {
    key: 'address',
    header: '地址',
    required: false,
    width: 30,
    note: '住户的地址和联系电话至少填一项。不超过 200 字。',
    aliases: ['住址', '家庭住址', '联系地址', '详细地址'],
  },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    required: false,
    width: 22,
    note: '企业选填，18 位。个人和住户不填。',
    aliases: ['信用代码', '社会信用代码'],
  },
  {
    key: 'collectedOn',
    header: '收集日期',
    required: false,
    width: 13,
    note: '选填。如 2026-05-12、2026/5/12 或 2026年5月12日。留空按导入当天记。',
    aliases: ['日期', '走访日期', '反映日期', '收集时间'],
  },
  {
    key: 'collectedBy',
    header: '走访人',
    required: false,
    width: 12,
    note: '选填。收集该事项的走访干部姓名。',
    aliases: ['走访干部', '收集人', '登记人'],
  },
];

const columnByKey = Object.fromEntries(matterImportColumns.map((c) => [c.key, c])) as Record<ColumnKey, Column>;
export const headerOf = (key: ColumnKey) => columnByKey[key].header;
export const columnNumber = (key: ColumnKey) => matterImportColumns.indexOf(columnByKey[key]) + 1;

/** The columns by their headers and aliases, keyed by `headerKey`. */
export const columnByHeader = new Map<string, ColumnKey>();
for (const c of matterImportColumns) for (const h of [c.header, ...c.aliases]) columnByHeader.set(headerKey(h), c.key);

export const originatorKindNames: Record<Exclude<OriginatorKind, 'case'>, string> = {
  person: '个人',
  household: '住户',
  enterprise: '企业',
};

export const kindAliases = new Map<string, OriginatorKind | 'case'>([
  ...(Object.entries(originatorKindNames) as [OriginatorKind, string][]).flatMap(([k, zh]) => [[k, k] as const, [zh, k] as const]),
  ['群众', 'person'],
  ['居民', 'person'],
  ['村民', 'person'],
  ['本人', 'person'],
  ['个体', 'person'],
  ['户', 'household'],
  ['家庭', 'household'],
  ['农户', 'household'],
  ['住户户主', 'household'],
  ['公司', 'enterprise'],
  ['单位', 'enterprise'],
  ['个体工商户', 'enterprise'],
  ['商户', 'enterprise'],
  ['case', 'case'],
  ['案件', 'case'],
  ['诉求', 'case'],
]);

export const matterStatusNames: Record<MatterStatus, string> = { open: '待立项', merged: '已合并', selected: '已立项', answered: '已答复' };

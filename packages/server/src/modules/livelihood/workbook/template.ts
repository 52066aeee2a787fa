import type { LivelihoodArea } from '@huiyin/core';
import ExcelJS from 'exceljs';
import { addListValidation, writeExampleRow, writeHeaderRow } from '../../../xlsx/template.ts';
import {
  MATTER_IMPORT_MAX_ROWS,
  MATTER_SHEET_NAME,
  columnNumber,
  matterImportColumns,
  originatorKindNames,
  type ColumnKey,
} from './columns.ts';

const TEMPLATE_VALIDATION_ROWS = 5000;

/** The grey example row of the template: the import skips it while it is unchanged. */
export const EXAMPLE_TITLE = '（示例）村口道路破损，雨天积水严重';
export const EXAMPLE_DESCRIPTION = '（示例行，导入时自动跳过，可删除）北七村村口至小学约 300 米水泥路面破损，雨天积水，学生上下学不便。';

function exampleRow(ctx: { areas: readonly LivelihoodArea[]; regionExamples: readonly string[] }): Record<ColumnKey, ExcelJS.CellValue> {
  return {
    title: EXAMPLE_TITLE,
    description: EXAMPLE_DESCRIPTION,
    region: ctx.regionExamples[0] ?? '',
    area: (ctx.areas.find((a) => a.code === 'livelihood') ?? ctx.areas[0])?.zh ?? '',
    kind: originatorKindNames.person,
    name: '张三',
    phone: '13800138000',
    address: '北七村二组',
    creditCode: null,
    collectedOn: new Date(Date.UTC(2026, 4, 12)),
    collectedBy: '李四',
  };
}

/**
 * The import template: sheet 民生事项 (headers with a note each, required ones in red, a grey
 * example row that the import skips, drop-downs for 领域 and 反映人类型, text format for phones and
 * codes), sheet 填写说明 (the columns, the areas, region examples, the rules) and a hidden sheet
 * holding the drop-down's list of areas (a range, so any number of areas and any characters work).
 */
export async function buildMatterTemplate(ctx: { areas: readonly LivelihoodArea[]; regionExamples: readonly string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '回音 Huiyin';
  const ws = wb.addWorksheet(MATTER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');
  const lists = wb.addWorksheet('下拉选项', { state: 'hidden' });
  ws.columns = matterImportColumns.map((c) => ({ key: c.key, width: c.width }));

  writeHeaderRow(ws, matterImportColumns);
  writeExampleRow(ws, matterImportColumns, exampleRow(ctx));

  for (const key of ['phone', 'creditCode', 'region'] as const) ws.getColumn(columnNumber(key)).numFmt = '@';
  ws.getColumn(columnNumber('collectedOn')).numFmt = 'yyyy-mm-dd';
  ws.getColumn(columnNumber('description')).alignment = { wrapText: true, vertical: 'top' };

  lists.getColumn(1).width = 30;
  ctx.areas.forEach((a, i) => (lists.getCell(i + 1, 1).value = a.zh));
  if (ctx.areas.length > 0) {
    addListValidation(ws, columnNumber('area'), TEMPLATE_VALIDATION_ROWS, {
      formula: `'下拉选项'!$A$1:$A$${ctx.areas.length}`,
      title: '领域',
      error: '请从下拉列表中选择领域',
      prompt: '从下拉列表中选择',
    });
  }
  const kinds = Object.values(originatorKindNames);
  addListValidation(ws, columnNumber('kind'), TEMPLATE_VALIDATION_ROWS, {
    formula: `"${kinds.join(',')}"`,
    title: '反映人类型',
    error: `请从列表中选择：${kinds.join('、')}`,
    prompt: kinds.join('、'),
  });

  guide.columns = [{ width: 18 }, { width: 10 }, { width: 96 }];
  guide.addRow(['列', '是否必填', '说明']).font = { bold: true };
  for (const c of matterImportColumns) guide.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  guide.addRow([]);
  guide.addRow(['领域', '', '从下拉列表中选择，也可填写领域代码：']).font = { bold: true };
  for (const a of ctx.areas) guide.addRow(['', a.code, a.zh]);
  guide.addRow([]);
  guide.addRow([
    '反映人类型',
    '',
    '个人（须填联系电话）、住户（填户主姓名，地址和联系电话至少填一项）、企业（填企业名称，可填统一社会信用代码）',
  ]).font = { bold: true };
  guide.addRow([]);
  guide.addRow([
    '所属区域示例',
    '',
    ctx.regionExamples.length > 0 ? ctx.regionExamples.join('、') : '西南舁乡、郊区西南舁乡北七村、140311',
  ]).font = { bold: true };
  guide.addRow([]);
  guide.addRow([
    '导入规则',
    '',
    `只读取“${MATTER_SHEET_NAME}”工作表，第 1 行为表头，从第 2 行起每行一个事项、一位反映人；同一事项有多位反映人的，可各填一行，导入后再合并。灰色的示例行原样保留时自动跳过，也可以删除；空行跳过。一次最多 ${MATTER_IMPORT_MAX_ROWS} 行。任何一行有误时整个文件都不导入，并列出每个错误的行号、列名和原因。`,
  ]).font = { bold: true };
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

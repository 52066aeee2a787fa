import { policyLevels, type PolicyLevel } from '@huiyin/core';
import ExcelJS from 'exceljs';
import { addListValidation, writeExampleRow, writeHeaderRow, type TemplateColumn } from '../../xlsx/template.ts';

/** The policy library's import format: its sheet, its columns, the example row, and the template an admin downloads. */

export const SHEET_NAME = '政策条文';
const TEMPLATE_VALIDATION_ROWS = 1000;

export const levelNames: Record<PolicyLevel, string> = {
  law: '法律',
  regulation: '行政法规',
  rule: '规章',
  normative: '规范性文件',
  guide: '办事指南',
};

export type ColumnKey = 'title' | 'docNumber' | 'issuer' | 'level' | 'articleNo' | 'body' | 'effectiveFrom' | 'repealedOn' | 'tags';

export interface Column extends TemplateColumn<ColumnKey> {
  width: number;
}

export const importColumns: readonly Column[] = [
  { key: 'title', header: '标题', width: 34, required: true, note: '必填。法规、规章或文件的名称，不超过 200 字。' },
  {
    key: 'docNumber',
    header: '文号',
    width: 28,
    required: true,
    note: '必填。发文字号，如 国务院令第158号。文号与条款号相同的行，导入时更新已有条文。',
  },
  { key: 'issuer', header: '发布机关', width: 24, required: true, note: '必填。' },
  {
    key: 'level',
    header: '效力层级',
    width: 14,
    required: false,
    note: '从下拉列表选择：法律、行政法规、规章、规范性文件、办事指南。留空按规范性文件处理。',
  },
  { key: 'articleNo', header: '条款号', width: 14, required: false, note: '如 第二十二条；整篇办事指南可留空。' },
  { key: 'body', header: '条文内容', width: 80, required: true, note: '必填。条文原文，不超过 20000 字。' },
  { key: 'effectiveFrom', header: '生效日期', width: 13, required: false, note: '日期，如 2024-03-01。' },
  { key: 'repealedOn', header: '废止日期', width: 13, required: false, note: '已废止的填写废止日期，不得早于生效日期；现行有效的留空。' },
  { key: 'tags', header: '标签', width: 30, required: false, note: '多个标签用顿号（、）或逗号分隔，每个不超过 20 字。' },
];

/** The template's example row (grey): left as it is, the import skips it. */
export const exampleRow: Record<ColumnKey, ExcelJS.CellValue> = {
  title: '城市供水条例（示例）',
  docNumber: '国务院令第158号',
  issuer: '国务院',
  level: levelNames.regulation,
  articleNo: '第二十二条',
  body: '（示例，导入时自动跳过）供水企业应当保持不间断供水。因工程施工、设备维修等原因确需停止供水的，应当经城市供水行政主管部门批准，并提前24小时通知用水单位和个人。',
  effectiveFrom: utcDate('1994-10-01'),
  repealedOn: null,
  tags: '停水、供水、提前通知',
};

/** The import template: headers with notes, a level drop-down, an example row, frozen header, a guide sheet. */
export async function buildImportTemplate(now: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '回音 Huiyin';
  wb.created = now;
  wb.modified = now;
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = importColumns.map((c) => ({ key: c.key, width: c.width }));

  writeHeaderRow(ws, importColumns);
  writeExampleRow(ws, importColumns, exampleRow);
  addListValidation(ws, columnNumber('level'), TEMPLATE_VALIDATION_ROWS, {
    formula: `"${policyLevels.map((l) => levelNames[l]).join(',')}"`,
    title: '效力层级',
    error: '请从列表中选择：法律、行政法规、规章、规范性文件、办事指南',
    prompt: '法律、行政法规、规章、规范性文件、办事指南',
  });
  for (const key of ['effectiveFrom', 'repealedOn'] as const) ws.getColumn(columnNumber(key)).numFmt = 'yyyy-mm-dd';
  ws.getColumn(columnNumber('body')).alignment = { wrapText: true, vertical: 'top' };

  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 14 }, { width: 10 }, { width: 90 }];
  guide.addRow(['列', '是否必填', '说明']).font = { bold: true };
  for (const c of importColumns) guide.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  guide.addRow([]);
  guide.addRow(['效力层级', '', policyLevels.map((l) => `${levelNames[l]}（${l}）`).join('、')]);
  guide.addRow([
    '导入规则',
    '',
    '只读取“政策条文”工作表，第 1 行为表头，从第 2 行起每行一条。灰色的示例行原样保留时自动跳过，也可以删除。文号和条款号与已有条文相同的行更新该条文。任何一行有误时整个文件都不导入，并列出每个错误的行号、列名和原因。',
  ]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function columnNumber(key: ColumnKey): number {
  return importColumns.findIndex((c) => c.key === key) + 1;
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

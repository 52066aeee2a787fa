import ExcelJS from 'exceljs';
import type { Lang } from '../http/error-mapping.ts';
import { cellText, type Reason } from './cells.ts';
import { findHeader, headerKey, pickSheet } from './header.ts';
import { openWorkbook, tooManyRows } from './open-workbook.ts';
import { addListValidation, writeHeaderRow, type TemplateColumn } from './template.ts';

/**
 * A plain table workbook for imports that are edited and imported back (the admin's units and
 * routing catalog): one data sheet (header row, one record per row), a 填写说明 sheet, and hidden
 * drop-down lists; and reading such a sheet back into texts per column with Excel row numbers.
 */

export interface TableColumn<K extends string> extends TemplateColumn<K> {
  width: number;
  /** Other headers accepted on import. */
  aliases?: readonly string[];
}

export interface TableSpec<K extends string> {
  sheetName: string;
  columns: readonly TableColumn<K>[];
  /** Lines of the 填写说明 sheet. */
  guide: readonly string[];
  /** Drop-downs: the column and its choices. */
  lists?: readonly { key: K; values: readonly string[]; title: string; lenient?: boolean }[];
  maxRows: number;
  maxBytes: number;
}

export interface TableRow<K extends string> {
  row: number;
  values: Record<K, string>;
}

export interface TableError {
  row: number;
  column: string;
  reason: string;
}

/** The workbook: the data sheet (text cells), the guide, the hidden lists. */
export async function buildTable<K extends string>(spec: TableSpec<K>, data: readonly Record<K, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '回音 Huiyin';
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');
  const lists = wb.addWorksheet('下拉选项', { state: 'hidden' });
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  writeHeaderRow(ws, spec.columns);
  data.forEach((d, i) => {
    const row = ws.getRow(i + 2);
    spec.columns.forEach((c, j) => (row.getCell(j + 1).value = d[c.key]));
  });
  (spec.lists ?? []).forEach((l, i) => {
    const col = i + 1;
    l.values.forEach((v, r) => (lists.getCell(r + 1, col).value = v));
    if (l.values.length === 0) return;
    const letter = lists.getColumn(col).letter;
    addListValidation(ws, spec.columns.findIndex((c) => c.key === l.key) + 1, Math.max(spec.maxRows, data.length), {
      formula: `'下拉选项'!$${letter}$1:$${letter}$${l.values.length}`,
      title: l.title,
      error: `请从下拉列表中选择${l.title}`,
      prompt: l.lenient ? `从下拉列表中选择${l.title}；多个用“、”分隔` : `从下拉列表中选择${l.title}`,
      lenient: l.lenient,
    });
  });
  guide.getColumn(1).width = 100;
  const lines = [
    ...spec.guide,
    '',
    '各列说明：',
    ...spec.columns.map((c) => `${c.header}${c.required ? '（必填）' : '（选填）'}：${c.note}`),
  ];
  lines.forEach((l, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = l;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const messages = {
  noSheet: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  noRows: {
    zh: '表格中没有数据行（第 1 行为表头，从第 2 行起每行一条）',
    en: 'the sheet has no data rows (row 1 is the header, one record per row)',
  },
  missing: (h: string): Reason => ({ zh: `缺少“${h}”列，请使用导入模板`, en: `the column ${h} is missing: use the import template` }),
};

/**
 * The rows of the data sheet as trimmed texts, empty rows skipped; or the errors of the file
 * (row 0) and of unreadable cells. Never throws on bad content.
 */
export async function readTable<K extends string>(
  data: Buffer,
  spec: TableSpec<K>,
  lang: Lang,
): Promise<{ rows: TableRow<K>[]; errors: TableError[] }> {
  const fileError = (reason: Reason) => ({ rows: [], errors: [{ row: 0, column: '', reason: reason[lang] }] });
  const wb = await openWorkbook(data, { maxBytes: spec.maxBytes, maxRows: spec.maxRows, sheetName: spec.sheetName });
  if ('reason' in wb) return fileError(wb.reason);
  const byHeader = new Map<string, K>();
  for (const c of spec.columns) for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(headerKey(h), c.key);
  const ws = pickSheet(wb, spec.sheetName, byHeader);
  if (!ws) return fileError(messages.noSheet);
  const header = findHeader(ws, byHeader);
  const missing = spec.columns.filter((c) => c.required && !header.positions.has(c.key));
  if (missing.length > 0)
    return { rows: [], errors: missing.map((c) => ({ row: 0, column: c.header, reason: messages.missing(c.header)[lang] })) };

  const rows: TableRow<K>[] = [];
  const errors: TableError[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const excelRow = ws.getRow(r);
    const values = {} as Record<K, string>;
    let any = false;
    for (const c of spec.columns) {
      const at = header.positions.get(c.key);
      const t = at === undefined ? { text: '' } : cellText(excelRow.getCell(at).value);
      if ('bad' in t) {
        errors.push({ row: r, column: c.header, reason: t.bad[lang] });
        values[c.key] = '';
        any = true;
        continue;
      }
      values[c.key] = t.text;
      if (t.text !== '') any = true;
    }
    if (!any) continue;
    rows.push({ row: r, values });
    if (rows.length > spec.maxRows) return fileError(tooManyRows(spec.maxRows));
  }
  if (rows.length === 0 && errors.length === 0) return fileError(messages.noRows);
  return { rows, errors };
}

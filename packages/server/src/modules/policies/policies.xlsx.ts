import {
  DomainError,
  policyInputSchema,
  policyLevels,
  type ImportRowError,
  type Lang,
  type PolicyInput,
  type PolicyLevel,
} from '@huiyin/core';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { XLSX_MIME } from '../../xlsx/template.ts';
import { exampleRow, importColumns, levelNames, SHEET_NAME, type Column, type ColumnKey } from './policies-template.ts';

/**
 * The Excel side of the policy library: reading a filled-in workbook back into validated articles
 * with a report of every bad cell. The template an admin downloads is in policies-template.ts.
 */

/** Other names people write for a level (and the codes themselves). */
const levelAliases: Record<string, PolicyLevel> = {
  ...Object.fromEntries(policyLevels.map((l) => [l, l])),
  ...Object.fromEntries(Object.entries(levelNames).map(([code, name]) => [name, code as PolicyLevel])),
  地方性法规: 'regulation',
  法规: 'regulation',
  部门规章: 'rule',
  地方政府规章: 'rule',
  政府规章: 'rule',
  其他规范性文件: 'normative',
  指南: 'guide',
  服务指南: 'guide',
};

function isExample(cells: Partial<Record<ColumnKey, CellText>>): boolean {
  const text = (key: ColumnKey) => {
    const c = cells[key];
    return c && 'text' in c ? c.text : undefined;
  };
  return text('title') === exampleRow.title && text('docNumber') === exampleRow.docNumber && text('body') === exampleRow.body;
}

const MAX_ROWS = 5000;
/** An import workbook may be at most this large. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export { XLSX_MIME };
export { buildImportTemplate, levelNames } from './policies-template.ts';

export interface ImportRow {
  row: number;
  input: PolicyInput;
}

type CellText = { text: string } | { date: string } | { bad: string };

interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, CellText>>;
}

const fileMessages = {
  notXlsx: { zh: '文件不是有效的 Excel 工作簿（.xlsx）', en: 'the file is not an Excel workbook (.xlsx)' },
  noSheet: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  noRows: {
    zh: '表格中没有数据行（第 1 行为表头，从第 2 行起填写；灰色示例行不导入）',
    en: 'the sheet has no data rows (row 1 is the header, data starts at row 2; the grey example row is skipped)',
  },
  tooMany: { zh: `一次最多导入 ${MAX_ROWS} 行`, en: `at most ${MAX_ROWS} rows per import` },
};

/** Read the workbook's policy sheet: header by name, one SheetRow per non-empty row. Bad files are a 400. */
async function readSheet(data: Buffer, lang: Lang): Promise<SheetRow[]> {
  const invalid = (message: string, path = 'file') => DomainError.atField('validation_failed', { path, code: 'bad_file', message });
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) throw invalid(fileMessages.notXlsx[lang]);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid(fileMessages.notXlsx[lang]);
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw invalid(fileMessages.noSheet[lang]);

  const positions = new Map<ColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const name = headerName(cellText(cell.value));
    const column = importColumns.find((c) => c.header === name);
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    const message =
      lang === 'zh'
        ? `表头缺少必需的列：${missing.join('、')}（请使用导入模板）`
        : `the header lacks required columns: ${missing.join(', ')} (use the import template)`;
    throw DomainError.atField('validation_failed', { path: 'file', code: 'missing_columns', message }, message, {
      missingColumns: missing,
    });
  }

  const rows: SheetRow[] = [];
  const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 2; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: Partial<Record<ColumnKey, CellText>> = {};
    let any = false;
    for (const [key, col] of positions) {
      const value = row.getCell(col).value;
      const text = key === 'effectiveFrom' || key === 'repealedOn' ? dateCell(value) : cellText(value);
      if ('text' in text && text.text === '') continue;
      cells[key] = text;
      any = true;
    }
    if (!any || isExample(cells)) continue;
    if (rows.length >= MAX_ROWS) throw invalid(fileMessages.tooMany[lang]);
    rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw invalid(fileMessages.noRows[lang]);
  return rows;
}

/**
 * Read and validate every row of an import workbook. The rows come back only when all of them are
 * good; otherwise `errors` names each bad cell (Excel row, column header, reason).
 */
export async function readImportWorkbook(data: Buffer, lang: Lang): Promise<{ rows: ImportRow[]; errors: ImportRowError[] }> {
  const sheet = await readSheet(data, lang);
  const errors: ImportRowError[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet) {
    const result = validateRow(r, lang);
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const key = `${result.input.docNumber}\u0000${result.input.articleNo ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row: r.row,
        column: headerOf('articleNo'),
        reason: lang === 'zh' ? `与第 ${first} 行的文号和条款号相同` : `same document number and article number as row ${first}`,
      });
      continue;
    }
    seen.set(key, r.row);
    rows.push({ row: r.row, input: result.input });
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}

const zodLocale = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

function validateRow(r: SheetRow, lang: Lang): { input: PolicyInput } | { errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const fail = (key: ColumnKey, zh: string, en: string) =>
    errors.push({ row: r.row, column: headerOf(key), reason: lang === 'zh' ? zh : en });
  const data: Record<string, unknown> = {};
  for (const c of importColumns) {
    const cell = r.cells[c.key];
    if (cell === undefined) {
      if (c.required) fail(c.key, '必填项为空', 'required');
      continue;
    }
    if ('bad' in cell) {
      fail(c.key, `无法识别的值“${cell.bad}”`, `unreadable value "${cell.bad}"`);
      continue;
    }
    if (c.key === 'effectiveFrom' || c.key === 'repealedOn') {
      if ('date' in cell) data[c.key] = cell.date;
      else fail(c.key, `日期格式有误“${cell.text}”，应为 2024-03-01 这样的日期`, `not a date: "${cell.text}" (write 2024-03-01)`);
      continue;
    }
    const text = 'text' in cell ? cell.text : cell.date;
    if (c.key === 'level') {
      const level = levelAliases[text.replace(/\s+/g, '')] ?? levelAliases[text.toLowerCase()];
      if (level) data['level'] = level;
      else
        fail(
          'level',
          `效力层级“${text}”无效，应为 法律、行政法规、规章、规范性文件、办事指南 之一`,
          `unknown level "${text}" (法律, 行政法规, 规章, 规范性文件 or 办事指南)`,
        );
    } else if (c.key === 'tags') {
      data['tags'] = [
        ...new Set(
          text
            .split(/[、,，;；\n]+/u)
            .map((t) => t.trim())
            .filter((t) => t !== ''),
        ),
      ];
    } else {
      data[c.key] = text;
    }
  }
  // Checked here too: zod skips the schema's own cross-field check while another field is bad.
  const [from, to] = [data['effectiveFrom'], data['repealedOn']];
  if (typeof from === 'string' && typeof to === 'string' && to < from)
    fail('repealedOn', '废止日期早于生效日期', 'repealed before it took effect');
  const failed = new Set(errors.map((e) => e.column));
  const parsed = policyInputSchema.safeParse(data, { error: zodLocale[lang] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const column = importColumns.find((c) => c.key === key);
      if (!column || failed.has(column.header)) continue;
      failed.add(column.header);
      errors.push({ row: r.row, column: column.header, reason: reasonOf(issue, column, lang) });
    }
  }
  if (errors.length > 0 || !parsed.success)
    return {
      errors:
        errors.length > 0 ? errors : [{ row: r.row, column: '', reason: lang === 'zh' ? '本行内容不符合要求' : 'the row is invalid' }],
    };
  return { input: parsed.data };
}

function reasonOf(issue: z.core.$ZodIssue, column: Column, lang: Lang): string {
  const zh = lang === 'zh';
  if (column.key === 'repealedOn' && issue.code === 'custom') return zh ? '废止日期早于生效日期' : 'repealed before it took effect';
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (column.key === 'tags' && issue.path.length === 1) return zh ? `标签最多 ${max} 个` : `at most ${max} tags`;
    if (column.key === 'tags') return zh ? `每个标签不超过 ${max} 字` : `each tag at most ${max} characters`;
    return zh ? `不能超过 ${max} 字` : `at most ${max} characters`;
  }
  if (issue.code === 'too_small') return zh ? '不能为空' : 'must not be empty';
  if (issue.code === 'custom' && issue.message === 'contains control characters')
    return zh ? '含有不可见的控制字符' : 'contains control characters';
  return issue.message;
}

function headerOf(key: ColumnKey): string {
  return importColumns.find((c) => c.key === key)!.header;
}

/** A header as typed: without spaces, required-marks (*) and parenthesised hints such as （必填）. */
function headerName(raw: { text: string } | { bad: string } | { date: string }): string {
  const text = 'text' in raw ? raw.text : '';
  return text.replace(/[（(][^）)]*[）)]/gu, '').replace(/[\s*＊]/gu, '');
}

/** The text of a cell, whatever kind of value it holds. */
function cellText(v: ExcelJS.CellValue): { text: string } | { bad: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v) };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10) };
  if ('richText' in v)
    return {
      text: v.richText
        .map((t) => t.text)
        .join('')
        .trim(),
    };
  if ('hyperlink' in v) return { text: String(v.text ?? '').trim() };
  if ('error' in v) return { bad: v.error };
  if ('result' in v) return v.result === undefined ? { text: '' } : cellText(v.result as ExcelJS.CellValue);
  return { bad: String(v) };
}

/** A date cell: a real Excel date, a serial number, or text like 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日. */
function dateCell(v: ExcelJS.CellValue): CellText {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { bad: String(v) } : { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466) {
    // Excel's day serial, counted from 1899-12-30 (the 1900 leap-year bug included).
    return { date: new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10) };
  }
  if (v !== null && typeof v === 'object' && 'result' in v && v.result !== undefined) return dateCell(v.result as ExcelJS.CellValue);
  const t = cellText(v);
  if ('bad' in t || t.text === '') return t;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(t.text);
  if (!m) return t;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return z.iso.date().safeParse(iso).success ? { date: iso } : t;
}

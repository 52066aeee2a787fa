import type { LivelihoodArea, MatterInput } from '@huiyin/core';
import type { Lang } from '../../../http/error-mapping.ts';
import { cellText, dateCell, type CellText, type Reason } from '../../../xlsx/cells.ts';
import {
  MATTER_IMPORT_MAX_BYTES,
  MATTER_IMPORT_MAX_ERRORS,
  MATTER_IMPORT_MAX_ROWS,
  MATTER_SHEET_NAME,
  columnByHeader,
  matterImportColumns,
  type ColumnKey,
} from './columns.ts';
import { findHeader, pickSheet } from '../../../xlsx/header.ts';
import { openWorkbook, tooManyRows } from '../../../xlsx/open-workbook.ts';
import { EXAMPLE_DESCRIPTION, EXAMPLE_TITLE } from './template.ts';
import { areaLookup, validateRow, type MatterImportError, type RegionResolver, type SheetRow } from './validate-row.ts';

/**
 * Reading a filled-in import workbook into validated matters, with an error for every bad cell.
 * Pure over the buffer; the service resolves regions and writes to the database.
 *
 * Decisions:
 * - The header is found by name (spaces, the * mark and bracketed hints such as （必填） ignored, a
 *   few common synonyms accepted) in the first 10 rows, so a title row above it is fine; columns
 *   may be in any order. Unknown columns (序号, 备注 …) are ignored, and so are rows with content
 *   only in them.
 * - The template's grey example row is skipped while it is unchanged; completely empty rows are
 *   skipped silently. A sheet with no data row at all (the untouched template, say) is one error
 *   at row 0: “表格中没有数据行”, so that an upload never silently imports nothing.
 * - All or nothing: when any row is bad, `rows` is empty and `errors` names every bad cell (Excel
 *   row number, the column's header text, reason), at most MATTER_IMPORT_MAX_ERRORS of them plus
 *   one line counting the rest. Errors about the file as a whole have row 0 and column ''.
 * - Two rows with exactly the same content are an error on the second one (a copy-paste slip).
 * - The file is opened by `openWorkbook` (size, zip-bomb and merge limits; see there).
 */

export interface MatterImportRow {
  /** The Excel row number. */
  row: number;
  input: MatterInput;
}

const limits = { maxBytes: MATTER_IMPORT_MAX_BYTES, maxRows: MATTER_IMPORT_MAX_ROWS, sheetName: MATTER_SHEET_NAME };

const messages = {
  noSheet: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  noRows: {
    zh: '表格中没有数据行（第 1 行为表头，从第 2 行起每行填写一个事项；灰色示例行不导入）',
    en: 'the sheet has no data rows (row 1 is the header, one matter per row from row 2; the grey example row is skipped)',
  },
  tooManyRows: tooManyRows(MATTER_IMPORT_MAX_ROWS),
};

function isExample(cells: Partial<Record<ColumnKey, CellText>>): boolean {
  const text = (key: ColumnKey) => {
    const c = cells[key];
    return c && 'text' in c ? c.text : undefined;
  };
  return text('title') === EXAMPLE_TITLE && text('description') === EXAMPLE_DESCRIPTION;
}

/**
 * Read and validate every row of an import workbook. Never throws on bad content. The rows come
 * back only when all of them are good; otherwise `rows` is empty and `errors` names each bad
 * cell. Region texts are resolved once each through `ctx.resolveRegion`.
 */
export async function readMatterWorkbook(
  data: Buffer,
  ctx: { areas: readonly LivelihoodArea[]; resolveRegion: RegionResolver; lang: Lang },
): Promise<{ rows: MatterImportRow[]; errors: MatterImportError[] }> {
  const { lang } = ctx;
  const fileError = (reason: Reason) => ({ rows: [], errors: [{ row: 0, column: '', reason: reason[lang] }] });

  const wb = await openWorkbook(data, limits);
  if ('reason' in wb) return fileError(wb.reason);
  const ws = pickSheet(wb, MATTER_SHEET_NAME, columnByHeader);
  if (!ws) return fileError(messages.noSheet);

  const header = findHeader(ws, columnByHeader);
  const missing = matterImportColumns.filter((c) => c.required && !header.positions.has(c.key));
  if (missing.length > 0) {
    const list = missing.map((c) => c.header).join(lang === 'zh' ? '、' : ', ');
    return {
      rows: [],
      errors: missing.map((c) => ({
        row: header.row,
        column: c.header,
        reason:
          lang === 'zh'
            ? `表头缺少“${c.header}”列（共缺 ${list}），请使用导入模板`
            : `the header lacks the column "${c.header}" (missing: ${list}); use the import template`,
      })),
    };
  }

  const date1904 = Boolean(wb.properties?.date1904);
  const sheet: SheetRow[] = [];
  let tooMany = false;
  ws.eachRow((row, r) => {
    if (r <= header.row || tooMany) return;
    const cells: Partial<Record<ColumnKey, CellText>> = {};
    let any = false;
    for (const [key, col] of header.positions) {
      const value = row.getCell(col).value;
      const text = key === 'collectedOn' ? dateCell(value, date1904) : cellText(value);
      if ('text' in text && text.text === '') continue;
      cells[key] = text;
      any = true;
    }
    if (!any || isExample(cells)) return;
    if (sheet.length >= MATTER_IMPORT_MAX_ROWS) tooMany = true;
    else sheet.push({ row: r, cells });
  });
  if (tooMany) return fileError(messages.tooManyRows);
  if (sheet.length === 0) return fileError(messages.noRows);

  const regionCache = new Map<string, { code: string } | { error: string }>();
  const resolveRegion = (text: string) => {
    let hit = regionCache.get(text);
    if (!hit) {
      hit = ctx.resolveRegion(text);
      regionCache.set(text, hit);
    }
    return hit;
  };
  const areaOf = areaLookup(ctx.areas);

  const errors: MatterImportError[] = [];
  let errorCount = 0;
  const report = (e: MatterImportError) => {
    errorCount++;
    if (errors.length < MATTER_IMPORT_MAX_ERRORS) errors.push(e);
  };
  const rows: MatterImportRow[] = [];
  const seen = new Map<string, number>();
  for (const r of sheet) {
    const result = validateRow(r, { lang, areaOf, areas: ctx.areas, resolveRegion });
    if ('errors' in result) {
      result.errors.forEach(report);
      continue;
    }
    const key = JSON.stringify(result.input);
    const first = seen.get(key);
    if (first !== undefined) {
      report({
        row: r.row,
        column: '',
        reason: lang === 'zh' ? `与第 ${first} 行内容完全相同（重复行）` : `same content as row ${first} (a duplicate row)`,
      });
      continue;
    }
    seen.set(key, r.row);
    rows.push({ row: r.row, input: result.input });
  }
  if (errorCount > errors.length) {
    const more = errorCount - errors.length;
    errors.push({
      row: 0,
      column: '',
      reason:
        lang === 'zh' ? `另有 ${more} 处错误未列出，请先改正以上错误` : `${more} more errors not listed: correct the ones above first`,
    });
  }
  return errorCount > 0 ? { rows: [], errors } : { rows, errors: [] };
}

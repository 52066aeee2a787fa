import type ExcelJS from 'exceljs';
import { cellText } from './cells.ts';

/**
 * Finding the sheet to read and its header row by the column names, for any import whose columns
 * are known by their headers. The header is looked for in the first rows, so a title row above it
 * is fine, and columns may stand in any order.
 */

const HEADER_SEARCH_ROWS = 10;

/** A header as typed: NFKC, without spaces, the required mark and bracketed hints. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（【[][^)）】\]]*[)）】\]]/gu, '')
    .replace(/[\s*＊:：\u200b-\u200d\ufeff]/gu, '');
}

/** The sheet to read: `sheetName`, else the first with a recognisable header, else the first visible one. */
export function pickSheet<K extends string>(
  wb: ExcelJS.Workbook,
  sheetName: string,
  columns: ReadonlyMap<string, K>,
): ExcelJS.Worksheet | undefined {
  const named = wb.worksheets.find((w) => headerKey(w.name) === headerKey(sheetName));
  if (named) return named;
  const withHeader = wb.worksheets.find((w) => findHeader(w, columns).positions.size >= 3);
  return withHeader ?? wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
}

/**
 * The header row: the first of the top rows naming at least three columns (else row 1).
 * `columns` maps the `headerKey` of each header (and alias) to its column.
 */
export function findHeader<K extends string>(
  ws: ExcelJS.Worksheet,
  columns: ReadonlyMap<string, K>,
): { row: number; positions: Map<K, number> } {
  let found: { row: number; positions: Map<K, number> } | undefined;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const positions = new Map<K, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell.value);
      if (!('text' in text)) return;
      const key = columns.get(headerKey(text.text));
      if (key && !positions.has(key)) positions.set(key, col);
    });
    if (positions.size >= 3) return { row: r, positions };
    if (r === 1) found = { row: 1, positions };
  }
  return found ?? { row: 1, positions: new Map() };
}

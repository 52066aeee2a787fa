import type ExcelJS from 'exceljs';

/** Reading the values of uploaded cells: text whatever the cell holds, and dates in the forms people type. */

/** Why a cell or a file is refused, in both languages. */
export type Reason = { zh: string; en: string };
export type CellText = { text: string } | { date: string } | { bad: Reason };

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

/** The text of a cell, whatever kind of value it holds (rich text, formula result, hyperlink …). */
export function cellText(v: ExcelJS.CellValue): { text: string } | { bad: Reason } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.replace(INVISIBLE, '').trim() };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { text: '' };
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
      return {
        bad: {
          zh: `数字“${v}”过长，Excel 已丢失末几位：请把该列设为文本格式后重新填写`,
          en: `the number ${v} is too long for Excel, which lost its last digits: format the column as text and type it again`,
        },
      };
    }
    return { text: String(v) };
  }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10) };
  if ('richText' in v) return cellText(v.richText.map((t) => t.text).join(''));
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined || v.result === null) {
      return {
        bad: {
          zh: '公式没有保存计算结果，请在 Excel 或 WPS 中打开并保存后再导入',
          en: 'the formula has no saved result: open and save the file in Excel or WPS',
        },
      };
    }
    return cellText(v.result as ExcelJS.CellValue);
  }
  if ('error' in v) return { bad: { zh: `单元格是错误值 ${v.error}`, en: `the cell holds the error ${v.error}` } };
  return { bad: { zh: '无法识别的单元格内容', en: 'unreadable cell' } };
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH = Date.UTC(1904, 0, 1);

function isoOf(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

const invalidDate = (text: string): { bad: Reason } => ({
  bad: { zh: `“${text}”不是有效的日期`, en: `"${text}" is not a valid date` },
});

/**
 * A date cell: a real Excel date, a serial number (1900 or 1904 system), or text such as
 * 2026-05-12, 2026/5/12, 2026.5.12, 2026年5月12日 or 20260512 (a time after it is ignored).
 */
export function dateCell(v: ExcelJS.CellValue, date1904: boolean): CellText {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? invalidDate(String(v)) : { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      const iso = isoOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      return iso ? { date: iso } : invalidDate(String(v));
    }
    if (v >= 1 && v < 2958466)
      return { date: new Date((date1904 ? EXCEL_1904_EPOCH : EXCEL_EPOCH) + Math.floor(v) * DAY_MS).toISOString().slice(0, 10) };
    return invalidDate(String(v));
  }
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && v.result !== undefined && v.result !== null) {
    return dateCell(v.result as ExcelJS.CellValue, date1904);
  }
  const t = cellText(v);
  if ('bad' in t || t.text === '') return t;
  const s = t.text.normalize('NFKC');
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return t;
  const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { date: iso } : invalidDate(t.text);
}

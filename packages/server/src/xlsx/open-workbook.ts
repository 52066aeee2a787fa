import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import type { Reason } from './cells.ts';

/**
 * Opening an uploaded .xlsx safely, for any import: recognise what was uploaded (CSV, old .xls,
 * .ods, .xlsb …) and say in one sentence why it cannot be read, or open it.
 *
 * Protection: at most `limits.maxBytes`; the zip is checked before it is opened (every entry is
 * inflated with a cap, so lying size headers do not help a zip bomb, and merged cells are counted),
 * and data validations, conditional formats, drawings and hyperlink tables of the uploaded file are
 * not parsed (exceljs would expand a validation on a whole column into a million cells).
 */

export interface OpenLimits {
  /** The largest file accepted. */
  maxBytes: number;
  /** The data rows the import takes at most. */
  maxRows: number;
  /** The sheet the import reads, named when the file is far too large once unpacked. */
  sheetName: string;
}

/** All entries of the zip inflated may not exceed this (a 20,000-row sheet is ~15 MB of XML). */
const MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;
/** Row elements per worksheet exceljs may parse, per data row taken (rows that are only formatted count too). */
const SHEET_ROWS_PER_ROW = 3;
const MAX_ROW_CELLS = 1000;
/** Merged ranges per sheet, and cells covered by merges in the whole file. */
const MAX_MERGES = 5000;
const MAX_MERGED_CELLS = 1_000_000;

const messages = {
  empty: { zh: '文件是空的', en: 'the file is empty' },
  notXlsx: {
    zh: '文件不是有效的 Excel 工作簿（.xlsx），请使用导入模板',
    en: 'the file is not an Excel workbook (.xlsx): use the import template',
  },
  text: {
    zh: '文件是文本文件（如 CSV），不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入',
    en: 'the file is text (CSV or similar), not an Excel workbook: open it in Excel or WPS and save it as .xlsx',
  },
  legacy: {
    zh: '文件是旧版 .xls 格式或设置了打开密码：请在 Excel 或 WPS 中另存为 .xlsx（并取消密码）再导入',
    en: 'the file is an old .xls workbook or is password-protected: save it as .xlsx (without a password) and upload again',
  },
  ods: {
    zh: '文件是 OpenDocument 表格（.ods）：请另存为 .xlsx 再导入',
    en: 'the file is an OpenDocument spreadsheet (.ods): save it as .xlsx',
  },
  xlsb: {
    zh: '文件是 Excel 二进制工作簿（.xlsb）：请另存为 .xlsx 再导入',
    en: 'the file is a binary Excel workbook (.xlsb): save it as .xlsx',
  },
  encrypted: { zh: '压缩包内容已加密，无法读取', en: 'the archive is encrypted' },
  tooManyCells: {
    zh: `有的行超过 ${MAX_ROW_CELLS} 个单元格，请删除表格右侧多余的列后再导入`,
    en: `some rows have more than ${MAX_ROW_CELLS} cells: delete the extra columns on the right`,
  },
  merges: {
    zh: '合并单元格过多或范围过大，请取消合并单元格后再导入',
    en: 'too many or too large merged cells: unmerge them and upload again',
  },
  unreadable: {
    zh: '无法读取该工作簿（文件可能已损坏），请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入',
    en: 'the workbook cannot be read (it may be damaged): open it in Excel or WPS and save it as .xlsx again',
  },
};

const tooBig = (maxBytes: number): Reason => ({
  zh: `文件超过 ${maxBytes / 1024 / 1024} MB，请分成几个文件导入`,
  en: `the file is larger than ${maxBytes / 1024 / 1024} MB: split it into several files`,
});

const bomb = (sheetName: string): Reason => ({
  zh: `文件解压后过大（可能是损坏或恶意构造的文件），请只保留“${sheetName}”表格后重新保存`,
  en: `the file is far too large once unpacked (damaged or crafted): keep only the ${sheetName} sheet and save again`,
});

/** A sheet with more rows than an import takes (also said by the reader when it counts the data rows). */
export const tooManyRows = (maxRows: number): Reason => ({
  zh: `一次最多导入 ${maxRows} 行，请分成几个文件导入`,
  en: `at most ${maxRows} rows per import: split the file`,
});

type Fail = { reason: Reason };
const fail = (reason: Reason): Fail => ({ reason });

/** A quick look at the zip before exceljs opens it: what it holds, and that it is not a bomb. */
function inspectZip(data: Buffer, limits: OpenLimits): { names: Set<string> } | Fail {
  const u32 = (at: number) => data.readUInt32LE(at);
  const u16 = (at: number) => data.readUInt16LE(at);
  let eocd = -1;
  for (let i = data.length - 22, min = Math.max(0, data.length - 22 - 0xffff); i >= min; i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail(messages.notXlsx);
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) return fail(messages.notXlsx);
    const z64 = Number(data.readBigUInt64LE(locator + 8));
    if (z64 + 56 > data.length || u32(z64) !== 0x06064b50) return fail(messages.notXlsx);
    count = Number(data.readBigUInt64LE(z64 + 32));
    cdSize = Number(data.readBigUInt64LE(z64 + 40));
    cdOffset = Number(data.readBigUInt64LE(z64 + 48));
  }
  if (count > MAX_ZIP_ENTRIES) return fail(bomb(limits.sheetName));
  if (cdOffset + cdSize > data.length) return fail(messages.notXlsx);

  const names = new Set<string>();
  let total = 0;
  let mergedCells = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(p) !== 0x02014b50) return fail(messages.notXlsx);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    let compressed = u32(p + 20);
    let size = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    let local = u32(p + 42);
    const name = data.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\/+/, '');
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      // The zip64 extra field holds, in this order, those of the three that overflowed.
      for (let e = p + 46 + nameLength, end = e + extraLength; e + 4 <= end; e += 4 + u16(e + 2)) {
        if (u16(e) !== 0x0001) continue;
        let f = e + 4;
        const next = () => {
          const v = f + 8 <= data.length ? Number(data.readBigUInt64LE(f)) : Infinity;
          f += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressed === 0xffffffff) compressed = next();
        if (local === 0xffffffff) local = next();
        break;
      }
    }
    p += 46 + nameLength + extraLength + u16(p + 32);
    if (flags & 1) return fail(messages.encrypted);
    names.add(name);
    if (name.endsWith('/')) continue;
    if (local + 30 > data.length || u32(local) !== 0x04034b50) return fail(messages.notXlsx);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) return fail(messages.notXlsx);
    let content: Buffer;
    if (method === 0) content = data.subarray(start, start + compressed);
    else if (method === 8) {
      try {
        content = inflateRawSync(data.subarray(start, start + compressed), {
          maxOutputLength: Math.max(1, MAX_UNCOMPRESSED_BYTES - total),
        });
      } catch (e) {
        return fail(
          (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? bomb(limits.sheetName) : messages.notXlsx,
        );
      }
    } else return fail(messages.unreadable);
    total += Math.max(content.length, size);
    if (total > MAX_UNCOMPRESSED_BYTES) return fail(bomb(limits.sheetName));
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      mergedCells += mergedCellsOf(content);
      if (mergedCells > MAX_MERGED_CELLS) return fail(messages.merges);
    }
  }
  return { names };
}

/**
 * Cells covered by a sheet's merged ranges (Infinity past MAX_MERGES ranges). exceljs visits every
 * cell of every merge and compares each merge with all earlier ones, so both are capped.
 */
function mergedCellsOf(sheetXml: Buffer): number {
  const from = sheetXml.lastIndexOf('</sheetData>');
  const tail = sheetXml.toString('latin1', from < 0 ? 0 : from);
  const ref = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/g;
  let cells = 0;
  let merges = 0;
  for (let m = ref.exec(tail); m; m = ref.exec(tail)) {
    if (++merges > MAX_MERGES) return Infinity;
    if (m[3] === undefined) continue;
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    const cols = Math.abs(columnIndex(m[3]) - columnIndex(m[1]!)) + 1;
    cells += rows * cols;
  }
  return cells;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Recognise what was uploaded and open it, or say in one sentence why not. */
export async function openWorkbook(data: Buffer, limits: OpenLimits): Promise<ExcelJS.Workbook | Fail> {
  if (data.length === 0) return fail(messages.empty);
  if (data.length > limits.maxBytes) return fail(tooBig(limits.maxBytes));
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1) return fail(messages.legacy);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    const head = data.subarray(0, 4096);
    const binary = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
    return fail(binary ? messages.notXlsx : messages.text);
  }
  const zip = inspectZip(data, limits);
  if ('reason' in zip) return zip;
  if (!zip.names.has('xl/workbook.xml')) {
    if (zip.names.has('xl/workbook.bin')) return fail(messages.xlsb);
    if (zip.names.has('content.xml') && zip.names.has('mimetype')) return fail(messages.ods);
    return fail(messages.notXlsx);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      data as unknown as ExcelJS.Buffer,
      {
        ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'hyperlinks', 'tableParts'],
        maxRows: limits.maxRows * SHEET_ROWS_PER_ROW,
        maxCols: MAX_ROW_CELLS,
      } as unknown as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (e) {
    // exceljs stops at maxRows row elements ("Max row count …") or maxCols cells in a row ("Max c count …").
    const limit = /^Max (\w+) count \(\d+\) exceeded/.exec((e as Error).message);
    if (limit) return fail(limit[1] === 'row' ? tooManyRows(limits.maxRows) : messages.tooManyCells);
    return fail(messages.unreadable);
  }
  return wb;
}

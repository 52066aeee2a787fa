import { matterInputSchema, type LivelihoodArea, type MatterInput, type MatterStatus, type OriginatorKind } from '@huiyin/core';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { z } from 'zod';

/**
 * The Excel side of livelihood matters (民生事项 问题清单): the import template, reading a filled-in
 * workbook into validated matters with an error for every bad cell, and the export of a list.
 * Pure functions over buffers; the service resolves regions and writes to the database.
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
 *   row number, the column's header text from the table above, reason), at most
 *   MATTER_IMPORT_MAX_ERRORS of them plus one line counting the rest. Errors about the file as a
 *   whole have row 0 and column ''.
 * - Two rows with exactly the same content are an error on the second one (a copy-paste slip).
 * - Protection: at most MATTER_IMPORT_MAX_BYTES; the zip is checked before it is opened (every
 *   entry is inflated with a cap, so lying size headers do not help a zip bomb), and data
 *   validations, conditional formats, drawings and hyperlink tables of the uploaded file are not
 *   parsed (exceljs would expand a validation on a whole column into a million cells).
 */

export const MATTER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const MATTER_IMPORT_MAX_ROWS = 20_000;
/** More errors than this are summarised in one last line. */
export const MATTER_IMPORT_MAX_ERRORS = 1000;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MATTER_SHEET_NAME = '民生事项';

/** All entries of the zip inflated may not exceed this (a 20,000-row sheet is ~15 MB of XML). */
const MAX_UNCOMPRESSED_BYTES = 150 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2000;
/** Row elements per worksheet exceljs may parse (rows that are only formatted count too). */
const MAX_SHEET_ROWS = MATTER_IMPORT_MAX_ROWS * 3;
const MAX_ROW_CELLS = 1000;
/** Merged ranges per sheet, and cells covered by merges in the whole file. */
const MAX_MERGES = 5000;
const MAX_MERGED_CELLS = 1_000_000;
const HEADER_SEARCH_ROWS = 10;
const TEMPLATE_VALIDATION_ROWS = 5000;
/** Excel's limit for the text of a cell. */
const EXCEL_CELL_MAX = 32_767;

type Lang = 'zh' | 'en';

export interface RegionResolver {
  (text: string): { code: string } | { error: string };
}

export interface MatterImportRow {
  /** The Excel row number. */
  row: number;
  input: MatterInput;
}

export interface MatterImportError {
  /** The Excel row number (the header is row 1 in the template); 0 for the file as a whole. */
  row: number;
  /** The column's header text, e.g. 联系电话; '' for the row or the file as a whole. */
  column: string;
  reason: string;
}

// ---- columns ------------------------------------------------------------------------------

type ColumnKey = 'title' | 'description' | 'region' | 'area' | 'kind' | 'name' | 'phone' | 'address' | 'creditCode' | 'collectedOn' | 'collectedBy';

interface Column {
  key: ColumnKey;
  header: string;
  required: boolean;
  width: number;
  note: string;
  /** Other headers people write for it (compared without spaces, * and brackets). */
  aliases: readonly string[];
}

export const matterImportColumns: readonly Column[] = [
  { key: 'title', header: '事项标题*', required: true, width: 32, note: '必填。群众反映的问题，一句话概括，不超过 100 字。', aliases: ['事项名称', '问题', '问题标题', '标题', '事项'] },
  { key: 'description', header: '事项描述', required: false, width: 48, note: '选填。具体情况：位置、涉及多少户、持续多久等，不超过 4000 字。', aliases: ['问题描述', '描述', '具体情况', '事项内容', '详细描述'] },
  {
    key: 'region',
    header: '所属区域*',
    required: true,
    width: 26,
    note: '必填。问题所在的区域，尽量写到村（社区）。可填区域名称（如 西南舁乡）、从上级写起的名称（如 郊区西南舁乡北七村）或 6/9/12 位区划代码。名称重复时请加上上级区域名称。',
    aliases: ['区域', '所在区域', '所属村社区', '所在村社区', '村社区', '区划'],
  },
  { key: 'area', header: '领域*', required: true, width: 22, note: '必填。从下拉列表中选择所属领域。', aliases: ['所属领域', '领域分类', '类别'] },
  { key: 'kind', header: '反映人类型*', required: true, width: 13, note: '必填。从下拉列表中选择：个人、住户或企业。', aliases: ['反映人类别', '类型', '反映主体类型'] },
  { key: 'name', header: '反映人*', required: true, width: 18, note: '必填。个人填姓名，住户填户主姓名，企业填企业名称。', aliases: ['反映人姓名', '反映人名称', '姓名', '户主', '企业名称', '反映主体'] },
  { key: 'phone', header: '联系电话', required: false, width: 16, note: '个人必填；住户的联系电话和地址至少填一项。手机号或固定电话（如 0353-1234567），办结后用于答复。', aliases: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'] },
  { key: 'address', header: '地址', required: false, width: 30, note: '住户的地址和联系电话至少填一项。不超过 200 字。', aliases: ['住址', '家庭住址', '联系地址', '详细地址'] },
  { key: 'creditCode', header: '统一社会信用代码', required: false, width: 22, note: '企业选填，18 位。个人和住户不填。', aliases: ['信用代码', '社会信用代码'] },
  { key: 'collectedOn', header: '收集日期', required: false, width: 13, note: '选填。如 2026-05-12、2026/5/12 或 2026年5月12日。留空按导入当天记。', aliases: ['日期', '走访日期', '反映日期', '收集时间'] },
  { key: 'collectedBy', header: '走访人', required: false, width: 12, note: '选填。收集该事项的走访干部姓名。', aliases: ['走访干部', '收集人', '登记人'] },
];

const columnByKey = Object.fromEntries(matterImportColumns.map((c) => [c.key, c])) as Record<ColumnKey, Column>;
const headerOf = (key: ColumnKey) => columnByKey[key].header;
const columnNumber = (key: ColumnKey) => matterImportColumns.indexOf(columnByKey[key]) + 1;

/** A header as typed: NFKC, without spaces, the required mark and bracketed hints. */
function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（【[][^)）】\]]*[)）】\]]/gu, '')
    .replace(/[\s*＊:：\u200b-\u200d\ufeff]/gu, '');
}

const columnByHeader = new Map<string, ColumnKey>();
for (const c of matterImportColumns) for (const h of [c.header, ...c.aliases]) columnByHeader.set(headerKey(h), c.key);

export const originatorKindNames: Record<Exclude<OriginatorKind, 'case'>, string> = { person: '个人', household: '住户', enterprise: '企业' };

const kindAliases = new Map<string, OriginatorKind | 'case'>([
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

// ---- the template -----------------------------------------------------------------------------

const EXAMPLE_TITLE = '（示例）村口道路破损，雨天积水严重';
const EXAMPLE_DESCRIPTION = '（示例行，导入时自动跳过，可删除）北七村村口至小学约 300 米水泥路面破损，雨天积水，学生上下学不便。';

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

  const header = ws.getRow(1);
  matterImportColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = c.note;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF1F1F1F' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });
  header.height = 22;

  const example = exampleRow(ctx);
  const exampleCells = ws.getRow(2);
  matterImportColumns.forEach((c, i) => {
    const cell = exampleCells.getCell(i + 1);
    cell.value = example[c.key];
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });

  for (const key of ['phone', 'creditCode', 'region'] as const) ws.getColumn(columnNumber(key)).numFmt = '@';
  ws.getColumn(columnNumber('collectedOn')).numFmt = 'yyyy-mm-dd';
  ws.getColumn(columnNumber('description')).alignment = { wrapText: true, vertical: 'top' };

  lists.getColumn(1).width = 30;
  ctx.areas.forEach((a, i) => (lists.getCell(i + 1, 1).value = a.zh));
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const columnRange = (key: ColumnKey) => {
    const letter = ws.getColumn(columnNumber(key)).letter;
    return `${letter}2:${letter}${TEMPLATE_VALIDATION_ROWS + 1}`;
  };
  // One range per column rather than one validation per cell (see policies.xlsx.ts).
  if (ctx.areas.length > 0) {
    validations.add(columnRange('area'), {
      type: 'list',
      allowBlank: true,
      formulae: [`'下拉选项'!$A$1:$A$${ctx.areas.length}`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '领域',
      error: '请从下拉列表中选择领域',
      showInputMessage: true,
      promptTitle: '领域',
      prompt: '从下拉列表中选择',
    });
  }
  const kinds = Object.values(originatorKindNames);
  validations.add(columnRange('kind'), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${kinds.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '反映人类型',
    error: `请从列表中选择：${kinds.join('、')}`,
    showInputMessage: true,
    promptTitle: '反映人类型',
    prompt: kinds.join('、'),
  });

  guide.columns = [{ width: 18 }, { width: 10 }, { width: 96 }];
  guide.addRow(['列', '是否必填', '说明']).font = { bold: true };
  for (const c of matterImportColumns) guide.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  guide.addRow([]);
  guide.addRow(['领域', '', '从下拉列表中选择，也可填写领域代码：']).font = { bold: true };
  for (const a of ctx.areas) guide.addRow(['', a.code, a.zh]);
  guide.addRow([]);
  guide.addRow(['反映人类型', '', '个人（须填联系电话）、住户（填户主姓名，地址和联系电话至少填一项）、企业（填企业名称，可填统一社会信用代码）']).font = { bold: true };
  guide.addRow([]);
  guide.addRow(['所属区域示例', '', ctx.regionExamples.length > 0 ? ctx.regionExamples.join('、') : '西南舁乡、郊区西南舁乡北七村、140311']).font = { bold: true };
  guide.addRow([]);
  guide.addRow([
    '导入规则',
    '',
    `只读取“${MATTER_SHEET_NAME}”工作表，第 1 行为表头，从第 2 行起每行一个事项、一位反映人；同一事项有多位反映人的，可各填一行，导入后再合并。灰色的示例行原样保留时自动跳过，也可以删除；空行跳过。一次最多 ${MATTER_IMPORT_MAX_ROWS} 行。任何一行有误时整个文件都不导入，并列出每个错误的行号、列名和原因。`,
  ]).font = { bold: true };
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading ----------------------------------------------------------------------------------

type Reason = { zh: string; en: string };
type CellText = { text: string } | { date: string } | { bad: Reason };

interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, CellText>>;
}

const fileMessages = {
  empty: { zh: '文件是空的', en: 'the file is empty' },
  tooBig: {
    zh: `文件超过 ${MATTER_IMPORT_MAX_BYTES / 1024 / 1024} MB，请分成几个文件导入`,
    en: `the file is larger than ${MATTER_IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into several files`,
  },
  notXlsx: { zh: '文件不是有效的 Excel 工作簿（.xlsx），请使用导入模板', en: 'the file is not an Excel workbook (.xlsx): use the import template' },
  text: {
    zh: '文件是文本文件（如 CSV），不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入',
    en: 'the file is text (CSV or similar), not an Excel workbook: open it in Excel or WPS and save it as .xlsx',
  },
  legacy: {
    zh: '文件是旧版 .xls 格式或设置了打开密码：请在 Excel 或 WPS 中另存为 .xlsx（并取消密码）再导入',
    en: 'the file is an old .xls workbook or is password-protected: save it as .xlsx (without a password) and upload again',
  },
  ods: { zh: '文件是 OpenDocument 表格（.ods）：请另存为 .xlsx 再导入', en: 'the file is an OpenDocument spreadsheet (.ods): save it as .xlsx' },
  xlsb: { zh: '文件是 Excel 二进制工作簿（.xlsb）：请另存为 .xlsx 再导入', en: 'the file is a binary Excel workbook (.xlsb): save it as .xlsx' },
  encrypted: { zh: '压缩包内容已加密，无法读取', en: 'the archive is encrypted' },
  bomb: {
    zh: '文件解压后过大（可能是损坏或恶意构造的文件），请只保留“民生事项”表格后重新保存',
    en: 'the file is far too large once unpacked (damaged or crafted): keep only the 民生事项 sheet and save again',
  },
  tooManyCells: {
    zh: `有的行超过 ${MAX_ROW_CELLS} 个单元格，请删除表格右侧多余的列后再导入`,
    en: `some rows have more than ${MAX_ROW_CELLS} cells: delete the extra columns on the right`,
  },
  merges: {
    zh: '合并单元格过多或范围过大，请取消合并单元格后再导入',
    en: 'too many or too large merged cells: unmerge them and upload again',
  },
  unreadable: { zh: '无法读取该工作簿（文件可能已损坏），请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入', en: 'the workbook cannot be read (it may be damaged): open it in Excel or WPS and save it as .xlsx again' },
  noSheet: { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
  noRows: {
    zh: '表格中没有数据行（第 1 行为表头，从第 2 行起每行填写一个事项；灰色示例行不导入）',
    en: 'the sheet has no data rows (row 1 is the header, one matter per row from row 2; the grey example row is skipped)',
  },
  tooManyRows: {
    zh: `一次最多导入 ${MATTER_IMPORT_MAX_ROWS} 行，请分成几个文件导入`,
    en: `at most ${MATTER_IMPORT_MAX_ROWS} rows per import: split the file`,
  },
};

type Fail = { reason: Reason };
const fail = (reason: Reason): Fail => ({ reason });

/** A quick look at the zip before exceljs opens it: what it holds, and that it is not a bomb. */
function inspectZip(data: Buffer): { names: Set<string> } | Fail {
  const u32 = (at: number) => data.readUInt32LE(at);
  const u16 = (at: number) => data.readUInt16LE(at);
  let eocd = -1;
  for (let i = data.length - 22, min = Math.max(0, data.length - 22 - 0xffff); i >= min; i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return fail(fileMessages.notXlsx);
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) return fail(fileMessages.notXlsx);
    const z64 = Number(data.readBigUInt64LE(locator + 8));
    if (z64 + 56 > data.length || u32(z64) !== 0x06064b50) return fail(fileMessages.notXlsx);
    count = Number(data.readBigUInt64LE(z64 + 32));
    cdSize = Number(data.readBigUInt64LE(z64 + 40));
    cdOffset = Number(data.readBigUInt64LE(z64 + 48));
  }
  if (count > MAX_ZIP_ENTRIES) return fail(fileMessages.bomb);
  if (cdOffset + cdSize > data.length) return fail(fileMessages.notXlsx);

  const names = new Set<string>();
  let total = 0;
  let mergedCells = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(p) !== 0x02014b50) return fail(fileMessages.notXlsx);
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
    if (flags & 1) return fail(fileMessages.encrypted);
    names.add(name);
    if (name.endsWith('/')) continue;
    if (local + 30 > data.length || u32(local) !== 0x04034b50) return fail(fileMessages.notXlsx);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.length) return fail(fileMessages.notXlsx);
    let content: Buffer;
    if (method === 0) content = data.subarray(start, start + compressed);
    else if (method === 8) {
      try {
        content = inflateRawSync(data.subarray(start, start + compressed), { maxOutputLength: Math.max(1, MAX_UNCOMPRESSED_BYTES - total) });
      } catch (e) {
        return fail((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? fileMessages.bomb : fileMessages.notXlsx);
      }
    } else return fail(fileMessages.unreadable);
    total += Math.max(content.length, size);
    if (total > MAX_UNCOMPRESSED_BYTES) return fail(fileMessages.bomb);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      mergedCells += mergedCellsOf(content);
      if (mergedCells > MAX_MERGED_CELLS) return fail(fileMessages.merges);
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
async function openWorkbook(data: Buffer): Promise<ExcelJS.Workbook | Fail> {
  if (data.length === 0) return fail(fileMessages.empty);
  if (data.length > MATTER_IMPORT_MAX_BYTES) return fail(fileMessages.tooBig);
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1) return fail(fileMessages.legacy);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    const head = data.subarray(0, 4096);
    const binary = head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
    return fail(binary ? fileMessages.notXlsx : fileMessages.text);
  }
  const zip = inspectZip(data);
  if ('reason' in zip) return zip;
  if (!zip.names.has('xl/workbook.xml')) {
    if (zip.names.has('xl/workbook.bin')) return fail(fileMessages.xlsb);
    if (zip.names.has('content.xml') && zip.names.has('mimetype')) return fail(fileMessages.ods);
    return fail(fileMessages.notXlsx);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'picture', 'hyperlinks', 'tableParts'],
      maxRows: MAX_SHEET_ROWS,
      maxCols: MAX_ROW_CELLS,
    } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    // exceljs stops at maxRows row elements ("Max row count …") or maxCols cells in a row ("Max c count …").
    const limit = /^Max (\w+) count \(\d+\) exceeded/.exec((e as Error).message);
    if (limit) return fail(limit[1] === 'row' ? fileMessages.tooManyRows : fileMessages.tooManyCells);
    return fail(fileMessages.unreadable);
  }
  return wb;
}

/** The sheet to read: 民生事项, else the first with a recognisable header, else the first visible one. */
function pickSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = wb.worksheets.find((w) => headerKey(w.name) === headerKey(MATTER_SHEET_NAME));
  if (named) return named;
  const withHeader = wb.worksheets.find((w) => findHeader(w).positions.size >= 3);
  return withHeader ?? wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
}

/** The header row: the first of the top rows naming at least three columns (else row 1). */
function findHeader(ws: ExcelJS.Worksheet): { row: number; positions: Map<ColumnKey, number> } {
  let found: { row: number; positions: Map<ColumnKey, number> } | undefined;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const positions = new Map<ColumnKey, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell.value);
      if (!('text' in text)) return;
      const key = columnByHeader.get(headerKey(text.text));
      if (key && !positions.has(key)) positions.set(key, col);
    });
    if (positions.size >= 3) return { row: r, positions };
    if (r === 1) found = { row: 1, positions };
  }
  return found ?? { row: 1, positions: new Map() };
}

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

  const wb = await openWorkbook(data);
  if ('reason' in wb) return fileError(wb.reason);
  const ws = pickSheet(wb);
  if (!ws) return fileError(fileMessages.noSheet);

  const header = findHeader(ws);
  const missing = matterImportColumns.filter((c) => c.required && !header.positions.has(c.key));
  if (missing.length > 0) {
    const list = missing.map((c) => c.header).join(lang === 'zh' ? '、' : ', ');
    return {
      rows: [],
      errors: missing.map((c) => ({
        row: header.row,
        column: c.header,
        reason: lang === 'zh' ? `表头缺少“${c.header}”列（共缺 ${list}），请使用导入模板` : `the header lacks the column "${c.header}" (missing: ${list}); use the import template`,
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
  if (tooMany) return fileError(fileMessages.tooManyRows);
  if (sheet.length === 0) return fileError(fileMessages.noRows);

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
      report({ row: r.row, column: '', reason: lang === 'zh' ? `与第 ${first} 行内容完全相同（重复行）` : `same content as row ${first} (a duplicate row)` });
      continue;
    }
    seen.set(key, r.row);
    rows.push({ row: r.row, input: result.input });
  }
  if (errorCount > errors.length) {
    const more = errorCount - errors.length;
    errors.push({ row: 0, column: '', reason: lang === 'zh' ? `另有 ${more} 处错误未列出，请先改正以上错误` : `${more} more errors not listed: correct the ones above first` });
  }
  return errorCount > 0 ? { rows: [], errors } : { rows, errors: [] };
}

/** Areas by Chinese name, code or English name; quotes, spaces and case do not matter. */
function areaLookup(areas: readonly LivelihoodArea[]): (text: string) => string | undefined {
  const key = (s: string) => s.normalize('NFKC').replace(/[\s"'“”‘’「」『』]/gu, '').toLowerCase();
  const map = new Map<string, string>();
  for (const a of areas) for (const name of [a.en, a.code, a.zh]) map.set(key(name), a.code);
  return (text) => map.get(key(text));
}

const zodLocale = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

interface RowContext {
  lang: Lang;
  areas: readonly LivelihoodArea[];
  areaOf: (text: string) => string | undefined;
  resolveRegion: RegionResolver;
}

function validateRow(r: SheetRow, ctx: RowContext): { input: MatterInput } | { errors: MatterImportError[] } {
  const { lang } = ctx;
  const zh = lang === 'zh';
  const errors: MatterImportError[] = [];
  const failed = new Set<ColumnKey>();
  const bad = (key: ColumnKey, reasonZh: string, reasonEn: string) => {
    if (failed.has(key)) return;
    failed.add(key);
    errors.push({ row: r.row, column: headerOf(key), reason: zh ? reasonZh : reasonEn });
  };

  const text: Partial<Record<ColumnKey, string>> = {};
  let collectedOn: string | undefined;
  for (const c of matterImportColumns) {
    const cell = r.cells[c.key];
    if (cell === undefined) {
      if (c.required) bad(c.key, '必填项为空', 'required');
    } else if ('bad' in cell) bad(c.key, cell.bad.zh, cell.bad.en);
    else if (c.key === 'collectedOn') {
      if ('date' in cell) collectedOn = cell.date;
      else bad(c.key, `日期“${cell.text}”无法识别，请写成 2026-05-12、2026/5/12 或 2026年5月12日`, `"${cell.text}" is not a date (write 2026-05-12, 2026/5/12 or 2026年5月12日)`);
    } else text[c.key] = 'text' in cell ? cell.text : cell.date;
  }

  let regionCode: string | undefined;
  if (text.region !== undefined) {
    const hit = ctx.resolveRegion(text.region);
    if ('code' in hit) regionCode = hit.code;
    else bad('region', hit.error, hit.error);
  }
  let areaCode: string | undefined;
  if (text.area !== undefined) {
    areaCode = ctx.areaOf(text.area);
    if (areaCode === undefined) {
      const names = ctx.areas.map((a) => a.zh).join(zh ? '、' : ', ');
      bad('area', `领域“${text.area}”不存在，应为以下之一：${names}`, `unknown area "${text.area}" (one of: ${names})`);
    }
  }
  let kind: OriginatorKind | undefined;
  if (text.kind !== undefined) {
    const k = kindAliases.get(text.kind.normalize('NFKC').replace(/\s/gu, '').toLowerCase());
    if (k === 'case') bad('kind', '案件转来的事项不能通过表格导入，请在案件中操作“转为民生事项”', 'matters from cases cannot be imported: turn the case into a matter from the case');
    else if (k === undefined) bad('kind', `反映人类型“${text.kind}”无效，应为 个人、住户 或 企业`, `unknown originator type "${text.kind}" (个人, 住户 or 企业)`);
    else kind = k;
  }
  const creditCode = text.creditCode?.normalize('NFKC').replace(/[\s-]/gu, '').toUpperCase();
  // The originator's own rules, checked here so that they are reported with everything else
  // (zod skips the schema's refinement while another field is bad).
  if (kind === 'person' && text.phone === undefined && !failed.has('phone')) bad('phone', '反映人类型为个人时，联系电话必填（办结后用于答复）', 'a person needs a phone number (to be answered)');
  if (kind === 'household' && text.phone === undefined && text.address === undefined && !failed.has('phone')) bad('address', '住户的地址和联系电话至少填一项', 'a household needs an address or a phone number');
  if (kind !== undefined && kind !== 'enterprise' && creditCode !== undefined) bad('creditCode', '只有企业填写统一社会信用代码', 'only an enterprise has a unified social credit code');

  // An unknown type is already reported; enterprise, the kind with the fewest rules, stands in.
  const originator: Record<string, unknown> = { kind: kind ?? 'enterprise' };
  if (text.name !== undefined) originator['name'] = text.name;
  if (text.phone !== undefined) originator['phone'] = text.phone;
  if (text.address !== undefined) originator['address'] = text.address;
  if (creditCode !== undefined && kind === 'enterprise') originator['creditCode'] = creditCode;
  const input: Record<string, unknown> = {
    title: text.title ?? '',
    regionCode: regionCode ?? '000000',
    areaCode: areaCode ?? 'unknown',
    originators: [originator],
  };
  if (text.description !== undefined) input['description'] = text.description;
  if (collectedOn !== undefined) input['collectedOn'] = collectedOn;
  if (text.collectedBy !== undefined) input['collectedBy'] = text.collectedBy;

  const parsed = matterInputSchema.safeParse(input, { error: zodLocale[lang] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = keyOfPath(issue.path);
      if (key === undefined) {
        errors.push({ row: r.row, column: '', reason: zh ? `本行内容不符合要求（${issue.message}）` : issue.message });
        continue;
      }
      bad(key, reasonOf(issue, key, 'zh'), reasonOf(issue, key, 'en'));
    }
  }
  if (errors.length > 0 || !parsed.success) return { errors };
  return { input: parsed.data };
}

const pathColumns: Record<string, ColumnKey> = {
  title: 'title',
  description: 'description',
  regionCode: 'region',
  areaCode: 'area',
  collectedOn: 'collectedOn',
  collectedBy: 'collectedBy',
  kind: 'kind',
  name: 'name',
  phone: 'phone',
  address: 'address',
  creditCode: 'creditCode',
};

/** title → 事项标题*, originators.0.phone → 联系电话. */
function keyOfPath(path: readonly PropertyKey[]): ColumnKey | undefined {
  const field = path[0] === 'originators' ? path[2] : path[0];
  return typeof field === 'string' ? pathColumns[field] : undefined;
}

function reasonOf(issue: z.core.$ZodIssue, key: ColumnKey, lang: Lang): string {
  const zh = lang === 'zh';
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return zh ? `不能超过 ${max} 字` : `at most ${max} characters`;
  }
  if (issue.code === 'too_small') return zh ? '不能为空' : 'must not be empty';
  if (key === 'phone') return zh ? '不是有效的手机号或固定电话号码（如 13800138000 或 0353-1234567）' : 'not a Chinese mobile or landline number';
  if (key === 'creditCode') return zh ? '不是有效的 18 位统一社会信用代码' : 'not an 18-character unified social credit code';
  if (key === 'collectedOn') return zh ? '日期无效' : 'not a valid date';
  if (issue.code === 'custom' && issue.message === 'contains control characters') return zh ? '含有不可见的控制字符' : 'contains control characters';
  return zh ? `内容不符合要求（${issue.message}）` : issue.message;
}

// ---- cell values ------------------------------------------------------------------------------

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/gu;

/** The text of a cell, whatever kind of value it holds (rich text, formula result, hyperlink …). */
function cellText(v: ExcelJS.CellValue): { text: string } | { bad: Reason } {
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
      return { bad: { zh: '公式没有保存计算结果，请在 Excel 或 WPS 中打开并保存后再导入', en: 'the formula has no saved result: open and save the file in Excel or WPS' } };
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
function dateCell(v: ExcelJS.CellValue, date1904: boolean): CellText {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? invalidDate(String(v)) : { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'number' && Number.isFinite(v)) {
    if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
      const iso = isoOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
      return iso ? { date: iso } : invalidDate(String(v));
    }
    if (v >= 1 && v < 2958466) return { date: new Date((date1904 ? EXCEL_1904_EPOCH : EXCEL_EPOCH) + Math.floor(v) * DAY_MS).toISOString().slice(0, 10) };
    return invalidDate(String(v));
  }
  if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && v.result !== undefined && v.result !== null) {
    return dateCell(v.result as ExcelJS.CellValue, date1904);
  }
  const t = cellText(v);
  if ('bad' in t || t.text === '') return t;
  const s = t.text.normalize('NFKC');
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return t;
  const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { date: iso } : invalidDate(t.text);
}

// ---- export -----------------------------------------------------------------------------------

export interface MatterExportRow {
  id: number;
  title: string;
  description: string | null;
  /** The region's names from the top down, e.g. 阳泉市郊区西南舁乡北七村. */
  regionPath: string;
  areaName: string;
  /** A matter status code (written in Chinese) or a text to write as it is. */
  status: string;
  originatorCount: number;
  /** The originators in one text, e.g. 张三（个人）、李四家（住户）. */
  originators: string;
  /** yyyy-mm-dd, written as an Excel date. */
  collectedOn: string;
  collectedBy: string | null;
  projectTitle: string | null;
  mergedIntoId: number | null;
}

const exportColumns: { header: string; width: number; value: (r: MatterExportRow) => ExcelJS.CellValue; wrap?: boolean; date?: boolean }[] = [
  { header: '编号', width: 9, value: (r) => r.id },
  { header: '事项标题', width: 32, value: (r) => r.title, wrap: true },
  { header: '事项描述', width: 48, value: (r) => r.description, wrap: true },
  { header: '所属区域', width: 28, value: (r) => r.regionPath },
  { header: '领域', width: 20, value: (r) => r.areaName },
  { header: '状态', width: 10, value: (r) => (matterStatusNames as Record<string, string>)[r.status] ?? r.status },
  { header: '反映人数', width: 10, value: (r) => r.originatorCount },
  { header: '反映人', width: 36, value: (r) => r.originators, wrap: true },
  { header: '收集日期', width: 13, value: (r) => dateValue(r.collectedOn), date: true },
  { header: '走访人', width: 12, value: (r) => r.collectedBy },
  { header: '所属项目', width: 30, value: (r) => r.projectTitle, wrap: true },
  { header: '合并至事项', width: 11, value: (r) => r.mergedIntoId },
];

/** The header texts of the export, in order. */
export const matterExportHeaders: readonly string[] = exportColumns.map((c) => c.header);

function dateValue(iso: string): ExcelJS.CellValue {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : iso;
}

/** Text safe for a cell: no characters XML 1.0 forbids, within Excel's 32,767 characters. */
function safeCell(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof v !== 'string') return v ?? null;
  const clean = v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.length > EXCEL_CELL_MAX ? `${clean.slice(0, EXCEL_CELL_MAX - 1)}…` : clean;
}

/**
 * The export of a filtered list: the title in row 1, the headers in row 2 (frozen, with an
 * autofilter), one matter per row from row 3, dates as real dates.
 */
export async function buildMatterExport(rows: readonly MatterExportRow[], ctx: { title: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '回音 Huiyin';
  wb.title = ctx.title;
  const ws = wb.addWorksheet(MATTER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = exportColumns.map((c) => ({ width: c.width }));

  const last = ws.getColumn(exportColumns.length).letter;
  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = safeCell(ctx.title);
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 28;

  const header = ws.getRow(2);
  exportColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });
  header.height = 20;

  for (const r of rows) ws.addRow(exportColumns.map((c) => safeCell(c.value(r))));
  exportColumns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.date) col.numFmt = 'yyyy-mm-dd';
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // Column styles also reach rows 1-2: give the title and header theirs back.
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => (cell.alignment = { vertical: 'middle', horizontal: 'center' }));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: exportColumns.length } };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

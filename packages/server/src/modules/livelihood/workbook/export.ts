import ExcelJS from 'exceljs';
import { MATTER_SHEET_NAME, matterStatusNames } from './columns.ts';

/** Excel's limit for the text of a cell. */
const EXCEL_CELL_MAX = 32_767;

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

const exportColumns: { header: string; width: number; value: (r: MatterExportRow) => ExcelJS.CellValue; wrap?: boolean; date?: boolean }[] =
  [
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

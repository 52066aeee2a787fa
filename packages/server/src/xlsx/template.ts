import type ExcelJS from 'exceljs';

/**
 * Writing an import template, for any import whose columns are known by their headers: the
 * header row with a note on each column (required ones in red), the grey example row the import
 * skips, and drop-down lists over a column.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TemplateColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
  note: string;
}

/** Row 1: each column's header with its note, bold, required ones in red, on a light blue fill. */
export function writeHeaderRow<K extends string>(ws: ExcelJS.Worksheet, columns: readonly TemplateColumn<K>[]): void {
  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = c.note;
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF1F1F1F' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });
  header.height = 22;
}

/** Row 2: the example, grey and italic. */
export function writeExampleRow<K extends string>(
  ws: ExcelJS.Worksheet,
  columns: readonly TemplateColumn<K>[],
  example: Record<K, ExcelJS.CellValue>,
): void {
  const row = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = example[c.key];
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });
}

/**
 * A drop-down list on one column, rows 2 to `rows` + 1. One range rather than a validation per
 * cell: exceljs merges per-cell ones into overlapping ranges (it sorts D10 before D2), which Excel
 * may report as damaged.
 */
export function addListValidation(
  ws: ExcelJS.Worksheet,
  column: number,
  rows: number,
  list: { formula: string; title: string; error: string; prompt: string; lenient?: boolean | undefined },
): void {
  const letter = ws.getColumn(column).letter;
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${letter}2:${letter}${rows + 1}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [list.formula],
      showErrorMessage: true,
      // lenient: a value off the list (several choices in one cell) is allowed after a notice.
      errorStyle: list.lenient ? 'information' : 'stop',
      errorTitle: list.title,
      error: list.error,
      showInputMessage: true,
      promptTitle: list.title,
      prompt: list.prompt,
    },
  );
}

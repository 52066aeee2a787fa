/**
 * The Excel side of livelihood matters (民生事项 问题清单): the import template, reading a filled-in
 * workbook into validated matters with an error for every bad cell, and the export of a list.
 * Pure functions over buffers; the service resolves regions and writes to the database.
 * The pieces live in ./workbook/ (columns, template, validate-row, read, export), on the generic
 * helpers of src/xlsx/ (cells, header, open-workbook, template); this module is what the rest of
 * the server imports.
 */
export {
  MATTER_IMPORT_MAX_BYTES,
  MATTER_IMPORT_MAX_ERRORS,
  MATTER_IMPORT_MAX_ROWS,
  MATTER_SHEET_NAME,
  matterImportColumns,
  matterStatusNames,
  originatorKindNames,
} from './workbook/columns.ts';
export { XLSX_MIME } from '../../xlsx/template.ts';
export { buildMatterExport, matterExportHeaders, type MatterExportRow } from './workbook/export.ts';
export { readMatterWorkbook, type MatterImportRow } from './workbook/read.ts';
export { buildMatterTemplate } from './workbook/template.ts';
export type { MatterImportError, RegionResolver } from './workbook/validate-row.ts';

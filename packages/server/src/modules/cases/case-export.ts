import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  CASE_EXPORT_MAX_ROWS,
  DomainError,
  caseScopeFor,
  caseStatusZh,
  caseTypeZh,
  channelZh,
  maskPhone,
  normalizePhone,
  searchTerms,
  type AuthUser,
  type ExportCasesQuery,
  type Lang,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { regionOfUser, recordAuditAlone } from '../audit/audit-log.ts';
import { namesFromCounty } from '../regions/region-names.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { showsFullPhone } from './case-view.ts';
import { createCasesRepo, type ListFilter } from './cases.repo.ts';

/** Excel's limit for the text of a cell. */
const EXCEL_CELL_MAX = 32_767;
/** How much of the request's content the list shows beside the title. */
const SUMMARY_CHARS = 200;
/** Excel dates carry no zone: cells show Beijing time. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

export interface CaseExportDeps {
  db: Db;
  clock: Clock;
  /** The most cases one workbook may hold (tests inject a small one). */
  maxRows?: number;
  /** Cases read from the database at a time while the workbook is written. */
  batchSize?: number;
}

/** One row of the export, already in the words and masking the caller is shown. */
interface ExportLine {
  row: CaseRow;
  phone: string;
  regionName: string;
  categoryName: string;
  leadUnit: string;
  assistUnits: string;
}

const columns: { header: string; width: number; value: (l: ExportLine) => ExcelJS.CellValue; date?: boolean }[] = [
  { header: '受理编号', width: 20, value: (l) => l.row.tracking_no },
  { header: '类型', width: 8, value: (l) => caseTypeZh[l.row.type] },
  { header: '渠道', width: 14, value: (l) => channelZh[l.row.channel] },
  { header: '状态', width: 10, value: (l) => caseStatusZh[l.row.status] },
  { header: '紧急', width: 6, value: (l) => (l.row.urgent ? '是' : '否') },
  { header: '标题', width: 28, value: (l) => l.row.title },
  { header: '内容摘要', width: 48, value: (l) => summary(l.row.content) },
  { header: '诉求分类', width: 16, value: (l) => l.categoryName },
  { header: '诉求人', width: 10, value: (l) => l.row.requester_name },
  { header: '电话', width: 14, value: (l) => l.phone },
  { header: '区域', width: 24, value: (l) => l.regionName },
  { header: '主办单位', width: 20, value: (l) => l.leadUnit },
  { header: '协办单位', width: 24, value: (l) => l.assistUnits },
  { header: '登记时间', width: 17, value: (l) => beijing(l.row.created_at), date: true },
  { header: '签收时限', width: 17, value: (l) => beijing(l.row.sign_by), date: true },
  { header: '办理时限', width: 17, value: (l) => beijing(l.row.answer_by), date: true },
  { header: '答复时间', width: 17, value: (l) => beijing(l.row.replied_at), date: true },
  { header: '办结时间', width: 17, value: (l) => beijing(l.row.closed_at), date: true },
];

/** The header texts of the export, in order. */
export const caseExportHeaders: readonly string[] = columns.map((c) => c.header);

function summary(content: string): string {
  const chars = [...content.replace(/\s+/g, ' ').trim()];
  return chars.length > SUMMARY_CHARS ? `${chars.slice(0, SUMMARY_CHARS).join('')}…` : chars.join('');
}

function beijing(d: Date | null): Date | null {
  return d === null ? null : new Date(d.getTime() + BEIJING_OFFSET_MS);
}

/** Text safe for a cell: no characters XML 1.0 forbids, within Excel's 32,767 characters. */
function safeCell(v: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof v !== 'string') return v ?? null;
  const clean = v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.length > EXCEL_CELL_MAX ? `${clean.slice(0, EXCEL_CELL_MAX - 1)}…` : clean;
}

const tooMany = {
  zh: (max: number) => `导出结果超过 ${max} 条，请缩小筛选范围（如登记时间、状态、区域）后再导出`,
  en: (max: number) => `more than ${max} cases match; narrow the filter (registration dates, status, region) and export again`,
};

/**
 * The case list as Excel: the caller's visible cases under the list's filters, newest first,
 * written row by row with exceljs's streaming writer while the cases are read in batches. A
 * selection larger than `maxRows` is refused before anything is written; the export is in the
 * audit log (`export.cases`, the filter and the number of rows).
 */
export function createCaseExport(deps: CaseExportDeps) {
  const { db, clock } = deps;
  const maxRows = deps.maxRows ?? CASE_EXPORT_MAX_ROWS;
  const batchSize = deps.batchSize ?? 1000;

  function filterOf(query: ExportCasesQuery, user: AuthUser): Omit<ListFilter, 'pageSize' | 'afterId'> {
    const { q: rawQ, ...rest } = query;
    const q = rawQ?.trim();
    const trackingNo = q && /^\d{6}-\d{4}-\d{6}$/.test(q) ? q : undefined;
    const phone = q && !trackingNo ? (normalizePhone(q) ?? undefined) : undefined;
    const terms = q && !trackingNo && !phone ? searchTerms(q, 32) : undefined;
    return { ...rest, scope: caseScopeFor(user), now: clock.now(), trackingNo, phone, terms };
  }

  async function lines(rows: readonly CaseRow[], fullPhone: boolean): Promise<ExportLine[]> {
    const repo = createCasesRepo(db);
    const [units, regions, categories] = await Promise.all([
      createUnitsRepo(db).namesOf([
        ...new Set(rows.flatMap((r) => [r.lead_unit_id, ...r.assist_unit_ids]).filter((x): x is number => x !== null)),
      ]),
      namesFromCounty(
        db,
        rows.map((r) => r.region_code),
      ),
      repo.categoryNames(rows.flatMap((r) => (r.category_code === null ? [] : [r.category_code]))),
    ]);
    const unit = (id: number) => units.get(id) ?? String(id);
    return rows.map((row) => ({
      row,
      phone: fullPhone ? row.requester_phone : maskPhone(row.requester_phone),
      regionName: regions.get(row.region_code) || row.region_code,
      categoryName: row.category_code === null ? '' : (categories.get(row.category_code) ?? row.category_code),
      leadUnit: row.lead_unit_id === null ? '' : unit(row.lead_unit_id),
      assistUnits: row.assist_unit_ids.map(unit).join('、'),
    }));
  }

  /** Writes the workbook into `out` (which it ends), reading the cases `batchSize` at a time. */
  async function write(out: PassThrough, filter: Omit<ListFilter, 'pageSize' | 'afterId'>, fullPhone: boolean): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = '回音 Huiyin';
    const ws = wb.addWorksheet('诉求工单', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.date ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center' };
    header.commit();
    const repo = createCasesRepo(db);
    let written = 0;
    let afterId: number | undefined;
    for (;;) {
      const rows = await repo.list({ ...filter, pageSize: batchSize, afterId });
      const page = rows.slice(0, Math.min(batchSize, maxRows - written));
      for (const l of await lines(page, fullPhone)) ws.addRow(columns.map((c) => safeCell(c.value(l)))).commit();
      written += page.length;
      const last = page[page.length - 1];
      if (rows.length <= batchSize || written >= maxRows || !last) break;
      afterId = last.id;
    }
    ws.commit();
    await wb.commit();
  }

  return {
    /**
     * Checks the size of the selection and records the export, then answers the workbook's
     * stream (written while it is read). Too many cases: a 400 and nothing written.
     */
    async start(query: ExportCasesQuery, user: AuthUser, ctx: { sourceIp: string | null; lang: Lang }): Promise<Readable> {
      const filter = filterOf(query, user);
      const count = await createCasesRepo(db).countInScope(filter, maxRows);
      if (count > maxRows) {
        throw new DomainError('bad_request', tooMany[ctx.lang](maxRows), { maxRows, reason: 'export_too_large' });
      }
      const fullPhone = showsFullPhone(user.roles);
      await recordAuditAlone(db, {
        action: 'export.cases',
        actor: { id: user.id, name: user.username },
        sourceIp: ctx.sourceIp,
        regionCode: regionOfUser(user),
        detail: { filter: { ...query }, rows: count, fullPhones: fullPhone },
        at: clock.now(),
      });
      const out = new PassThrough();
      write(out, filter, fullPhone).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
      return out;
    },
  };
}

export type CaseExport = ReturnType<typeof createCaseExport>;

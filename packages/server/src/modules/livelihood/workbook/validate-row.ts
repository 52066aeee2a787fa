import { matterInputSchema, type LivelihoodArea, type MatterInput, type OriginatorKind } from '@huiyin/core';
import { z } from 'zod';
import type { Lang } from '../../../http/error-mapping.ts';
import type { CellText } from '../../../xlsx/cells.ts';
import { headerOf, kindAliases, matterImportColumns, type ColumnKey } from './columns.ts';

/**
 * Validating one row of the matter import: every bad cell is named (its column's header text and
 * a reason in the caller's language), not only the first.
 */

export interface RegionResolver {
  (text: string): { code: string } | { error: string };
}

export interface MatterImportError {
  /** The Excel row number (the header is row 1 in the template); 0 for the file as a whole. */
  row: number;
  /** The column's header text, e.g. 联系电话; '' for the row or the file as a whole. */
  column: string;
  reason: string;
}

/** A row as read from the sheet: the non-empty cells of the known columns. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ColumnKey, CellText>>;
}

/** Areas by Chinese name, code or English name; quotes, spaces and case do not matter. */
export function areaLookup(areas: readonly LivelihoodArea[]): (text: string) => string | undefined {
  const key = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s"'“”‘’「」『』]/gu, '')
      .toLowerCase();
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

export function validateRow(r: SheetRow, ctx: RowContext): { input: MatterInput } | { errors: MatterImportError[] } {
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
      else
        bad(
          c.key,
          `日期“${cell.text}”无法识别，请写成 2026-05-12、2026/5/12 或 2026年5月12日`,
          `"${cell.text}" is not a date (write 2026-05-12, 2026/5/12 or 2026年5月12日)`,
        );
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
    if (k === 'case')
      bad(
        'kind',
        '案件转来的事项不能通过表格导入，请在案件中操作“转为民生事项”',
        'matters from cases cannot be imported: turn the case into a matter from the case',
      );
    else if (k === undefined)
      bad('kind', `反映人类型“${text.kind}”无效，应为 个人、住户 或 企业`, `unknown originator type "${text.kind}" (个人, 住户 or 企业)`);
    else kind = k;
  }
  const creditCode = text.creditCode?.normalize('NFKC').replace(/[\s-]/gu, '').toUpperCase();
  // The originator's own rules, checked here so that they are reported with everything else
  // (zod skips the schema's refinement while another field is bad).
  if (kind === 'person' && text.phone === undefined && !failed.has('phone'))
    bad('phone', '反映人类型为个人时，联系电话必填（办结后用于答复）', 'a person needs a phone number (to be answered)');
  if (kind === 'household' && text.phone === undefined && text.address === undefined && !failed.has('phone'))
    bad('address', '住户的地址和联系电话至少填一项', 'a household needs an address or a phone number');
  if (kind !== undefined && kind !== 'enterprise' && creditCode !== undefined)
    bad('creditCode', '只有企业填写统一社会信用代码', 'only an enterprise has a unified social credit code');

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
  if (key === 'phone')
    return zh ? '不是有效的手机号或固定电话号码（如 13800138000 或 0353-1234567）' : 'not a Chinese mobile or landline number';
  if (key === 'creditCode') return zh ? '不是有效的 18 位统一社会信用代码' : 'not an 18-character unified social credit code';
  if (key === 'collectedOn') return zh ? '日期无效' : 'not a valid date';
  if (issue.code === 'custom' && issue.message === 'contains control characters')
    return zh ? '含有不可见的控制字符' : 'contains control characters';
  return zh ? `内容不符合要求（${issue.message}）` : issue.message;
}

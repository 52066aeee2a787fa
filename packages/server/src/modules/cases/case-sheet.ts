import pdfMake from 'pdfmake';
import { PDF_FONT_FAMILY, registerPdfFonts } from '../../pdf/fonts.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  caseEventActionZh,
  caseStatusZh,
  caseTypeZh,
  channelZh,
  isRefusalReason,
  refusalReasonWords,
  type CaseDetail,
  type CaseEventView,
} from '@huiyin/core';

/**
 * The printable case sheet (工单): the request, who asked, where, which units handle it by when,
 * the answer and the whole timeline, on A4 in the official letters' face (Noto Serif SC from
 * `@expo-google-fonts/noto-serif-sc`, embedded and subset; never a system font).
 */
export interface CaseSheet {
  detail: CaseDetail;
  /** The category's name (the detail carries its code). */
  categoryName: string;
  /** When the sheet was printed. */
  printedAt: Date;
}

const MM = 72 / 25.4;
const BODY_SIZE = 10.5; // 五号
const TITLE_SIZE = 18; // 小二
const LABEL_FILL = '#F2F2F2';

const beijingTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-03-09 09:00 in Beijing time; empty for none. */
export function sheetTime(iso: string | Date | null | undefined): string {
  if (iso === null || iso === undefined) return '';
  const parts = Object.fromEntries(beijingTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

const outcomeZh: Record<string, string> = { resolved: '已解决', partly: '部分解决', explained: '解释说明' };
const satisfactionZh: Record<string, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

/** What an event says beyond its action: the note, the reason, the answer, the decision … */
export function eventNote(e: CaseEventView, unitName: (id: number) => string): string {
  const p = e.payload;
  const parts: string[] = [];
  if (typeof p['leadUnitId'] === 'number') parts.push(`主办：${unitName(p['leadUnitId'])}`);
  if (Array.isArray(p['assistUnitIds']) && p['assistUnitIds'].length > 0) {
    parts.push(`协办：${p['assistUnitIds'].map((id) => (typeof id === 'number' ? unitName(id) : String(id))).join('、')}`);
  }
  if (typeof p['outcome'] === 'string' && outcomeZh[p['outcome']]) parts.push(`结果：${outcomeZh[p['outcome']]}`);
  if (typeof p['solved'] === 'boolean') parts.push(p['solved'] ? '已解决' : '未解决');
  if (typeof p['satisfaction'] === 'string' && satisfactionZh[p['satisfaction']]) parts.push(satisfactionZh[p['satisfaction']]!);
  if (typeof p['approve'] === 'boolean') parts.push(p['approve'] ? '同意' : '不同意');
  if (typeof p['reasonCode'] === 'string') {
    parts.push(`不予受理理由：${isRefusalReason(p['reasonCode']) ? refusalReasonWords[p['reasonCode']].zh : p['reasonCode']}`);
  }
  if (typeof p['linkedTrackingNo'] === 'string') parts.push(`重复工单：${p['linkedTrackingNo']}`);
  for (const k of ['text', 'note', 'reason', 'opinion', 'decision', 'comment']) {
    const v = p[k];
    if (typeof v === 'string' && v.trim() !== '') parts.push(v.trim());
  }
  return parts.join('；');
}

function label(text: string): TableCell {
  return { text, bold: true, fillColor: LABEL_FILL, noWrap: true };
}

function value(text: string | null | undefined, colSpan?: number): TableCell {
  return colSpan ? { text: text ?? '', colSpan } : { text: text ?? '' };
}

function buildDefinition(sheet: CaseSheet): TDocumentDefinitions {
  const d = sheet.detail;
  const units = new Map<number, string>();
  for (const u of [d.leadUnit, ...d.assistUnits]) if (u) units.set(u.id, u.name);
  for (const e of d.timeline) if (e.unit) units.set(e.unit.id, e.unit.name);
  const unitName = (id: number) => units.get(id) ?? `单位${id}`;

  const facts: TableCell[][] = [
    [label('受理编号'), value(d.trackingNo), label('状态'), value(caseStatusZh[d.status])],
    [label('诉求类型'), value(caseTypeZh[d.type]), label('渠道'), value(channelZh[d.channel])],
    [label('诉求分类'), value(sheet.categoryName), label('紧急程度'), value(d.urgent ? '紧急' : '一般')],
    [label('诉求人'), value(d.requester.name ?? ''), label('联系电话'), value(d.requester.phone)],
    [label('所属区域'), value(d.regionName, 3), {}, {}],
    [label('地址'), value(d.address ?? '', 3), {}, {}],
    [label('标题'), value(d.title, 3), {}, {}],
    [label('诉求内容'), value(d.content, 3), {}, {}],
    [label('主办单位'), value(d.leadUnit?.name ?? ''), label('协办单位'), value(d.assistUnits.map((u) => u.name).join('、'))],
    [label('登记时间'), value(sheetTime(d.createdAt)), label('签收时限'), value(sheetTime(d.signBy))],
    [label('办理时限'), value(sheetTime(d.answerBy)), label('办结时间'), value(sheetTime(d.closedAt))],
  ];
  if (d.reply) {
    facts.push([
      label('答复'),
      value([d.reply.outcome ? outcomeZh[d.reply.outcome] : '', d.reply.text ?? ''].filter(Boolean).join('：'), 3),
      {},
      {},
    ]);
  }

  const timeline: TableCell[][] = [
    [label('时间'), label('环节'), label('办理人 / 单位'), label('说明')],
    ...d.timeline.map((e): TableCell[] => [
      { text: sheetTime(e.at), noWrap: true },
      { text: caseEventActionZh[e.action] ?? e.action },
      { text: [e.actor?.name ?? (e.actorRole === 'citizen' ? '群众' : '系统'), e.unit?.name].filter(Boolean).join('\n') },
      { text: eventNote(e, unitName) },
    ]),
  ];

  const content: Content[] = [
    { text: '12345 政务服务便民热线', alignment: 'center', fontSize: BODY_SIZE + 1.5, margin: [0, 0, 0, 4] },
    { text: '诉求办理工单', alignment: 'center', bold: true, fontSize: TITLE_SIZE, margin: [0, 0, 0, 10] },
    {
      columns: [
        { text: `受理编号：${d.trackingNo}`, width: '*' },
        { text: `打印时间：${sheetTime(sheet.printedAt)}`, width: 'auto' },
      ],
      margin: [0, 0, 0, 6],
    },
    { table: { widths: [60, '*', 60, '*'], body: facts } },
    { text: '办理过程', bold: true, fontSize: BODY_SIZE + 1.5, margin: [0, 14, 0, 6] },
    { table: { headerRows: 1, widths: [78, 72, 90, '*'], body: timeline } },
  ];

  return {
    pageSize: 'A4',
    pageMargins: [20 * MM, 20 * MM, 20 * MM, 20 * MM],
    info: { title: `诉求办理工单 ${d.trackingNo}`, subject: d.trackingNo, creator: 'Huiyin' },
    language: 'zh-CN',
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.25 },
    content,
    footer: (currentPage, pageCount) => ({
      text: `${d.trackingNo}  第 ${currentPage} 页 / 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, 8 * MM, 0, 0],
    }),
  };
}

/** Renders the case sheet to a PDF with its fonts embedded (subset to the glyphs used). */
export async function renderCaseSheet(sheet: CaseSheet): Promise<Buffer> {
  registerPdfFonts();
  return pdfMake.createPdf(buildDefinition(sheet)).getBuffer();
}

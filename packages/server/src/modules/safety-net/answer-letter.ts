import type { CaseRow } from '../../db/schema.ts';
import { chineseDate, type OfficialLetter } from '../letters/official-letter.ts';
import type { SafetyNetRow } from './safety-net.repo.ts';

export interface LetterCitation {
  title: string;
  docNumber: string;
  articleNo: string;
  body: string;
  repealed: boolean;
}

/**
 * The written answer of a decided safety-net case (书面答复), in the words of an official letter:
 * what the citizen raised, what was found, what was done or why it cannot be, the policy basis,
 * what the citizen can do instead, and where to turn next.
 */
export function answerLetter(
  row: CaseRow,
  sn: SafetyNetRow,
  ctx: { issuer: string; citations: readonly LetterCitation[]; originUnitName: string | null; contact: string | null },
): OfficialLetter {
  const decidedAt = row.replied_at ?? sn.decided_at ?? row.updated_at;
  const done = sn.outcome === 'done';
  const where = sn.origin_window ?? ctx.originUnitName;
  const raised = [
    `您于${chineseDate(row.created_at)}到${ctx.issuer}办不成事反映窗口反映“${sn.matter_name}”未能办成一事（诉求编号：${row.tracking_no}）。`,
    where
      ? `您此前在${where}办理时${sn.what_was_said ? `被告知：“${sn.what_was_said}”` : '未能办成'}${sn.visits && sn.visits > 1 ? `，先后跑了${sn.visits}次` : ''}。`
      : '',
    '我中心高度重视，当即受理，召集相关单位负责人查找规定、分析研究，现答复如下。',
  ].join('');
  const paragraphs = [raised];
  if (done) {
    paragraphs.push(`经核查，${sn.answer_text ?? ''}`);
    const minutes = sn.minutes_to_decision ?? 0;
    const spent = minutes < 60 ? `${minutes}分钟` : `${Math.floor(minutes / 60)}小时${minutes % 60 > 0 ? `${minutes % 60}分钟` : ''}`;
    paragraphs.push(`${sn.done_by ? `${sn.done_by}。` : ''}该事项已于${chineseDate(decidedAt)}办结，自受理至办结用时${spent}。`);
  } else {
    paragraphs.push(`经会同有关单位核查，${sn.answer_text ?? ''}`);
    paragraphs.push('依据下列规定，您反映的事项目前不能按所申请的方式办理，特此书面说明理由。');
    if (sn.alternatives) paragraphs.push(`您可以：${sn.alternatives}`);
  }
  paragraphs.push(
    '如您对本答复有异议，可拨打12345政务服务便民热线或到办不成事反映窗口反映，我们将继续跟进。感谢您对政务服务工作的理解和支持。',
  );
  return {
    issuer: ctx.issuer,
    docNumber: sn.letter_no ?? '',
    title: done ? `关于${sn.matter_name}诉求办理情况的答复` : `关于${sn.matter_name}诉求的书面答复`,
    recipient: `${row.requester_name ?? '申请人'}：`,
    paragraphs,
    ...(ctx.citations.length > 0
      ? {
          sections: [
            {
              heading: '政策依据',
              items: ctx.citations.map(
                (c) => `《${c.title}》（${c.docNumber}）${c.articleNo}${c.repealed ? '（已废止）' : ''}：${excerpt(c.body)}`,
              ),
            },
          ],
        }
      : {}),
    signature: ctx.issuer,
    date: chineseDate(decidedAt),
    ...(ctx.contact ? { footerNote: ctx.contact } : {}),
    trackingNo: row.tracking_no,
  };
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, '');
  return flat.length > 200 ? `${flat.slice(0, 200)}……` : flat;
}

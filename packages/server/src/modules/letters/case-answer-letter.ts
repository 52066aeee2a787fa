import {
  channelZh,
  isRefusalReason,
  maskPersonName,
  refusalReasonWords,
  type AnswerLetterCopy,
  type Channel,
  type ReplyOutcome,
} from '@huiyin/core';
import { chineseDate, type OfficialLetter } from './official-letter.ts';

/**
 * The answer letter (答复意见书) of an ordinary case: answered by a unit (`reply`), on the spot
 * (即时办结), or refused (不予受理) after the supervisor's review. Two copies: the staff copy with
 * the requester's full name, what they wrote, the timeline and the internal notes as annexes;
 * the citizen copy with the name masked and nothing the citizen may not know (no notes, no staff
 * names, no staff phones, no other requester's tracking number). A decided safety-net case has its
 * own letter (safety-net/answer-letter.ts).
 */
export interface CaseLetterFacts {
  trackingNo: string;
  title: string;
  content: string;
  channel: Channel;
  createdAt: Date;
  requesterName: string | null;
  /** 发文机关: the unit that answered, or the centre that took or refused the request. */
  issuer: string;
  /** 发文字号, e.g. '盐热线答〔2026〕12号'. */
  docNumber: string;
  answer: LetterAnswer;
  /** What only the staff copy prints; absent, the staff copy has no annexes. */
  internal?: {
    /** One line per event: time, step, who. */
    timeline: string[];
    /** Dispatch notes, return reasons, review notes … one line each, with time, step and who. */
    notes: string[];
    /** The answering officer and their phone: `承办人：…  联系电话：…`. */
    contact: string | null;
  };
}

export type LetterAnswer =
  | {
      kind: 'reply';
      /** Answered where it was taken (即时办结), never dispatched. */
      onTheSpot: boolean;
      /** The unit that answered. */
      unitName: string;
      outcome: ReplyOutcome;
      text: string;
      policyBasis: string | null;
      at: Date;
      /** A merged case's requester is answered with the master's answer. */
      masterTrackingNo: string | null;
    }
  | { kind: 'refusal'; reasonCode: string; text: string; linkedTrackingNo: string | null; at: Date };

const outcomeZh: Record<ReplyOutcome, string> = { resolved: '已解决', partly: '部分解决', explained: '解释说明' };

/** 发文字号 of an ordinary answer: the county's first character, the year and the case's sequence from its tracking number. */
export function caseLetterNo(countyName: string, trackingNo: string): string {
  const head = countyName.replace(/^(.+?[市州盟])(?=.+[区县旗市]$)/u, '').charAt(0) || '政';
  const [, year, seq] = trackingNo.split('-');
  return `${head}热线答〔${year ?? ''}〕${Number(seq ?? 0)}号`;
}

export function caseAnswerLetter(facts: CaseLetterFacts, copy: AnswerLetterCopy): OfficialLetter {
  const staff = copy === 'staff';
  const a = facts.answer;
  const name = facts.requesterName?.trim() ? (staff ? facts.requesterName.trim() : maskPersonName(facts.requesterName)) : '诉求人';
  const paragraphs = [
    `您于${chineseDate(facts.createdAt)}通过${channelZh[facts.channel]}反映的“${facts.title}”诉求（诉求编号：${facts.trackingNo}）收悉。`,
  ];
  if (staff) paragraphs.push(`诉求内容：${facts.content}`);
  const sections: NonNullable<OfficialLetter['sections']> = [];
  if (a.kind === 'reply') {
    // Another requester's tracking number is theirs: only the staff copy names it.
    if (a.masterTrackingNo)
      paragraphs.push(staff ? `您反映的事项与诉求${a.masterTrackingNo}为同一事项，已合并办理。` : '您反映的事项已与同一事项合并办理。');
    paragraphs.push(a.onTheSpot ? `${a.unitName}当即办理（即时办结），现答复如下：` : `经${a.unitName}办理，现答复如下：`);
    paragraphs.push(a.text);
    paragraphs.push(`办理结果：${outcomeZh[a.outcome]}。`);
    paragraphs.push('如您对本答复有异议，可拨打12345政务服务便民热线反映，我们将继续跟进。感谢您对政务服务工作的理解和支持。');
    if (a.policyBasis) sections.push({ heading: '政策依据', items: [a.policyBasis] });
  } else {
    const reason = isRefusalReason(a.reasonCode) ? refusalReasonWords[a.reasonCode].zh : a.reasonCode;
    paragraphs.push(`经审核，您反映的事项属于“${reason}”的情形，按照政务服务便民热线工作规范，不予受理。`);
    paragraphs.push(a.text);
    if (a.linkedTrackingNo)
      paragraphs.push(
        staff
          ? `您反映的事项已在诉求${a.linkedTrackingNo}中办理，办理结果将一并告知您。`
          : '您反映的事项与正在办理的诉求重复，办理结果将一并告知您。',
      );
    paragraphs.push('如您对本告知有异议，可拨打12345政务服务便民热线反映。感谢您对政务服务工作的理解和支持。');
  }
  if (staff && facts.internal) {
    sections.push({ heading: '附件1：办理过程', items: facts.internal.timeline.length > 0 ? facts.internal.timeline : ['无'] });
    sections.push({
      heading: '附件2：内部办理意见（存档联专用，不得交付诉求人）',
      items: facts.internal.notes.length > 0 ? facts.internal.notes : ['无'],
    });
  }
  const footer = staff ? ['本件为存档联', facts.internal?.contact].filter(Boolean).join('  ') : '咨询电话：12345';
  return {
    issuer: facts.issuer,
    docNumber: facts.docNumber,
    title: a.kind === 'reply' ? `关于“${facts.title}”诉求的答复意见书` : `关于“${facts.title}”诉求不予受理的答复意见书`,
    recipient: `${name}：`,
    paragraphs,
    ...(sections.length > 0 ? { sections } : {}),
    signature: facts.issuer,
    date: chineseDate(a.at),
    footerNote: footer,
    trackingNo: facts.trackingNo,
  };
}

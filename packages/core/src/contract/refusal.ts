import type { Lang } from '../lang.ts';

/**
 * 不予受理: a request that is not the hotline's to take is refused with one of these reasons and a
 * written text, reviewed by a supervisor like a "cannot be done" answer, told to the citizen, and
 * counted on its own (never as answered or solved).
 */
export const refusalReasons = [
  'in_litigation',
  'in_petition',
  'other_jurisdiction',
  'no_content',
  'repeat_of_open',
  'malicious',
  'other',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const refusalReasonWords: Record<RefusalReason, Record<Lang, string>> = {
  in_litigation: { zh: '涉诉涉仲裁', en: 'in litigation or arbitration' },
  in_petition: { zh: '已进入信访程序', en: 'already in the petition (信访) procedure' },
  other_jurisdiction: { zh: '非本地区/非本级管辖', en: 'not this region’s or this level’s jurisdiction' },
  no_content: { zh: '无实质诉求内容', en: 'no actionable request' },
  repeat_of_open: { zh: '重复诉求（已有在办工单）', en: 'a repeat of a case still open' },
  malicious: { zh: '恶意骚扰重复来电', en: 'malicious repeated calls' },
  other: { zh: '其他', en: 'other' },
};

/** The refusal text's length: at least 2, at most 500 characters (trimmed). */
export const refusalTextMin = 2;
export const refusalTextMax = 500;

/** What the citizen reads: 不予受理（reason）：text. */
export function refusalNotice(reasonCode: RefusalReason, text: string, lang: Lang): string {
  const reason = refusalReasonWords[reasonCode][lang];
  return lang === 'zh' ? `不予受理（${reason}）：${text}` : `Not accepted (${reason}): ${text}`;
}

export function isRefusalReason(v: unknown): v is RefusalReason {
  return typeof v === 'string' && (refusalReasons as readonly string[]).includes(v);
}

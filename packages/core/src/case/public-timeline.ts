import type { Lang } from '../lang.ts';
import { isRefusalReason, refusalNotice } from '../contract/refusal.ts';
import type { CaseStatus, ReplyOutcome, Satisfaction } from './vocabulary.ts';

/**
 * What a citizen sees of a case's history: plain words, no personal data, no internal notes,
 * no staff names. Returns, return reviews and the negative-answer review are internal; the
 * citizen sees that the case is being handled.
 */

export interface InternalEvent {
  readonly action: string;
  readonly toStatus: CaseStatus;
  readonly createdAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Names resolved by the server: the lead unit of a dispatch. */
  readonly unitName?: string | undefined;
}

export interface PublicTimelineEntry {
  readonly at: string;
  readonly action: string;
  readonly status: CaseStatus;
  readonly text: string;
}

const outcomeWords: Record<ReplyOutcome, Record<Lang, string>> = {
  resolved: { zh: '已解决', en: 'resolved' },
  partly: { zh: '部分解决', en: 'partly resolved' },
  explained: { zh: '解释说明', en: 'explained' },
};

const satisfactionWords: Record<Satisfaction, Record<Lang, string>> = {
  very_satisfied: { zh: '非常满意', en: 'very satisfied' },
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'very dissatisfied' },
};

function describe(e: InternalEvent, lang: Lang): string | null {
  const zh = lang === 'zh';
  const p = e.payload;
  switch (e.action) {
    case 'register':
      if (p['channel'] === 'safety_net') {
        return zh
          ? '办不成事反映窗口已受理您的诉求，专人负责跟进'
          : 'The safety-net window has taken up your matter; an officer follows it through';
      }
      return zh ? '您的诉求已受理登记' : 'Your request has been registered';
    case 'convene':
      // An ordinary case's dispatch dispute (its event carries the settle-by time): who handles it, not the rules.
      if (p['settleBy'] !== undefined) {
        return zh ? '相关单位正在会商，确定承办单位' : 'The units concerned are consulting on who handles your request';
      }
      return zh
        ? '已召集相关单位负责人会商研究，查找政策依据'
        : 'The heads of the units concerned have been called in to consult and check the rules';
    case 'recordMinutes':
      return zh
        ? `会商形成意见，由${e.unitName ?? '承办单位'}牵头办理`
        : `The consultation decided: ${e.unitName ?? 'the responsible unit'} leads the matter`;
    case 'decide': {
      if (e.toStatus !== 'replied') return zh ? '书面答复正在审核' : 'The written answer is being reviewed';
      const text = typeof p['text'] === 'string' ? p['text'] : '';
      return zh ? `事项已办结：${text}` : `Done: ${text}`;
    }
    case 'dispatch':
      return zh ? `已转交${e.unitName ?? '承办单位'}办理` : `Passed to ${e.unitName ?? 'the responsible unit'} for handling`;
    case 'sign':
      return zh ? '承办单位已签收，正在办理' : 'The responsible unit has taken it up and is working on it';
    case 'decideReturn':
      return p['approve'] === true ? (zh ? '正在重新确定承办单位' : 'A new responsible unit is being chosen') : null;
    case 'decideExtension':
      return p['approve'] === true
        ? zh
          ? `办理期限已延长${String(p['days'] ?? '')}个工作日`
          : `The time limit was extended by ${String(p['days'] ?? '')} working days`
        : null;
    case 'reply':
    case 'reviewReply': {
      // 不予受理 approved: the reason and the text (a refusal under review stays internal).
      const refusal = p['refusal'] as Record<string, unknown> | undefined;
      if (refusal !== undefined && refusal !== null) {
        if (e.toStatus !== 'closed' || !isRefusalReason(refusal['reasonCode'])) return null;
        return refusalNotice(refusal['reasonCode'], typeof refusal['text'] === 'string' ? refusal['text'] : '', lang);
      }
      const published = e.toStatus === 'replied';
      if (!published) return null;
      const outcome = (p['outcome'] as ReplyOutcome | undefined) ?? 'resolved';
      const text = typeof p['text'] === 'string' ? p['text'] : '';
      return zh ? `已答复（${outcomeWords[outcome].zh}）：${text}` : `Answered (${outcomeWords[outcome].en}): ${text}`;
    }
    case 'followUp': {
      const s = p['satisfaction'] as Satisfaction | undefined;
      const solved = p['solved'] === true;
      const level = s ? satisfactionWords[s][lang] : '';
      return zh ? `回访：${solved ? '已解决' : '未解决'}，${level}` : `Follow-up: ${solved ? 'solved' : 'not solved'}, ${level}`;
    }
    case 'reopen':
      return zh ? '已重新交办，继续办理' : 'Reopened and handed back for further work';
    case 'close':
      return zh ? '已办结' : 'Closed';
    case 'merge':
      return zh ? '与相同诉求合并办理，答复将一并告知您' : 'Merged with the same request; you will receive its answer';
    case 'masterReplied':
      return describe({ ...e, action: 'reply', toStatus: 'replied' }, lang);
    default:
      return null;
  }
}

export function publicTimeline(events: readonly InternalEvent[], lang: Lang): PublicTimelineEntry[] {
  const out: PublicTimelineEntry[] = [];
  for (const e of events) {
    const text = describe(e, lang);
    if (text === null) continue;
    out.push({ at: e.createdAt.toISOString(), action: e.action, status: e.toStatus, text });
  }
  return out;
}

import { chinaWallClock, isRefusalReason, refusalReasonWords } from '@huiyin/core';

/**
 * What each topic says, in Chinese and English. Staff read a title and a body (in-app and
 * e-mail) in their own language (zh unless set); requesters get a short SMS in Chinese. A topic
 * or action without its own template gets the generic one, so a new topic is never dropped.
 */
export type Lang = 'zh' | 'en';

export interface Rendered {
  title: string;
  body: string;
}

type Text = Record<Lang, string>;
type Fields = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** An ISO instant as Beijing wall-clock time, 2026-03-10 17:30. */
export function beijingTime(v: unknown): string {
  const d = typeof v === 'string' || v instanceof Date ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  const { date, msOfDay } = chinaWallClock(d);
  const minutes = Math.floor(msOfDay / 60_000);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The start of an answer, for an SMS: at most `max` characters, whitespace folded. */
export function summaryOf(text: unknown, max = 60): string {
  const s = str(text).replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

const outcomeLabel: Record<string, Text> = {
  resolved: { zh: '已解决', en: 'resolved' },
  partly: { zh: '部分解决', en: 'partly resolved' },
  explained: { zh: '解释说明', en: 'explained' },
  done: { zh: '已办理', en: 'done' },
  cannot: { zh: '不能办理', en: 'cannot be done' },
};

// ---------------------------------------------------------------- staff: case events

/** The case event as the templates see it: the message, and the event's own record. */
export interface CaseFacts {
  trackingNo: string;
  action: string;
  status: string;
  /** The event's payload (case_events.payload): reason, days, signBy, outcome, text … */
  event: Fields;
}

type CaseTemplate = (f: CaseFacts) => Record<Lang, Rendered>;

const r = (zhTitle: string, zhBody: string, enTitle: string, enBody: string): Record<Lang, Rendered> => ({
  zh: { title: zhTitle, body: zhBody },
  en: { title: enTitle, body: enBody },
});

const staffCase: Record<string, CaseTemplate> = {
  register: ({ trackingNo: n }) =>
    r(
      `新诉求待派单 ${n}`,
      `工单 ${n} 已登记，等待派单。`,
      `New case to dispatch: ${n}`,
      `Case ${n} was registered and waits to be dispatched.`,
    ),
  dispatch: ({ trackingNo: n, event: e }) =>
    r(
      `新派单 ${n}`,
      `工单 ${n} 已派至你单位，请于 ${beijingTime(e['signBy'])} 前签收。${str(e['note']) ? `派单说明：${str(e['note'])}` : ''}`,
      `Case dispatched to you: ${n}`,
      `Case ${n} was dispatched to your unit; sign for it by ${beijingTime(e['signBy'])}.${str(e['note']) ? ` Note: ${str(e['note'])}` : ''}`,
    ),
  return: ({ trackingNo: n, event: e }) =>
    r(
      `退单待审核 ${n}`,
      `工单 ${n} 被承办单位退回，理由：${str(e['reason'])}。请审核。`,
      `Return to review: ${n}`,
      `Case ${n} was returned by the unit: ${str(e['reason'])}. Please review.`,
    ),
  decideReturn: ({ trackingNo: n, event: e }) =>
    e['approve'] === true
      ? r(
          `退单已同意 ${n}`,
          `工单 ${n} 的退回已同意，将重新派单。`,
          `Return approved: ${n}`,
          `The return of case ${n} was approved; it will be dispatched again.`,
        )
      : r(
          `退单未同意 ${n}`,
          `工单 ${n} 的退回未同意，请于 ${beijingTime(e['signBy'])} 前签收办理。${str(e['note']) ? `说明：${str(e['note'])}` : ''}`,
          `Return refused: ${n}`,
          `The return of case ${n} was refused; sign for it by ${beijingTime(e['signBy'])}.${str(e['note']) ? ` Note: ${str(e['note'])}` : ''}`,
        ),
  requestExtension: ({ trackingNo: n, event: e }) =>
    r(
      `延期申请待审批 ${n}`,
      `工单 ${n} 申请延期 ${str(e['days'])} 个工作日，理由：${str(e['reason'])}。`,
      `Extension to decide: ${n}`,
      `Case ${n}: an extension of ${str(e['days'])} working days is requested: ${str(e['reason'])}.`,
    ),
  decideExtension: ({ trackingNo: n, event: e }) =>
    e['approve'] === true
      ? r(
          `延期已批准 ${n}`,
          `工单 ${n} 延期 ${str(e['days'])} 个工作日已批准，办理时限：${beijingTime(e['answerBy'])}。`,
          `Extension approved: ${n}`,
          `Case ${n}: ${str(e['days'])} more working days approved; now due ${beijingTime(e['answerBy'])}.`,
        )
      : r(
          `延期未批准 ${n}`,
          `工单 ${n} 的延期申请未批准，请按原时限办理。`,
          `Extension refused: ${n}`,
          `Case ${n}: the extension was refused; the deadline stands.`,
        ),
  reply: ({ trackingNo: n }) =>
    r(
      `答复待审核 ${n}`,
      `工单 ${n} 的解释说明（不能办理）答复待您审核后才告知群众。`,
      `Answer to review: ${n}`,
      `Case ${n}: a "cannot be done" answer waits for your review before the requester sees it.`,
    ),
  refuse: ({ trackingNo: n, event: e }) => {
    const why = reasonWords(e['reasonCode']);
    return r(
      `不予受理待审核 ${n}`,
      `工单 ${n} 拟不予受理（${why.zh}）：${summaryOf(e['text'])}。请审核。`,
      `Refusal to review: ${n}`,
      `Case ${n} is proposed to be refused (${why.en}): ${summaryOf(e['text'])}. Please review.`,
    );
  },
  reviewReply: ({ trackingNo: n, event: e }) =>
    // The review of a refusal (不予受理) is told as such, not as an answer's review.
    'refusal' in e
      ? e['approve'] === true
        ? r(
            `不予受理已通过审核 ${n}`,
            `工单 ${n} 的不予受理已通过审核，已告知诉求人，工单办结。`,
            `Refusal approved: ${n}`,
            `Case ${n}: the refusal was approved and told to the requester; the case is closed.`,
          )
        : r(
            `不予受理未通过审核 ${n}`,
            `工单 ${n} 的不予受理未通过审核，已退回待派单，请受理派单。${str(e['note']) ? `意见：${str(e['note'])}` : ''}`,
            `Refusal not approved: ${n}`,
            `Case ${n}: the refusal was not approved; the case is back for dispatch.${str(e['note']) ? ` Note: ${str(e['note'])}` : ''}`,
          )
      : e['approve'] === true
        ? r(
            `答复已通过审核 ${n}`,
            `工单 ${n} 的答复已通过审核并告知群众。`,
            `Answer approved: ${n}`,
            `Case ${n}: the answer was approved and sent to the requester.`,
          )
        : r(
            `答复被退回 ${n}`,
            `工单 ${n} 的答复未通过审核，请修改后重新答复。${str(e['note']) ? `意见：${str(e['note'])}` : ''}`,
            `Answer sent back: ${n}`,
            `Case ${n}: the answer was not approved; revise it.${str(e['note']) ? ` Note: ${str(e['note'])}` : ''}`,
          ),
  followUp: ({ trackingNo: n, status }) =>
    status === 'closed'
      ? r(
          `工单已办结 ${n}`,
          `工单 ${n} 回访满意，已办结。`,
          `Case closed: ${n}`,
          `Case ${n}: the follow-up was satisfied; the case is closed.`,
        )
      : r(
          `回访不满意 ${n}`,
          `工单 ${n} 回访不满意或未解决，请决定是否重办。`,
          `Follow-up unsatisfied: ${n}`,
          `Case ${n}: the requester is not satisfied or it is not solved; decide whether to reopen it.`,
        ),
  reopen: ({ trackingNo: n, event: e }) =>
    r(
      `工单重办 ${n}`,
      `工单 ${n} 需重新办理，理由：${str(e['reason'])}；办理时限：${beijingTime(e['answerBy'])}。`,
      `Case reopened: ${n}`,
      `Case ${n} is reopened: ${str(e['reason'])}; due ${beijingTime(e['answerBy'])}.`,
    ),
  convene: ({ trackingNo: n, event: e }) =>
    // An ordinary case's dispatch dispute (派单异议) carries the time it must be settled by.
    e['settleBy'] !== undefined
      ? r(
          `会商邀请（派单异议） ${n}`,
          `工单 ${n} 召集会商确定承办单位：${str(e['agenda'])}。请于 ${beijingTime(e['settleBy'])} 前提出单位意见。`,
          `Consultation (dispatch dispute): ${n}`,
          `Case ${n} convenes the units concerned to settle who handles it: ${str(e['agenda'])}. Please give your unit's opinion by ${beijingTime(e['settleBy'])}.`,
        )
      : r(
          `会商邀请 ${n}`,
          `办不成事工单 ${n} 召集会商：${str(e['agenda'])}。请提出单位意见。`,
          `Consultation: ${n}`,
          `Safety-net case ${n} convenes a consultation: ${str(e['agenda'])}. Please give your unit's opinion.`,
        ),
  recordOpinion: ({ trackingNo: n }) =>
    r(`会商意见已提交 ${n}`, `工单 ${n} 收到一个单位的会商意见。`, `Opinion received: ${n}`, `Case ${n}: a unit gave its opinion.`),
  recordMinutes: ({ trackingNo: n, event: e }) =>
    r(
      `会商纪要 ${n}`,
      `工单 ${n} 会商纪要已记录：${str(e['decision'])}。请按分工办理。${e['signBy'] ? `主办单位请于 ${beijingTime(e['signBy'])} 前签收。` : ''}`,
      `Minutes recorded: ${n}`,
      `Case ${n}: the minutes are recorded: ${str(e['decision'])}. Please act on your part.${e['signBy'] ? ` The lead unit signs for it by ${beijingTime(e['signBy'])}.` : ''}`,
    ),
  decide: ({ trackingNo: n }) =>
    r(
      `书面答复待审核 ${n}`,
      `办不成事工单 ${n} 的不能办理答复待您审核。`,
      `Written answer to review: ${n}`,
      `Safety-net case ${n}: the "cannot be done" answer waits for your review.`,
    ),
  urge: ({ trackingNo: n, event: e }) =>
    r(
      `催办 ${n}`,
      `工单 ${n} 即将到期${e['dueAt'] ? `（${beijingTime(e['dueAt'])}）` : ''}，请抓紧办理。`,
      `Reminder: ${n}`,
      `Case ${n} is nearly due${e['dueAt'] ? ` (${beijingTime(e['dueAt'])})` : ''}; please act on it.`,
    ),
  supervise: ({ trackingNo: n, event: e }) =>
    r(
      `督办 ${n}`,
      `工单 ${n} 已超过办理时限${e['dueAt'] ? `（${beijingTime(e['dueAt'])}）` : ''}，请督促办理。`,
      `Overdue: ${n}`,
      `Case ${n} is past its deadline${e['dueAt'] ? ` (${beijingTime(e['dueAt'])})` : ''}; please see to it.`,
    ),
  escalate: ({ trackingNo: n }) =>
    r(
      `超期上报 ${n}`,
      `工单 ${n} 超期未办结，已上报领导。`,
      `Escalated: ${n}`,
      `Case ${n} is long overdue and was escalated to the leader.`,
    ),
};

function reasonWords(code: unknown): Text {
  return isRefusalReason(code) ? refusalReasonWords[code] : { zh: '其他', en: 'other' };
}

const genericCase: CaseTemplate = ({ trackingNo: n, action, status }) =>
  r(`工单动态 ${n}`, `工单 ${n}：${action}（当前状态 ${status}）。`, `Case update: ${n}`, `Case ${n}: ${action} (now ${status}).`);

export function staffCaseMessage(f: CaseFacts, lang: Lang): Rendered {
  return (staffCase[f.action] ?? genericCase)(f)[lang];
}

// ---------------------------------------------------------------- requesters: SMS

/** Actions whose SMS carries the answer (and the follow-up link, when there is one). */
export const answerActions: ReadonlySet<string> = new Set(['reply', 'reviewReply', 'decide', 'masterReplied']);

type SmsTemplate = (f: CaseFacts & { followUpLink: string | null }) => Text | null;

const answer: SmsTemplate = ({ trackingNo: n, event: e, followUpLink }) => {
  const label = outcomeLabel[str(e['outcome'])];
  const summary = summaryOf(e['text']);
  return {
    zh: `【回音】您的诉求（编号 ${n}）已答复${label ? `（${label.zh}）` : ''}：${summary}${followUpLink ? ` 请评价办理结果：${followUpLink}` : ''}`,
    en: `[Huiyin] Your request ${n} is answered${label ? ` (${label.en})` : ''}: ${summary}${followUpLink ? ` Rate the answer: ${followUpLink}` : ''}`,
  };
};

const requesterSms: Record<string, SmsTemplate> = {
  register: ({ trackingNo: n }) => ({
    zh: `【回音】您的诉求已受理，编号 ${n}。可凭编号和手机号后四位查询办理进度。`,
    en: `[Huiyin] Your request is registered as ${n}. Track it with this number and the last 4 digits of your phone.`,
  }),
  reply: answer,
  reviewReply: answer,
  decide: answer,
  masterReplied: answer,
  decideExtension: ({ trackingNo: n, event: e }) =>
    e['approve'] === true
      ? {
          zh: `【回音】您的诉求（编号 ${n}）办理时限延长至 ${beijingTime(e['answerBy'])}。`,
          en: `[Huiyin] Your request ${n} now has until ${beijingTime(e['answerBy'])}.`,
        }
      : null,
  reopen: ({ trackingNo: n }) => ({
    zh: `【回音】您的诉求（编号 ${n}）已重新办理，我们会尽快答复您。`,
    en: `[Huiyin] Your request ${n} is being handled again; you will hear from us soon.`,
  }),
  close: ({ trackingNo: n }) => ({ zh: `【回音】您的诉求（编号 ${n}）已办结。`, en: `[Huiyin] Your request ${n} is closed.` }),
  merge: ({ trackingNo: n }) => ({
    zh: `【回音】您的诉求（编号 ${n}）与反映同一问题的诉求合并办理，答复将同样告知您。`,
    en: `[Huiyin] Your request ${n} is handled together with others about the same matter; you will receive the answer too.`,
  }),
};

/** The SMS to the requester for a case event, or null when the event is nothing to tell them. */
export function requesterSmsText(f: CaseFacts & { followUpLink: string | null }, lang: Lang = 'zh'): string | null {
  const t = requesterSms[f.action];
  return t ? (t(f)?.[lang] ?? null) : null;
}

// ---------------------------------------------------------------- staff: other topics

type TopicTemplate = (p: Fields) => Record<Lang, Rendered>;

const staffTopic: Record<string, TopicTemplate> = {
  'safety_net.referral': () =>
    r(
      '问题线索移交',
      '一件办不成事工单涉及工作人员作风问题，已移交纪检监察，请查看。',
      'Referral received',
      'A safety-net case involving staff conduct was referred to discipline inspection; please look at it.',
    ),
  'safety_net.rectification': (p) =>
    r(
      `整改通知 ${str(p['trackingNo'])}`,
      `办不成事工单 ${str(p['trackingNo'])} 的原因涉及你单位，已下发整改通知，请按期整改并答复。`,
      `Rectification notice: ${str(p['trackingNo'])}`,
      `Safety-net case ${str(p['trackingNo'])} concerns your unit: a rectification notice was issued; rectify and answer it in time.`,
    ),
  'livelihood.assigned': (p) =>
    r(
      `交办书 ${str(p['letterNo'])}`,
      `您收到民生实事交办书 ${str(p['letterNo'])}：${str(p['title'])}，完成时限 ${str(p['dueDate'])}。请签收。`,
      `Assignment letter ${str(p['letterNo'])}`,
      `You were assigned the livelihood project "${str(p['title'])}" (${str(p['letterNo'])}), due ${str(p['dueDate'])}. Please sign for it.`,
    ),
  'livelihood.accepted': (p) =>
    r(
      '项目已验收销号',
      `民生实事「${str(p['title'])}」已验收销号。`,
      'Project accepted',
      `The livelihood project "${str(p['title'])}" was accepted and struck off.`,
    ),
  'livelihood.milestone_late': (p) => {
    const red = p['light'] === 'red';
    return r(
      `${red ? '节点严重滞后' : '节点滞后'}：${str(p['projectTitle'])}`,
      `民生实事「${str(p['projectTitle'])}」的节点「${str(p['milestone'])}」计划于 ${str(p['plannedDate'])} 完成，${red ? '已严重滞后（红灯）' : '已滞后（黄灯）'}。`,
      `${red ? 'Milestone very late' : 'Milestone late'}: ${str(p['projectTitle'])}`,
      `The milestone "${str(p['milestone'])}" of "${str(p['projectTitle'])}" was planned for ${str(p['plannedDate'])} and is ${red ? 'very late (red)' : 'late (yellow)'}.`,
    );
  },
};

export function staffTopicMessage(topic: string, payload: Fields, lang: Lang): Rendered {
  const t = staffTopic[topic];
  if (t) return t(payload)[lang];
  return r('新消息', `您有一条新消息（${topic}）。`, 'New message', `You have a new message (${topic}).`)[lang];
}

// ---------------------------------------------------------------- links

/** Where a notification leads in the workbench (a path; e-mails prefix the public address). */
export function linkOf(topic: string, payload: Fields): string | null {
  const caseId = payload['caseId'];
  if (topic.startsWith('case.') && typeof caseId === 'number') return `/admin/cases/${caseId}`;
  if (topic === 'safety_net.referral') return '/admin/referrals';
  if (topic === 'safety_net.rectification') return '/admin/rectifications';
  const projectId = payload['projectId'];
  if (topic.startsWith('livelihood.') && typeof projectId === 'number') return `/admin/livelihood/projects/${projectId}`;
  return typeof caseId === 'number' ? `/admin/cases/${caseId}` : null;
}

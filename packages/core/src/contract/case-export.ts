import type { z } from 'zod';
import type { CaseStatus, CaseType, Channel } from '../case/vocabulary.ts';
import { listCasesQuerySchema } from './case.ts';

/**
 * The case list as an Excel workbook (GET /cases/export.xlsx) and the printable case sheet
 * (GET /cases/{id}/sheet.pdf): the export takes the list's filters without its paging.
 */
export const exportCasesQuerySchema = listCasesQuerySchema.omit({ pageSize: true, cursor: true });
export type ExportCasesQuery = z.infer<typeof exportCasesQuerySchema>;

/** At most this many cases in one workbook; a larger selection is refused (narrow the filter). */
export const CASE_EXPORT_MAX_ROWS = 50_000;

/** Names on paper (the export and the case sheet), as the web shows them. */
export const caseStatusZh: Record<CaseStatus, string> = {
  registered: '待派单',
  dispatched: '待签收',
  returned: '退单待审',
  in_progress: '办理中',
  reply_review: '答复待审',
  replied: '已答复',
  closed: '已办结',
  merged: '已并单',
};

export const caseTypeZh: Record<CaseType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

export const channelZh: Record<Channel, string> = {
  window: '窗口',
  safety_net: '办不成事反映窗口',
  hotline: '12345热线',
  web: '网站',
  h5: '手机H5',
  visit: '走访',
  grid: '网格',
  enterprise: '入企服务',
  open311: 'Open311 接口',
};

/** The timeline's actions (case events) in Chinese; an action not named here prints as it is. */
export const caseEventActionZh: Readonly<Record<string, string>> = {
  register: '登记受理',
  dispatch: '派单',
  urge: '催办（临期提醒）',
  supervise: '督办（已逾期）',
  escalate: '上报领导（逾期未办）',
  sign: '签收',
  return: '退单',
  decideReturn: '审核退单',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
  reply: '答复',
  reviewReply: '审核答复',
  refuse: '不予受理',
  followUp: '回访',
  reopen: '重办',
  close: '办结',
  merge: '并单',
  mergedIn: '并入相同诉求',
  masterReplied: '主单答复转告',
  masterChanged: '主单变更',
  attach: '上传附件',
  convene: '召集会商',
  recordOpinion: '会商意见',
  recordMinutes: '会商纪要',
  decide: '办理决定',
  cite: '引用政策',
};

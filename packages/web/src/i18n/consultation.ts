/** 会商 of an ordinary case (派单异议, a dispute over who handles it): the dialogs, the panel, the proposal. zh-CN first. */
export const zh = {
  'consult.title': '会商（派单异议）',
  'consult.propose': '该诉求已被退回 {n} 次：建议召集相关单位会商，由会商纪要确定主办和协办单位。',
  'consult.conveneHint':
    '召集相关单位负责人会商派单异议：至少两个单位；受邀单位负责人在“待会商”中填写本单位意见。会商须在 {limit} 内形成纪要，纪要确定的主办单位须签收，不得再退回。',
  'consult.units': '参加会商的单位',
  'consult.err.units': '请至少选择两个不同的单位',
  'consult.agenda': '会商事项',
  'consult.agendaHint': '例如：该诉求由哪个单位主办、哪些单位协办',
  'consult.dueAt': '会商时限',
  'consult.overdue': '已超过会商时限',
  'consult.minutesHint': '纪要确定的主办和协办单位即为派单结果：工单派至主办单位，须在签收时限内签收，不得再退回。',
  'consult.waiting': '会商进行中：形成纪要前，该诉求暂不派单、签收或退回。',
  'consult.limit.workingDays': '{n} 个工作日',
  'consult.limit.hours': '{n} 小时',
  'consult.limit.workingHours': '{n} 个工作小时',
  'consult.limit.sameDay': '当日',
  'consult.pendingHint': '本单位受邀参加会商（办不成事窗口或派单异议），请在会商时限内打开诉求填写本单位意见。',
  'consult.limitTitle': '派单异议会商时限',
  'consult.limitBefore': '召集会商后',
  'consult.limitAfter': '个工作日内形成会商纪要',
  'consult.limitHint': '全国性设置，仅根区域系统管理员可修改；超时由督办扫描催办，通知派单员和尚未答复的单位负责人。',
  'consult.limitSaveFailed': '保存会商时限失败',
};

export const en: Record<keyof typeof zh, string> = {
  'consult.title': 'Consultation (dispute over a dispatch)',
  'consult.propose':
    'This case has been returned {n} times: consider convening the units concerned, so that the minutes settle the lead and assisting units.',
  'consult.conveneHint':
    'Convene the heads of the units concerned about who handles this case: at least two units; each invited head gives the unit’s opinion under “Consultations to answer”. The minutes are due within {limit}; the lead unit they name must sign and may not return the case.',
  'consult.units': 'Units to convene',
  'consult.err.units': 'Choose at least two different units',
  'consult.agenda': 'Matter to settle',
  'consult.agendaHint': 'e.g. which unit leads this case and which assist',
  'consult.dueAt': 'Settle by',
  'consult.overdue': 'The time to settle has passed',
  'consult.minutesHint':
    'The lead and assisting units of the minutes are the dispatch: the case goes to the lead unit, which must sign within the sign-for limit and may not return it.',
  'consult.waiting': 'A consultation is open: until its minutes the case is not dispatched, signed for or returned.',
  'consult.limit.workingDays': '{n} working day(s)',
  'consult.limit.hours': '{n} hour(s)',
  'consult.limit.workingHours': '{n} working hour(s)',
  'consult.limit.sameDay': 'the same day',
  'consult.pendingHint':
    'Your unit is invited to a consultation (the safety-net window or a dispatch dispute): open the case and give the unit’s opinion before the time to settle.',
  'consult.limitTitle': 'Time to settle a dispatch dispute',
  'consult.limitBefore': 'Minutes within',
  'consult.limitAfter': 'working day(s) of convening',
  'consult.limitHint':
    'A national setting: only the system admin of the root region changes it. Past it the scanner chases the dispatcher and the heads who have not answered.',
  'consult.limitSaveFailed': 'Could not save the time to settle',
};

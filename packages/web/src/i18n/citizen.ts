/** Citizen pages: submit, track, rate. */
export const zh = {
  track: '查询办理进度',
  phoneLast4: '手机号后四位',
  query: '查询',
  notFound: '未找到该诉求，请核对编号和手机号后四位',
  staffPortal: '工作人员入口',
};

export const en: Record<keyof typeof zh, string> = {
  track: 'Track a request',
  phoneLast4: 'Last 4 digits of your phone',
  query: 'Search',
  notFound: 'No such request: check the number and the last 4 digits',
  staffPortal: 'Staff sign-in',
};

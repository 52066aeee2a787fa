/** 不予受理: the refusal dialog and its reasons. zh-CN first. */
export const zh = {
  'action.refuse': '不予受理',
  'refusal.reason': '不予受理理由',
  'refusal.reason.in_litigation': '涉诉涉仲裁',
  'refusal.reason.in_petition': '已进入信访程序',
  'refusal.reason.other_jurisdiction': '非本地区/非本级管辖',
  'refusal.reason.no_content': '无实质诉求内容',
  'refusal.reason.repeat_of_open': '重复诉求（已有在办工单）',
  'refusal.reason.malicious': '恶意骚扰重复来电',
  'refusal.reason.other': '其他',
  'refusal.text': '告知诉求人的说明',
  'refusal.linkedCase': '在办工单（编号 ID）',
  'refusal.linkedRequired': '重复诉求须关联一件在办工单',
  'refusal.similarOpen': '近 30 天相似的在办工单（点击选择）：',
  'refusal.needsReview': '不予受理须经督办审核后才告知诉求人；审核通过后工单办结，不计入答复数。',
};

export const en: Record<keyof typeof zh, string> = {
  'action.refuse': 'Refuse (不予受理)',
  'refusal.reason': 'Reason for refusing',
  'refusal.reason.in_litigation': 'In litigation or arbitration',
  'refusal.reason.in_petition': 'Already in the petition (信访) procedure',
  'refusal.reason.other_jurisdiction': 'Not this region’s or this level’s jurisdiction',
  'refusal.reason.no_content': 'No actionable request',
  'refusal.reason.repeat_of_open': 'Repeat of a case still open',
  'refusal.reason.malicious': 'Malicious repeated calls',
  'refusal.reason.other': 'Other',
  'refusal.text': 'Explanation for the requester',
  'refusal.linkedCase': 'Open case (ID)',
  'refusal.linkedRequired': 'A repeat is linked to an open case',
  'refusal.similarOpen': 'Similar open cases of the last 30 days (click to choose):',
  'refusal.needsReview':
    'A refusal reaches the requester only after a supervisor approves it; then the case is closed and not counted as answered.',
};

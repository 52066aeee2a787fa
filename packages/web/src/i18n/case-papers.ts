/** The case list's Excel export, the printable case sheet and the answer letter. zh-CN first. */
export const zh = {
  'papers.export': '导出 Excel',
  'papers.exportFailed': '导出失败',
  'papers.exportFile': '诉求工单清单.xlsx',
  'papers.print': '打印工单',
  'papers.answerLetterStaff': '打印答复意见书（存档联）',
  'papers.answerLetterCitizen': '答复意见书（诉求人联）',
};

export const en: Record<keyof typeof zh, string> = {
  'papers.export': 'Export to Excel',
  'papers.exportFailed': 'Export failed',
  'papers.exportFile': 'cases.xlsx',
  'papers.print': 'Print case sheet',
  'papers.answerLetterStaff': 'Print answer letter (file copy)',
  'papers.answerLetterCitizen': 'Answer letter (requester’s copy)',
};

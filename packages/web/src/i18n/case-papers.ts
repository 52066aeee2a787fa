/** The case list's Excel export and the printable case sheet. zh-CN first. */
export const zh = {
  'papers.export': '导出 Excel',
  'papers.exportFailed': '导出失败',
  'papers.exportFile': '诉求工单清单.xlsx',
  'papers.print': '打印工单',
};

export const en: Record<keyof typeof zh, string> = {
  'papers.export': 'Export to Excel',
  'papers.exportFailed': 'Export failed',
  'papers.exportFile': 'cases.xlsx',
  'papers.print': 'Print case sheet',
};

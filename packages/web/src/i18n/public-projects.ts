/** Public texts of the key livelihood projects page (重点民生项目公示). */
export const zh = {
  'pub.projects.title': '重点民生项目',
};

export const en: Record<keyof typeof zh, string> = {
  'pub.projects.title': 'Key livelihood projects',
};

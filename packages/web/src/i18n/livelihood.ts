/** Staff texts of livelihood matters and key projects (民生事项与重点项目). */
export const zh = {
  'nav.livelihood': '民生实事',
};

export const en: Record<keyof typeof zh, string> = {
  'nav.livelihood': 'Livelihood projects',
};

/** Admin pages: units, users and roles, categories and routing catalog, time limits, holiday calendar. */
export const zh = {
  settings: '系统设置',
};

export const en: Record<keyof typeof zh, string> = {
  settings: 'Settings',
};

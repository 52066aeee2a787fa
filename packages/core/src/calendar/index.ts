export * from './iso-date.ts';
export * from './china-time.ts';
export * from './holiday-year.ts';
export * from './work-calendar.ts';
export * from './china-calendar.ts';

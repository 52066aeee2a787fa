export * from './working-hours.ts';
export * from './time-limit.ts';
export * from './due-at.ts';
export * from './policy.ts';
export * from './rules.ts';

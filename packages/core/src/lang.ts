/** The languages Huiyin speaks: Chinese by default, English when the caller prefers it. */
export type Lang = 'zh' | 'en';

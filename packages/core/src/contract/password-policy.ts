import type { Lang } from '../lang.ts';

/**
 * The password rules of the 等保 2.0 level-3 baseline (身份鉴别): at least 10 characters of at
 * least three of four classes (lower case, upper case, digits, others), not containing the
 * username, at most 256 characters. Reuse of the last five passwords is checked by the server
 * (it needs the stored hashes).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_CLASSES = 3;
/** How many earlier passwords a new one may not repeat. */
export const PASSWORD_HISTORY_DEPTH = 5;

export const passwordProblemCodes = [
  'password_too_short',
  'password_too_long',
  'password_few_classes',
  'password_has_username',
  'password_reused',
] as const;
export type PasswordProblemCode = (typeof passwordProblemCodes)[number];

/** How many of the four classes (lower, upper, digit, other) the password uses. */
export function passwordClasses(password: string): number {
  let n = 0;
  if (/\p{Ll}/u.test(password)) n += 1;
  if (/\p{Lu}/u.test(password)) n += 1;
  if (/\p{Nd}/u.test(password)) n += 1;
  if (/[^\p{Ll}\p{Lu}\p{Nd}]/u.test(password)) n += 1;
  return n;
}

/** What is wrong with a new password, in the order a person fixes it; empty when it passes. */
export function passwordProblems(password: string, username?: string | null): PasswordProblemCode[] {
  const problems: PasswordProblemCode[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('password_too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('password_too_long');
  if (passwordClasses(password) < PASSWORD_MIN_CLASSES) problems.push('password_few_classes');
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push('password_has_username');
  return problems;
}

const problemText: Record<PasswordProblemCode, Record<Lang, string>> = {
  password_too_short: { zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `At least ${PASSWORD_MIN_LENGTH} characters` },
  password_too_long: { zh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`, en: `At most ${PASSWORD_MAX_LENGTH} characters` },
  password_few_classes: {
    zh: '须包含小写字母、大写字母、数字、其他符号中的至少三类',
    en: 'Use at least three of: lower-case letters, upper-case letters, digits, other characters',
  },
  password_has_username: { zh: '密码不能包含用户名', en: 'The password must not contain the username' },
  password_reused: {
    zh: `不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同`,
    en: `Must differ from your last ${PASSWORD_HISTORY_DEPTH} passwords`,
  },
};

/** A problem in the caller's language. */
export function passwordProblemText(code: PasswordProblemCode, lang: Lang): string {
  return problemText[code][lang];
}

/** The rules as hints for a form, in the caller's language. */
export function passwordRuleHints(lang: Lang): string[] {
  return (['password_too_short', 'password_few_classes', 'password_has_username', 'password_reused'] as const).map(
    (c) => problemText[c][lang],
  );
}

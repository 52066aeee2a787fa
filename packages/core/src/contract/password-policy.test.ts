import { describe, expect, it } from 'vitest';
import { passwordClasses, passwordProblems, passwordProblemText, passwordRuleHints } from './password-policy.ts';

describe('password policy (level-3 baseline)', () => {
  it('accepts 10+ characters of three classes without the username', () => {
    expect(passwordProblems('Spring-river9', 'zhangsan')).toEqual([]);
    expect(passwordProblems('abcdefgh12!', 'zhangsan')).toEqual([]);
    expect(passwordProblems('ABCDEFGH1a')).toEqual([]);
  });

  it('refuses short, few classes, too long and the username in any case', () => {
    expect(passwordProblems('Ab1!xyz', 'u')).toContain('password_too_short');
    expect(passwordProblems('huiyin-demo')).toEqual(['password_few_classes']);
    expect(passwordProblems('abcdefghijkl')).toEqual(['password_few_classes']);
    expect(passwordProblems('Aa1!'.repeat(65))).toEqual(['password_too_long']);
    expect(passwordProblems('xx-ZhangSan-99', 'zhangsan')).toEqual(['password_has_username']);
    expect(passwordProblems('Secret-Pass1', '  ')).toEqual([]);
  });

  it('counts character classes, Chinese characters as other', () => {
    expect(passwordClasses('abc')).toBe(1);
    expect(passwordClasses('aB1')).toBe(3);
    expect(passwordClasses('aB1 ')).toBe(4);
    expect(passwordClasses('回音abc123')).toBe(3);
  });

  it('names every problem in both languages', () => {
    expect(passwordProblemText('password_reused', 'zh')).toContain('5');
    expect(passwordProblemText('password_too_short', 'en')).toContain('10');
    expect(passwordRuleHints('en')).toHaveLength(4);
  });
});

import { describe, it, expect } from 'vitest';
import { caseTypes } from '../case/vocabulary.ts';
import { answerLimitFor, defaultTimeLimitPolicy, mergeTimeLimitPolicy, validateTimeLimitPolicyOverride } from './policy.ts';
import { validateTimeLimit } from './time-limit.ts';

describe('default time-limit policy', () => {
  it('is the table of DOMAIN.md', () => {
    expect(defaultTimeLimitPolicy).toEqual({
      sign: { unit: 'workingDays', value: 1 },
      answer: {
        consultation: { unit: 'workingDays', value: 2 },
        help: { unit: 'workingDays', value: 10 },
        suggestion: { unit: 'workingDays', value: 10 },
        complaint: { unit: 'workingDays', value: 15 },
        report: { unit: 'workingDays', value: 15 },
      },
      urgentHelp: { unit: 'hours', value: 2 },
      safetyNet: {
        simple: { unit: 'sameDay' },
        general: { unit: 'workingDays', value: 2 },
        complex: { unit: 'workingDays', value: 5 },
        cannotBeDone: { unit: 'workingDays', value: 3 },
      },
      badRating: { unit: 'workingDays', value: 15 },
      workingHours: { morningStart: '09:00', morningEnd: '12:00', afternoonStart: '13:30', afternoonEnd: '17:30' },
    });
  });

  it('takes a region’s own office hours, and refuses hours out of order', () => {
    const hours = { morningStart: '08:30', morningEnd: '12:00', afternoonStart: '14:30', afternoonEnd: '18:00' };
    expect(mergeTimeLimitPolicy(defaultTimeLimitPolicy, { workingHours: hours }).workingHours).toEqual(hours);
    expect(validateTimeLimitPolicyOverride({ workingHours: { ...hours, afternoonStart: '11:00' } })).toMatch(
      /^workingHours: afternoonStart/,
    );
    expect(validateTimeLimitPolicyOverride({ workingHours: { ...hours, lunch: '12:00' } })).toBe('workingHours.lunch: unknown entry');
  });

  it('has an answer limit for every case type, urgent or not', () => {
    for (const type of caseTypes) {
      for (const urgent of [false, true]) {
        expect(validateTimeLimit(answerLimitFor(defaultTimeLimitPolicy, { type, urgent }))).toBeNull();
      }
    }
  });
});

describe('mergeTimeLimitPolicy', () => {
  it('overrides single entries and keeps the rest', () => {
    const merged = mergeTimeLimitPolicy(defaultTimeLimitPolicy, {
      answer: { consultation: { unit: 'workingDays', value: 1 } },
      safetyNet: { general: { unit: 'workingDays', value: 1 } },
      urgentHelp: { unit: 'hours', value: 1 },
    });
    expect(merged.answer.consultation).toEqual({ unit: 'workingDays', value: 1 });
    expect(merged.answer.complaint).toEqual({ unit: 'workingDays', value: 15 });
    expect(merged.safetyNet.general).toEqual({ unit: 'workingDays', value: 1 });
    expect(merged.safetyNet.simple).toEqual({ unit: 'sameDay' });
    expect(merged.urgentHelp).toEqual({ unit: 'hours', value: 1 });
    expect(merged.sign).toEqual(defaultTimeLimitPolicy.sign);
    expect(answerLimitFor(merged, { type: 'help', urgent: true })).toEqual({ unit: 'hours', value: 1 });
    expect(defaultTimeLimitPolicy.answer.consultation).toEqual({ unit: 'workingDays', value: 2 });
  });

  it('nests: province, then city, then county', () => {
    const province = mergeTimeLimitPolicy(defaultTimeLimitPolicy, { answer: { help: { unit: 'workingDays', value: 8 } } });
    const county = mergeTimeLimitPolicy(province, { answer: { report: { unit: 'workingDays', value: 12 } } });
    expect(county.answer.help.unit === 'workingDays' && county.answer.help.value).toBe(8);
    expect(county.answer.report).toEqual({ unit: 'workingDays', value: 12 });
    expect(mergeTimeLimitPolicy(county, {})).toEqual(county);
  });

  it('rejects invalid overrides', () => {
    expect(() => mergeTimeLimitPolicy(defaultTimeLimitPolicy, { sign: { unit: 'workingDays', value: 0 } })).toThrow(/sign/);
    expect(validateTimeLimitPolicyOverride({ answer: { help: { unit: 'workingDays', value: 2.5 } } })).toMatch(/^answer\.help:/);
    expect(validateTimeLimitPolicyOverride({ answer: { appeal: { unit: 'sameDay' } } })).toMatch(/appeal/);
    expect(validateTimeLimitPolicyOverride({ deadline: 3 })).toMatch(/deadline/);
    expect(validateTimeLimitPolicyOverride([])).not.toBeNull();
    expect(validateTimeLimitPolicyOverride({ safetyNet: { simple: { unit: 'sameDay' } } })).toBeNull();
  });
});

describe('validateTimeLimit', () => {
  it('accepts valid limits', () => {
    for (const ok of [
      { unit: 'workingDays', value: 1 },
      { unit: 'workingDays', value: 366 },
      { unit: 'hours', value: 2 },
      { unit: 'hours', value: 0.5 },
      { unit: 'workingHours', value: 4 },
      { unit: 'sameDay' },
    ]) {
      expect(validateTimeLimit(ok), JSON.stringify(ok)).toBeNull();
    }
  });

  it('rejects non-positive or non-integer day values and malformed limits', () => {
    for (const bad of [
      { unit: 'workingDays', value: 0 },
      { unit: 'workingDays', value: -3 },
      { unit: 'workingDays', value: 1.5 },
      { unit: 'workingDays', value: '2' },
      { unit: 'workingDays', value: 367 },
      { unit: 'workingDays' },
      { unit: 'hours', value: 0 },
      { unit: 'hours', value: Number.POSITIVE_INFINITY },
      { unit: 'workingHours', value: -1 },
      { unit: 'sameDay', value: 1 },
      { unit: 'weeks', value: 1 },
      null,
      'sameDay',
    ]) {
      expect(validateTimeLimit(bad), JSON.stringify(bad)).toEqual(expect.any(String));
    }
  });
});

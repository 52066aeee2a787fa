/**
 * The safety-net window (办不成事反映窗口): what failed, how it ended and why (DOMAIN.md).
 */

/** How a safety-net case ends: the matter got done, or a written answer says why it cannot be. */
export const safetyNetOutcomes = ['done', 'cannot'] as const;
export type SafetyNetOutcome = (typeof safetyNetOutcomes)[number];

/** 原因分类: every safety-net case is closed with one. */
export const rootCauseKinds = ['policy_barrier', 'coordination_needed', 'staff_conduct'] as const;
export type RootCauseKind = (typeof rootCauseKinds)[number];

/** staff_conduct comes in two kinds: 吃拿卡要 (misconduct) and 主观因素 (a rule misread, no initiative). */
export const conductKinds = ['misconduct', 'subjective'] as const;
export type ConductKind = (typeof conductKinds)[number];

/** Handling kinds the officer picks at registration; convening makes a case complex. */
export const safetyNetRegisterKinds = ['simple', 'general'] as const;

export interface RootCause {
  readonly kind: RootCauseKind;
  readonly conduct?: ConductKind | undefined;
  readonly finding: string;
  /** The staff member concerned (staff_conduct). */
  readonly staffName?: string | undefined;
  /** The staff member's unit; defaults to the unit where the matter failed. */
  readonly unitId?: number | undefined;
  /** The officer refers a subjective-conduct case to discipline inspection too. */
  readonly refer?: boolean | undefined;
}

/** What a root cause sets in motion once the case is decided. */
export interface RootCauseFollowUps {
  /** 移交纪检: a referral to discipline inspection naming the staff member and unit. */
  readonly referral: boolean;
  /** 整改通知: a rectification notice to the unit where the matter failed. */
  readonly rectification: boolean;
  /** An entry in the policy-barrier ledger for policy review. */
  readonly policyBarrier: boolean;
}

export function followUpsOf(cause: RootCause): RootCauseFollowUps {
  const conduct = cause.kind === 'staff_conduct';
  return {
    referral: conduct && (cause.conduct === 'misconduct' || cause.refer === true),
    rectification: conduct && cause.conduct === 'subjective',
    policyBarrier: cause.kind === 'policy_barrier',
  };
}

/**
 * Why a root cause is incomplete, or null: staff_conduct needs its kind, misconduct names the
 * staff member, a finding is never empty, and conduct fields belong to staff_conduct only.
 */
export function rootCauseProblem(cause: RootCause): { path: string; reason: string } | null {
  if (cause.finding.trim() === '') return { path: 'rootCause.finding', reason: 'the root cause needs a written finding' };
  if (cause.kind === 'staff_conduct') {
    if (cause.conduct === undefined) return { path: 'rootCause.conduct', reason: 'staff conduct is either misconduct or subjective' };
    if (cause.conduct === 'misconduct' && (cause.staffName ?? '').trim() === '') {
      return { path: 'rootCause.staffName', reason: 'a misconduct referral names the staff member' };
    }
    return null;
  }
  if (cause.conduct !== undefined) return { path: 'rootCause.conduct', reason: 'conduct applies to staff_conduct only' };
  if (cause.refer === true) return { path: 'rootCause.refer', reason: 'only staff conduct is referred to discipline inspection' };
  return null;
}

/**
 * The document number (发文字号) of a written answer: the county's first character, the centre's
 * abbreviation, the year in 〔〕 and the sequence, e.g. 郊政服答〔2026〕12号 (GB/T 9704).
 */
export function answerLetterNo(countyName: string, year: number, seq: number): string {
  const head = countyName.replace(/^(.+?[市州盟])(?=.+[区县旗市]$)/u, '').charAt(0) || '政';
  return `${head}政服答〔${year}〕${seq}号`;
}

import type { RootCause, SafetyNetOutcome } from '../safety-net/vocabulary.ts';
import type { RefusalReason } from '../contract/refusal.ts';
import type { ReplyOutcome, Satisfaction } from './vocabulary.ts';

/** Every action a person can take on a case after registration. */
export const caseActions = [
  'dispatch',
  'sign',
  'return',
  'decideReturn',
  'requestExtension',
  'decideExtension',
  'reply',
  'reviewReply',
  'followUp',
  'reopen',
  'close',
  'merge',
  // 不予受理: refused before dispatch, reviewed by a supervisor (reviewReply).
  'refuse',
  // The safety-net window (办不成事反映窗口).
  'convene',
  'recordOpinion',
  'recordMinutes',
  'decide',
  // Any case: cite an article of the policy library.
  'cite',
] as const;
export type CaseAction = (typeof caseActions)[number];

/** The fields each action carries (validated by the contract schemas before reaching here). */
export interface ActionInputs {
  dispatch: { leadUnitId: number; assistUnitIds?: number[] | undefined; note?: string | undefined };
  sign: { note?: string | undefined };
  return: { reason: string };
  decideReturn: { approve: boolean; note?: string | undefined };
  requestExtension: { days: number; reason: string };
  decideExtension: { approve: boolean; note?: string | undefined };
  reply: { outcome: ReplyOutcome; text: string; policyBasis?: string | undefined };
  reviewReply: { approve: boolean; note?: string | undefined };
  followUp: { solved: boolean; satisfaction: Satisfaction; comment?: string | undefined };
  reopen: { reason: string };
  close: { reason: string };
  merge: { masterId: number };
  /** 不予受理: the reason from the fixed list, the text the citizen reads, and the open case a repeat is linked to. */
  refuse: { reasonCode: RefusalReason; text: string; linkedCaseId?: number | undefined };
  /** 会商: invite the heads of these units. */
  convene: { unitIds: number[]; agenda: string };
  /** A convened unit's head gives the unit's opinion; `unitId` picks the unit when the head leads several. */
  recordOpinion: { opinion: string; unitId?: number | undefined };
  /** Minutes of the consultation: lead and assisting units and the decision. */
  recordMinutes: { leadUnitId: number; assistUnitIds?: number[] | undefined; decision: string };
  /** The end of a safety-net case: done, or a written answer why not, with the root cause. */
  decide: {
    outcome: SafetyNetOutcome;
    text: string;
    citations?: number[] | undefined;
    /** What the citizen can do instead (a cannot-be-done answer). */
    alternatives?: string | undefined;
    /** Who did what (a done matter). */
    doneBy?: string | undefined;
    rootCause: RootCause;
  };
  cite: { policyId: number; note?: string | undefined };
}

export type ActionInput = {
  [A in CaseAction]: { action: A } & ActionInputs[A];
}[CaseAction];

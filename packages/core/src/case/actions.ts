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
}

export type ActionInput = {
  [A in CaseAction]: { action: A } & ActionInputs[A];
}[CaseAction];

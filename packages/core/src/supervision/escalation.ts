/**
 * Urging and escalation (催办 / 督办 / 上报领导) of a deadline: near due (by default at 80 % of the
 * time used, the case's near-due time) → a reminder (urge) to the handling unit; past due →
 * supervision (supervise) to the unit head and the supervisor; past due by more than the
 * configured working days → up to the region's leader (escalate). Each level of one deadline is
 * announced once; a new deadline (an approved extension) starts again from level 0.
 */
export const escalationLevels = ['urge', 'supervise', 'escalate'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export interface EscalationRule {
  /** Working days past the deadline after which the case goes up to the region's leader. */
  leaderAfterWorkingDays: number;
}

export const defaultEscalationRule: EscalationRule = { leaderAfterWorkingDays: 2 };

export interface DeadlineTimes {
  /** When the reminder is due (the near-due time). */
  nearDueAt: Date;
  dueAt: Date;
  /** When it goes to the leader: `dueAt` moved by the rule's working days (the caller's calendar). */
  leaderAt: Date;
}

/** 0 = nothing yet, 1 urge, 2 supervise, 3 escalate. */
export type EscalationRank = 0 | 1 | 2 | 3;

export function escalationRank(t: DeadlineTimes, now: Date): EscalationRank {
  const n = now.getTime();
  if (n >= t.leaderAt.getTime()) return 3;
  if (n >= t.dueAt.getTime()) return 2;
  if (n >= t.nearDueAt.getTime()) return 1;
  return 0;
}

export function levelOfRank(rank: Exclude<EscalationRank, 0>): EscalationLevel {
  return escalationLevels[rank - 1]!;
}

/** When the rank next changes after `now` (null once at the top). */
export function nextEscalationAt(t: DeadlineTimes, now: Date): Date | null {
  for (const at of [t.nearDueAt, t.dueAt, t.leaderAt]) if (at.getTime() > now.getTime()) return at;
  return null;
}

import type { TimeLimit } from '../deadline/time-limit.ts';
import type { CaseAction } from './actions.ts';
import type { Actor, AnyTransition, CaseSnapshot } from './machine.ts';
import type { CaseStatus } from './vocabulary.ts';

/**
 * 会商 of an ordinary case: the dispatch dispute (派单异议) of the 2025 rules.
 *
 * The dispatcher convenes the heads of at least two units concerned on a case that is
 * - `registered`: before dispatch, when ownership is unclear;
 * - `returned`: a unit sent it back (the web proposes a consultation once a case has been returned twice);
 * - `dispatched`: not signed yet, when the dispatcher sees the dispute coming.
 * Never once a unit has signed (`in_progress`): the lead unit owns it, an extension or the answer settles it.
 *
 * While the consultation is open the case keeps its status and waits for the minutes: only the
 * invited heads' opinions, the minutes and citations are taken (no dispatch, sign, return, return
 * review, merge, on-the-spot answer or refusal). The dispute is due to be settled within a
 * configurable limit (default 1 working day): that due time is the case's running deadline, which
 * the deadline scanner chases. The minutes name the lead and assisting units and dispatch the case
 * to them (`dispatched`, a new sign-for limit); the lead unit signs as after any dispatch. The
 * assignment is binding: once minutes are recorded, the case can no longer be returned.
 */

/** The states a dispatcher may convene an ordinary case's consultation from (the case keeps its state until the minutes). */
export const ordinaryConsultationStates = ['registered', 'returned', 'dispatched'] as const satisfies readonly CaseStatus[];

/** An ordinary case is dispatched after the minutes, so at least two units must be heard. */
export const ordinaryConsultationMinUnits = 2;

/** How long a dispatch dispute may take to settle when no setting says otherwise. */
export const defaultConsultationSettleLimit: TimeLimit = { unit: 'workingDays', value: 1 };

/** The number of returns after which the web proposes a consultation. */
export const consultationProposedAfterReturns = 2;

/** What may still be done on an ordinary case while its consultation is open. */
const duringConsultation: readonly CaseAction[] = ['recordOpinion', 'recordMinutes', 'cite'];

export function openConsultation(c: CaseSnapshot): boolean {
  return c.consultation !== null && c.consultation !== undefined;
}

/** An ordinary case waiting for a consultation's minutes allows only the consultation's own actions. */
export function blockedByConsultation(c: CaseSnapshot, action: CaseAction): boolean {
  return c.safetyNet !== true && openConsultation(c) && !duringConsultation.includes(action);
}

/** The actor's units that are invited to the open consultation and have not answered yet. */
export function pendingConvenedUnits(c: CaseSnapshot, actor: Pick<Actor, 'unitIds'>): number[] {
  const k = c.consultation;
  if (!k) return [];
  return k.unitIds.filter((u) => actor.unitIds.includes(u) && !k.answeredUnitIds.includes(u));
}

const from = ordinaryConsultationStates;

/** The ordinary case's consultation in the lifecycle table. */
export const ordinaryConsultation: readonly AnyTransition[] = [
  {
    action: 'convene',
    appliesTo: 'regular',
    from,
    roles: ['dispatcher'],
    guard: (c, i) => {
      if (openConsultation(c)) return { reason: 'a consultation is already open: record its minutes first' };
      if (new Set(i.unitIds).size < ordinaryConsultationMinUnits) {
        return { reason: 'a consultation needs at least two different units', details: { path: 'unitIds' } };
      }
      return i.agenda.trim() === '' ? { reason: 'a consultation needs an agenda', details: { path: 'agenda' } } : null;
    },
    next: (c) => c.status,
  },
  {
    action: 'recordOpinion',
    appliesTo: 'regular',
    from,
    roles: ['unit_head'],
    unitCheck: 'convened',
    guard: (c, i, actor) => {
      if (i.opinion.trim() === '') return { reason: 'the opinion is empty', details: { path: 'opinion' } };
      if (i.unitId !== undefined && !pendingConvenedUnits(c, actor).includes(i.unitId)) {
        return { reason: 'that unit is not invited, not yours, or has already given its opinion' };
      }
      return null;
    },
    next: (c) => c.status,
  },
  {
    action: 'recordMinutes',
    appliesTo: 'regular',
    from,
    roles: ['dispatcher'],
    guard: (c, i) => {
      if (!openConsultation(c)) return { reason: 'there is no open consultation to record minutes of' };
      return i.decision.trim() === '' ? { reason: 'the minutes need the decision', details: { path: 'decision' } } : null;
    },
    // The minutes dispatch the case to the lead and assisting units they name.
    next: () => 'dispatched',
  },
];

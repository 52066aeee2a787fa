import type { ActionInput, ActionInputs, CaseAction } from './actions.ts';
import { caseActions } from './actions.ts';
import { blockedByConsultation, openConsultation, ordinaryConsultation, pendingConvenedUnits } from './consultation.ts';
import { refusalTextMax, refusalTextMin } from '../contract/refusal.ts';
import { rootCauseProblem } from '../safety-net/vocabulary.ts';
import { isSatisfied, unitRoles, type CaseStatus, type Role } from './vocabulary.ts';

/**
 * The case lifecycle as data: state x action -> next state, who may act, and guards.
 * The server applies it inside one transaction; the web shows only the actions it allows.
 */

/** Someone acting on a case. Citizens act only through the public pages (rating the answer). */
export type ActorRole = Role | 'citizen';

export interface Actor {
  readonly userId: number | null;
  readonly roles: readonly ActorRole[];
  /** Units the actor belongs to. */
  readonly unitIds: readonly number[];
}

/** What the machine needs to know about a case. */
export interface CaseSnapshot {
  readonly status: CaseStatus;
  readonly leadUnitId: number | null;
  readonly pendingExtension: boolean;
  /** The follow-up of the current answer: none yet, or recorded as unsolved/dissatisfied. */
  readonly followUp: 'none' | 'unsatisfied';
  /** A dispatched case may be returned only within its sign-for limit (DOMAIN.md). */
  readonly returnWindowOpen: boolean;
  /** A case of the safety-net window (channel safety_net); false when absent. */
  readonly safetyNet?: boolean | undefined;
  /** The consultation (会商) still open on the case: invited units and those that answered. */
  readonly consultation?: { readonly unitIds: readonly number[]; readonly answeredUnitIds: readonly number[] } | null | undefined;
  /** A root cause is recorded (a safety-net case never closes without one). */
  readonly hasRootCause?: boolean | undefined;
  /** In reply_review, what waits for the supervisor is a refusal (不予受理), not an answer. */
  readonly pendingRefusal?: boolean | undefined;
  /**
   * A regular case whose dispatch dispute (派单异议) was settled by a consultation's minutes: the
   * assignment is binding, the lead unit may no longer return the case.
   */
  readonly consultationSettled?: boolean | undefined;
}

export type GuardFailure = { reason: string; details?: Record<string, unknown> };

export interface Transition<A extends CaseAction> {
  readonly action: A;
  readonly from: readonly CaseStatus[];
  readonly roles: readonly ActorRole[];
  /**
   * Cases it applies to: regular ones (dispatched to units) or those of the safety-net window,
   * which its officer owns from registration to decision; both when absent.
   */
  readonly appliesTo?: 'regular' | 'safetyNet';
  /** Which units a unit role must belong to: the lead unit (default) or a convened unit yet to answer. */
  readonly unitCheck?: 'lead' | 'convened';
  readonly guard?: (c: CaseSnapshot, input: ActionInputs[A], actor: Actor) => GuardFailure | null;
  readonly next: (c: CaseSnapshot, input: ActionInputs[A]) => CaseStatus;
}

export type AnyTransition = { [A in CaseAction]: Transition<A> }[CaseAction];

const handlingRoles: readonly ActorRole[] = ['handler', 'unit_head'];

export const transitions: readonly AnyTransition[] = [
  { action: 'dispatch', appliesTo: 'regular', from: ['registered'], roles: ['dispatcher', 'safety_net_officer'], next: () => 'dispatched' },
  { action: 'sign', appliesTo: 'regular', from: ['dispatched'], roles: handlingRoles, next: () => 'in_progress' },
  {
    action: 'return',
    appliesTo: 'regular',
    from: ['dispatched'],
    roles: handlingRoles,
    guard: (c, i) => {
      if (!c.returnWindowOpen) return { reason: 'the time to return has passed: a return must come within the sign-for limit' };
      if (c.consultationSettled === true)
        return { reason: 'a consultation settled who leads this case: its minutes are binding, no return' };
      return i.reason.trim() === '' ? { reason: 'a return needs a written reason' } : null;
    },
    next: () => 'returned',
  },
  {
    action: 'decideReturn',
    appliesTo: 'regular',
    from: ['returned'],
    roles: ['dispatcher'],
    next: (_c, i) => (i.approve ? 'registered' : 'dispatched'),
  },
  {
    action: 'requestExtension',
    appliesTo: 'regular',
    from: ['in_progress'],
    roles: handlingRoles,
    guard: (c) => (c.pendingExtension ? { reason: 'an extension request is already waiting for a decision' } : null),
    next: () => 'in_progress',
  },
  {
    action: 'decideExtension',
    appliesTo: 'regular',
    from: ['in_progress'],
    roles: ['unit_head', 'dispatcher', 'supervisor'],
    guard: (c) => (c.pendingExtension ? null : { reason: 'there is no extension request to decide' }),
    next: () => 'in_progress',
  },
  {
    action: 'reply',
    appliesTo: 'regular',
    from: ['in_progress'],
    roles: handlingRoles,
    guard: replyGuard,
    next: (_c, i) => (i.outcome === 'explained' ? 'reply_review' : 'replied'),
  },
  {
    // Answered on the spot at the window or on the hotline (即时办结), never dispatched.
    action: 'reply',
    appliesTo: 'regular',
    from: ['registered'],
    roles: ['clerk', 'safety_net_officer', 'dispatcher'],
    guard: replyGuard,
    next: (_c, i) => (i.outcome === 'explained' ? 'reply_review' : 'replied'),
  },
  {
    // 不予受理 before dispatch: reviewed by a supervisor like a "cannot be done" answer.
    // Not on the safety-net window: its cases are taken up by design (办不成事 is never refused).
    action: 'refuse',
    appliesTo: 'regular',
    from: ['registered'],
    roles: ['clerk', 'dispatcher', 'safety_net_officer'],
    guard: (_c, i) => {
      const n = i.text.trim().length;
      if (n < refusalTextMin || n > refusalTextMax) {
        return { reason: `a refusal needs a text of ${refusalTextMin} to ${refusalTextMax} characters`, details: { path: 'text' } };
      }
      if (i.reasonCode === 'repeat_of_open' && i.linkedCaseId === undefined) {
        return { reason: 'a repeat names the open case it repeats', details: { path: 'linkedCaseId' } };
      }
      return null;
    },
    next: () => 'reply_review',
  },
  {
    action: 'reviewReply',
    from: ['reply_review'],
    roles: ['supervisor'],
    // An approved refusal ends the case (closed, never answered); a rejected one goes back to registration.
    next: (c, i) =>
      c.pendingRefusal === true
        ? i.approve
          ? 'closed'
          : 'registered'
        : i.approve
          ? 'replied'
          : c.leadUnitId === null
            ? 'registered'
            : 'in_progress',
  },
  {
    action: 'followUp',
    from: ['replied'],
    roles: ['supervisor', 'citizen'],
    guard: (c) => (c.followUp === 'none' ? null : { reason: 'the follow-up of this answer is already recorded' }),
    next: (_c, i) => (i.solved && isSatisfied(i.satisfaction) ? 'closed' : 'replied'),
  },
  {
    action: 'reopen',
    from: ['replied'],
    roles: ['supervisor'],
    guard: (c, i) => {
      if (c.followUp !== 'unsatisfied') return { reason: 'only an unsolved or dissatisfied answer is reopened' };
      return i.reason.trim() === '' ? { reason: 'a reopen needs a reason' } : null;
    },
    // Back to the lead unit; an answer given on the spot (no lead unit) goes back to dispatch.
    next: (c) => (c.leadUnitId === null ? 'registered' : 'in_progress'),
  },
  {
    action: 'close',
    from: ['replied'],
    roles: ['supervisor'],
    // A satisfied follow-up closes the case by itself; any other close is a decision on record.
    guard: (c, i) => {
      if (c.safetyNet === true && c.hasRootCause !== true) return { reason: 'a safety-net case closes only with its root cause recorded' };
      return (i.reason ?? '').trim() === '' ? { reason: 'closing needs a written reason' } : null;
    },
    next: () => 'closed',
  },
  { action: 'merge', appliesTo: 'regular', from: ['registered', 'dispatched', 'returned'], roles: ['dispatcher'], next: () => 'merged' },
  {
    action: 'convene',
    appliesTo: 'safetyNet',
    from: ['registered', 'in_progress'],
    roles: ['safety_net_officer'],
    guard: (c, i) => {
      if (openConsultation(c)) return { reason: 'a consultation is already open: record its minutes or decide first' };
      if (i.unitIds.length === 0) return { reason: 'a consultation needs at least one invited unit' };
      return i.agenda.trim() === '' ? { reason: 'a consultation needs an agenda' } : null;
    },
    next: () => 'in_progress',
  },
  {
    action: 'recordOpinion',
    appliesTo: 'safetyNet',
    from: ['in_progress'],
    roles: ['unit_head'],
    unitCheck: 'convened',
    guard: (c, i, actor) => {
      if (i.opinion.trim() === '') return { reason: 'the opinion is empty' };
      if (i.unitId !== undefined && !pendingConvenedUnits(c, actor).includes(i.unitId)) {
        return { reason: 'that unit is not invited, not yours, or has already given its opinion' };
      }
      return null;
    },
    next: () => 'in_progress',
  },
  {
    action: 'recordMinutes',
    appliesTo: 'safetyNet',
    from: ['in_progress'],
    roles: ['safety_net_officer'],
    guard: (c, i) => {
      if (!openConsultation(c)) return { reason: 'there is no open consultation to record minutes of' };
      return i.decision.trim() === '' ? { reason: 'the minutes need the decision' } : null;
    },
    next: () => 'in_progress',
  },
  {
    action: 'decide',
    appliesTo: 'safetyNet',
    from: ['registered', 'in_progress'],
    roles: ['safety_net_officer'],
    guard: (_c, i) => {
      if (i.text.trim() === '') return { reason: 'the answer text is empty' };
      if (i.outcome === 'cannot' && (i.citations ?? []).length === 0) {
        return { reason: 'a cannot-be-done answer cites at least one policy', details: { path: 'citations' } };
      }
      const problem = rootCauseProblem(i.rootCause);
      return problem ? { reason: problem.reason, details: { path: problem.path } } : null;
    },
    // Done: the answer goes out; cannot be done: the negative-answer filing, reviewed first.
    next: (_c, i) => (i.outcome === 'done' ? 'replied' : 'reply_review'),
  },
  ...ordinaryConsultation,
  {
    action: 'cite',
    from: ['registered', 'dispatched', 'returned', 'in_progress', 'reply_review'],
    roles: ['safety_net_officer', 'dispatcher', 'clerk', 'supervisor', 'handler', 'unit_head'],
    next: (c) => c.status,
  },
];

function replyGuard(_c: CaseSnapshot, i: ActionInputs['reply']): GuardFailure | null {
  if (i.text.trim() === '') return { reason: 'the answer text is empty' };
  if (i.outcome === 'explained' && (i.policyBasis ?? '').trim() === '') {
    return { reason: 'an explained ("cannot be done") answer needs its policy basis' };
  }
  return null;
}

export type Decision =
  | { ok: true; next: CaseStatus; actingRole: ActorRole }
  | { ok: false; code: 'illegal_transition'; status: CaseStatus; action: CaseAction }
  | { ok: false; code: 'forbidden'; reason: string }
  | { ok: false; code: 'guard_failed'; reason: string; details?: Record<string, unknown> };

function applies(t: AnyTransition, c: CaseSnapshot): boolean {
  if (t.appliesTo === undefined) return true;
  return t.appliesTo === (c.safetyNet === true ? 'safetyNet' : 'regular');
}

function findTransition(c: CaseSnapshot, action: CaseAction): AnyTransition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(c.status) && applies(t, c));
}

/** The role under which the actor may take this transition on this case, if any. */
function actingRoleFor(t: AnyTransition, c: CaseSnapshot, actor: Actor): ActorRole | null {
  for (const role of t.roles) {
    if (!actor.roles.includes(role)) continue;
    if ((unitRoles as readonly ActorRole[]).includes(role)) {
      if (t.unitCheck === 'convened') {
        if (pendingConvenedUnits(c, actor).length > 0) return role;
        continue;
      }
      if (c.leadUnitId !== null && actor.unitIds.includes(c.leadUnitId)) return role;
      continue;
    }
    return role;
  }
  return null;
}

/** Decide an action on a case: the next status, or why not. Pure. */
export function decide(c: CaseSnapshot, input: ActionInput, actor: Actor): Decision {
  const t = findTransition(c, input.action);
  if (!t) return { ok: false, code: 'illegal_transition', status: c.status, action: input.action };
  const actingRole = actingRoleFor(t, c, actor);
  if (actingRole === null) {
    return { ok: false, code: 'forbidden', reason: `role may not ${input.action} this case` };
  }
  if (blockedByConsultation(c, input.action)) {
    return { ok: false, code: 'guard_failed', reason: 'a consultation is open on this case: its minutes come first' };
  }
  // The table pairs each action with its own input type; TypeScript cannot follow that pairing.
  const guard = t.guard as ((c: CaseSnapshot, i: ActionInput, a: Actor) => GuardFailure | null) | undefined;
  const failure = guard ? guard(c, input, actor) : null;
  if (failure) return { ok: false, code: 'guard_failed', ...failure };
  const next = (t.next as (c: CaseSnapshot, i: ActionInput) => CaseStatus)(c, input);
  return { ok: true, next, actingRole };
}

/**
 * The actions this actor may try on this case now (state and role allow them; guards that
 * depend on the action's input, such as a missing reason, are checked when it is taken).
 */
export function allowedActions(c: CaseSnapshot, actor: Actor): CaseAction[] {
  return caseActions.filter((action) =>
    transitions.some(
      (t) =>
        t.action === action && t.from.includes(c.status) && applies(t, c) && actingRoleFor(t, c, actor) !== null && stateGuardPasses(t, c),
    ),
  );
}

/** Guards that depend on the case alone, checked with a neutral input. */
function stateGuardPasses(t: AnyTransition, c: CaseSnapshot): boolean {
  if (blockedByConsultation(c, t.action)) return false;
  switch (t.action) {
    case 'requestExtension':
      return !c.pendingExtension;
    case 'decideExtension':
      return c.pendingExtension;
    case 'followUp':
      return c.followUp === 'none';
    case 'reopen':
      return c.followUp === 'unsatisfied';
    case 'return':
      return c.returnWindowOpen && c.consultationSettled !== true;
    case 'convene':
      return !openConsultation(c);
    case 'recordMinutes':
      return openConsultation(c);
    case 'close':
      return c.safetyNet !== true || c.hasRootCause === true;
    default:
      return true;
  }
}

/** Every status reachable from `registered` (used by tests and docs). */
export function reachableStatuses(): Set<CaseStatus> {
  const seen = new Set<CaseStatus>(['registered']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of transitions) {
      if (!t.from.some((s) => seen.has(s))) continue;
      for (const s of possibleNext(t)) {
        if (!seen.has(s)) {
          seen.add(s);
          grew = true;
        }
      }
    }
  }
  return seen;
}

function possibleNext(t: AnyTransition): CaseStatus[] {
  switch (t.action) {
    case 'decideReturn':
      return ['registered', 'dispatched'];
    case 'reply':
      return ['replied', 'reply_review'];
    case 'reviewReply':
      return ['replied', 'in_progress', 'registered', 'closed'];
    case 'followUp':
      return ['closed', 'replied'];
    case 'reopen':
      return ['in_progress', 'registered'];
    case 'decide':
      return ['replied', 'reply_review'];
    case 'cite':
      return [...t.from];
    default:
      return [
        t.next({ status: 'registered', leadUnitId: 1, pendingExtension: false, followUp: 'none', returnWindowOpen: true }, {} as never),
      ];
  }
}

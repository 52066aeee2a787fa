import type { ActionInput, ActionInputs, CaseAction } from './actions.ts';
import { caseActions } from './actions.ts';
import {
  isSatisfied,
  unitRoles,
  type CaseStatus,
  type Role,
} from './vocabulary.ts';

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
}

export type GuardFailure = { reason: string; details?: Record<string, unknown> };

interface Transition<A extends CaseAction> {
  readonly action: A;
  readonly from: readonly CaseStatus[];
  readonly roles: readonly ActorRole[];
  readonly guard?: (c: CaseSnapshot, input: ActionInputs[A]) => GuardFailure | null;
  readonly next: (c: CaseSnapshot, input: ActionInputs[A]) => CaseStatus;
}

type AnyTransition = { [A in CaseAction]: Transition<A> }[CaseAction];

const handlingRoles: readonly ActorRole[] = ['handler', 'unit_head'];

export const transitions: readonly AnyTransition[] = [
  { action: 'dispatch', from: ['registered'], roles: ['dispatcher', 'safety_net_officer'], next: () => 'dispatched' },
  { action: 'sign', from: ['dispatched'], roles: handlingRoles, next: () => 'in_progress' },
  {
    action: 'return',
    from: ['dispatched'],
    roles: handlingRoles,
    guard: (c, i) => {
      if (!c.returnWindowOpen) return { reason: 'the time to return has passed: a return must come within the sign-for limit' };
      return i.reason.trim() === '' ? { reason: 'a return needs a written reason' } : null;
    },
    next: () => 'returned',
  },
  {
    action: 'decideReturn',
    from: ['returned'],
    roles: ['dispatcher'],
    next: (_c, i) => (i.approve ? 'registered' : 'dispatched'),
  },
  {
    action: 'requestExtension',
    from: ['in_progress'],
    roles: handlingRoles,
    guard: (c) => (c.pendingExtension ? { reason: 'an extension request is already waiting for a decision' } : null),
    next: () => 'in_progress',
  },
  {
    action: 'decideExtension',
    from: ['in_progress'],
    roles: ['unit_head', 'dispatcher', 'supervisor'],
    guard: (c) => (c.pendingExtension ? null : { reason: 'there is no extension request to decide' }),
    next: () => 'in_progress',
  },
  {
    action: 'reply',
    from: ['in_progress'],
    roles: handlingRoles,
    guard: replyGuard,
    next: (_c, i) => (i.outcome === 'explained' ? 'reply_review' : 'replied'),
  },
  {
    // Answered on the spot at the window or on the hotline (即时办结), never dispatched.
    action: 'reply',
    from: ['registered'],
    roles: ['clerk', 'safety_net_officer', 'dispatcher'],
    guard: replyGuard,
    next: (_c, i) => (i.outcome === 'explained' ? 'reply_review' : 'replied'),
  },
  {
    action: 'reviewReply',
    from: ['reply_review'],
    roles: ['supervisor'],
    next: (c, i) => (i.approve ? 'replied' : c.leadUnitId === null ? 'registered' : 'in_progress'),
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
    guard: (_c, i) => ((i.reason ?? '').trim() === '' ? { reason: 'closing needs a written reason' } : null),
    next: () => 'closed',
  },
  { action: 'merge', from: ['registered', 'dispatched', 'returned'], roles: ['dispatcher'], next: () => 'merged' },
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

function findTransition(status: CaseStatus, action: CaseAction): AnyTransition | undefined {
  return transitions.find((t) => t.action === action && t.from.includes(status));
}

/** The role under which the actor may take this transition on this case, if any. */
function actingRoleFor(t: AnyTransition, c: CaseSnapshot, actor: Actor): ActorRole | null {
  for (const role of t.roles) {
    if (!actor.roles.includes(role)) continue;
    if ((unitRoles as readonly ActorRole[]).includes(role)) {
      if (c.leadUnitId !== null && actor.unitIds.includes(c.leadUnitId)) return role;
      continue;
    }
    return role;
  }
  return null;
}

/** Decide an action on a case: the next status, or why not. Pure. */
export function decide(c: CaseSnapshot, input: ActionInput, actor: Actor): Decision {
  const t = findTransition(c.status, input.action);
  if (!t) return { ok: false, code: 'illegal_transition', status: c.status, action: input.action };
  const actingRole = actingRoleFor(t, c, actor);
  if (actingRole === null) {
    return { ok: false, code: 'forbidden', reason: `role may not ${input.action} this case` };
  }
  // The table pairs each action with its own input type; TypeScript cannot follow that pairing.
  const guard = t.guard as ((c: CaseSnapshot, i: ActionInput) => GuardFailure | null) | undefined;
  const failure = guard ? guard(c, input) : null;
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
        t.action === action &&
        t.from.includes(c.status) &&
        actingRoleFor(t, c, actor) !== null &&
        stateGuardPasses(t, c),
    ),
  );
}

/** Guards that depend on the case alone, checked with a neutral input. */
function stateGuardPasses(t: AnyTransition, c: CaseSnapshot): boolean {
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
      return c.returnWindowOpen;
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
      return ['replied', 'in_progress', 'registered'];
    case 'followUp':
      return ['closed', 'replied'];
    case 'reopen':
      return ['in_progress', 'registered'];
    default:
      return [t.next({ status: 'registered', leadUnitId: 1, pendingExtension: false, followUp: 'none', returnWindowOpen: true }, {} as never)];
  }
}

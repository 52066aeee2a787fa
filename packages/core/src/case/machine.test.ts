import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionInput, CaseAction } from './actions.ts';
import { caseActions } from './actions.ts';
import { allowedActions, decide, reachableStatuses, transitions, type Actor, type ActorRole, type CaseSnapshot } from './machine.ts';
import { caseStatuses, open311Status, openStatuses, roles, satisfactionLevels, type CaseStatus } from './vocabulary.ts';

const LEAD = 7;

/** A valid input for each action (the guards that read the input pass). */
function validInput(action: CaseAction): ActionInput {
  switch (action) {
    case 'dispatch':
      return { action, leadUnitId: LEAD };
    case 'sign':
      return { action };
    case 'return':
      return { action, reason: '不属于本单位职责' };
    case 'decideReturn':
      return { action, approve: true };
    case 'requestExtension':
      return { action, days: 5, reason: '需要协调' };
    case 'decideExtension':
      return { action, approve: true };
    case 'reply':
      return { action, outcome: 'resolved', text: '已解决' };
    case 'reviewReply':
      return { action, approve: true };
    case 'followUp':
      return { action, solved: true, satisfaction: 'satisfied' };
    case 'reopen':
      return { action, reason: '未解决' };
    case 'close':
      return { action, reason: '办结' };
    case 'merge':
      return { action, masterId: 1 };
    case 'refuse':
      return { action, reasonCode: 'in_litigation', text: '该事项已进入诉讼程序' };
    case 'convene':
      return { action, unitIds: [LEAD, 8], agenda: '会商' };
    case 'recordOpinion':
      return { action, opinion: '无需备案证明' };
    case 'recordMinutes':
      return { action, leadUnitId: LEAD, decision: '由审批科办理' };
    case 'decide':
      return { action, outcome: 'done', text: '已办结', rootCause: { kind: 'coordination_needed', finding: '需多部门配合' } };
    case 'cite':
      return { action, policyId: 1 };
  }
}

const allRoles: ActorRole[] = [...roles, 'citizen'];
const actorOf = (role: ActorRole, inLead = true): Actor => ({ userId: 1, roles: [role], unitIds: inLead ? [LEAD] : [99] });

const snapshotArb = fc.record({
  status: fc.constantFrom(...caseStatuses),
  leadUnitId: fc.constantFrom(LEAD, null),
  pendingExtension: fc.boolean(),
  followUp: fc.constantFrom('none' as const, 'unsatisfied' as const),
  returnWindowOpen: fc.boolean(),
  safetyNet: fc.boolean(),
  consultation: fc.constantFrom(null, { unitIds: [LEAD], answeredUnitIds: [] }, { unitIds: [LEAD], answeredUnitIds: [LEAD] }),
  hasRootCause: fc.boolean(),
  pendingRefusal: fc.boolean(),
});

describe('case lifecycle table', () => {
  it('every status of the vocabulary is reachable from registered', () => {
    expect([...reachableStatuses()].sort()).toEqual([...caseStatuses].sort());
  });

  it('open statuses are exactly those where someone may still act; Open311 sees the rest as closed', () => {
    for (const status of caseStatuses) {
      const anyAction = allRoles.some((role) =>
        [true, false].some(
          (f) =>
            allowedActions({ status, leadUnitId: LEAD, pendingExtension: f, followUp: 'none', returnWindowOpen: true }, actorOf(role))
              .length > 0,
        ),
      );
      expect(openStatuses.includes(status), status).toBe(anyAction);
      expect(open311Status(status)).toBe(openStatuses.includes(status) ? 'open' : 'closed');
    }
  });

  it('closed and merged are terminal: no role may do anything', () => {
    for (const status of ['closed', 'merged'] as CaseStatus[]) {
      for (const role of allRoles) {
        const c: CaseSnapshot = { status, leadUnitId: LEAD, pendingExtension: false, followUp: 'none', returnWindowOpen: true };
        expect(allowedActions(c, actorOf(role))).toEqual([]);
      }
    }
  });

  it('an action absent from the table for a state is an illegal transition, naming both', () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom(...caseActions), fc.constantFrom(...allRoles), (c, action, role) => {
        const inTable = transitions.some((t) => t.action === action && t.from.includes(c.status));
        const d = decide(c, validInput(action), actorOf(role));
        if (!inTable) expect(d).toEqual({ ok: false, code: 'illegal_transition', status: c.status, action });
      }),
    );
  });

  it('allowedActions agrees with decide: what is offered succeeds with a valid input', () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom(...allRoles), fc.boolean(), (c, role, inLead) => {
        const actor = actorOf(role, inLead);
        for (const action of caseActions) {
          const d = decide(c, validInput(action), actor);
          if (allowedActions(c, actor).includes(action)) expect(d.ok).toBe(true);
          else expect(d.ok).toBe(false);
        }
      }),
    );
  });

  it('handlers act only on cases their unit leads', () => {
    fc.assert(
      fc.property(snapshotArb, fc.constantFrom<ActorRole>('handler', 'unit_head'), (c, role) => {
        const outsider = actorOf(role, false);
        for (const action of ['sign', 'return', 'requestExtension', 'reply'] as const) {
          expect(decide(c, validInput(action), outsider).ok).toBe(false);
        }
      }),
    );
  });

  it('an explained answer never reaches the citizen without review', () => {
    const c: CaseSnapshot = { status: 'in_progress', leadUnitId: LEAD, pendingExtension: false, followUp: 'none', returnWindowOpen: true };
    const d = decide(c, { action: 'reply', outcome: 'explained', text: '不能办', policyBasis: '《条例》第三条' }, actorOf('handler'));
    expect(d).toMatchObject({ ok: true, next: 'reply_review' });
    const noBasis = decide(c, { action: 'reply', outcome: 'explained', text: '不能办' }, actorOf('handler'));
    expect(noBasis).toMatchObject({ ok: false, code: 'guard_failed' });
  });

  it('random walks: status stays reachable, follow-up happens once per answer, closed only via follow-up or a reasoned close', () => {
    const reachable = reachableStatuses();
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom(...caseActions), fc.constantFrom(...allRoles), fc.boolean(), fc.constantFrom(...satisfactionLevels)),
          { maxLength: 60 },
        ),
        (steps) => {
          let c: CaseSnapshot = {
            status: 'registered',
            leadUnitId: null,
            pendingExtension: false,
            followUp: 'none',
            returnWindowOpen: true,
          };
          for (const [action, role, solved, satisfaction] of steps) {
            const input: ActionInput = action === 'followUp' ? { action, solved, satisfaction } : validInput(action);
            const d = decide(c, input, actorOf(role));
            if (!d.ok) continue;
            expect(reachable.has(d.next)).toBe(true);
            if (d.next === 'closed') expect(['followUp', 'close', 'reviewReply']).toContain(action);
            if (d.next === 'closed' && action === 'reviewReply') expect(c.pendingRefusal).toBe(true);
            // A refusal waiting for review is never published as an answer.
            if (c.pendingRefusal === true) expect(d.next).not.toBe('replied');
            // Apply the effects the server applies that matter to the machine.
            c = {
              status: d.next,
              leadUnitId: action === 'dispatch' ? LEAD : action === 'decideReturn' && d.next === 'registered' ? null : c.leadUnitId,
              pendingExtension: action === 'requestExtension' ? true : action === 'decideExtension' ? false : c.pendingExtension,
              followUp: action === 'followUp' ? 'unsatisfied' : action === 'reopen' ? 'none' : c.followUp,
              returnWindowOpen: true,
              pendingRefusal: action === 'refuse' ? true : action === 'reviewReply' ? false : c.pendingRefusal,
            };
            if (action === 'followUp' && d.next === 'replied') {
              expect(decide(c, input, actorOf('supervisor')).ok).toBe(false);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  describe('不予受理 (refuse)', () => {
    const registered: CaseSnapshot = {
      status: 'registered',
      leadUnitId: null,
      pendingExtension: false,
      followUp: 'none',
      returnWindowOpen: true,
    };
    const refusers: ActorRole[] = ['clerk', 'dispatcher', 'safety_net_officer'];
    const refusal: ActionInput = { action: 'refuse', reasonCode: 'other_jurisdiction', text: '属外省管辖事项' };

    it('only from registered, only by a clerk, a dispatcher or a safety-net officer, never on a safety-net window case', () => {
      fc.assert(
        fc.property(snapshotArb, fc.constantFrom(...allRoles), fc.boolean(), (c, role, inLead) => {
          const d = decide(c, refusal, actorOf(role, inLead));
          // An ordinary case waiting for a consultation's minutes (会商) is not refused meanwhile.
          const may = c.status === 'registered' && c.safetyNet !== true && !c.consultation && refusers.includes(role);
          expect(d.ok).toBe(may);
          if (d.ok) expect(d.next).toBe('reply_review');
          expect(allowedActions(c, actorOf(role, inLead)).includes('refuse')).toBe(may);
        }),
      );
    });

    it('needs a text of 2 to 500 characters, and a repeat needs the open case it repeats', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 600 }), fc.constantFrom(...refusers), (text, role) => {
          const d = decide(registered, { action: 'refuse', reasonCode: 'other', text }, actorOf(role));
          const n = text.trim().length;
          expect(d.ok).toBe(n >= 2 && n <= 500);
        }),
      );
      const repeat = decide(registered, { action: 'refuse', reasonCode: 'repeat_of_open', text: '重复诉求' }, actorOf('clerk'));
      expect(repeat).toMatchObject({ ok: false, code: 'guard_failed', details: { path: 'linkedCaseId' } });
      const linked = decide(
        registered,
        { action: 'refuse', reasonCode: 'repeat_of_open', text: '重复诉求', linkedCaseId: 5 },
        actorOf('clerk'),
      );
      expect(linked).toMatchObject({ ok: true, next: 'reply_review' });
    });

    it('review: approved it is closed and terminal, never replied; rejected it is registered again', () => {
      fc.assert(
        fc.property(fc.boolean(), fc.constantFrom(...allRoles), (approve, role) => {
          const pending: CaseSnapshot = { ...registered, status: 'reply_review', pendingRefusal: true };
          const d = decide(pending, { action: 'reviewReply', approve }, actorOf(role));
          if (role !== 'supervisor') {
            expect(d.ok).toBe(false);
            return;
          }
          expect(d).toMatchObject({ ok: true, next: approve ? 'closed' : 'registered' });
          if (approve) {
            for (const r of allRoles) expect(allowedActions({ ...pending, status: 'closed' }, actorOf(r))).toEqual([]);
          }
        }),
      );
    });
  });
});

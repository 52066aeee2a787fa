import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionInput } from './actions.ts';
import { caseActions } from './actions.ts';
import { consultationProposedAfterReturns, ordinaryConsultationStates } from './consultation.ts';
import { allowedActions, decide, type Actor, type ActorRole, type CaseSnapshot } from './machine.ts';
import { publicTimeline } from './public-timeline.ts';
import { caseStatuses, roles } from './vocabulary.ts';

/** 会商 of an ordinary case (the dispatch dispute): who may convene, what it blocks, what the minutes bind. */

const A = 7;
const B = 8;
const C = 9;
const dispatcher: Actor = { userId: 1, roles: ['dispatcher'], unitIds: [] };
const headOf = (unitId: number): Actor => ({ userId: 2, roles: ['unit_head'], unitIds: [unitId] });
const handlerOf = (unitId: number): Actor => ({ userId: 3, roles: ['handler'], unitIds: [unitId] });

const base: CaseSnapshot = { status: 'returned', leadUnitId: A, pendingExtension: false, followUp: 'none', returnWindowOpen: true };
const convene: ActionInput = { action: 'convene', unitIds: [A, B], agenda: '谁来管小区门口的占道经营' };
const open = (answered: number[] = []): CaseSnapshot => ({ ...base, consultation: { unitIds: [A, B], answeredUnitIds: answered } });

describe('ordinary consultation (会商)', () => {
  it('the dispatcher alone convenes, on a registered, returned or dispatched ordinary case; the status stays', () => {
    fc.assert(
      fc.property(fc.constantFrom(...caseStatuses), fc.constantFrom<ActorRole>(...roles), (status, role) => {
        const c: CaseSnapshot = { ...base, status };
        const d = decide(c, convene, { userId: 1, roles: [role], unitIds: [A] });
        const may = role === 'dispatcher' && (ordinaryConsultationStates as readonly string[]).includes(status);
        expect(d.ok).toBe(may);
        if (d.ok) expect(d.next).toBe(status);
        expect(allowedActions(c, { userId: 1, roles: [role], unitIds: [A] }).includes('convene')).toBe(may);
      }),
    );
  });

  it('needs at least two different units and an agenda', () => {
    for (const unitIds of [[], [A], [A, A]]) {
      expect(decide(base, { action: 'convene', unitIds, agenda: '会商' }, dispatcher)).toMatchObject({
        ok: false,
        code: 'guard_failed',
        details: { path: 'unitIds' },
      });
    }
    expect(decide(base, { action: 'convene', unitIds: [A, B], agenda: '  ' }, dispatcher)).toMatchObject({ ok: false });
    expect(decide(base, { action: 'convene', unitIds: [A, B, C], agenda: '会商' }, dispatcher)).toMatchObject({ ok: true });
  });

  it('while it is open only opinions, minutes and citations are taken', () => {
    const c = { ...open(), status: 'dispatched' as const };
    const everyone: Actor[] = [dispatcher, headOf(A), handlerOf(A), { userId: 4, roles: ['supervisor', 'clerk'], unitIds: [] }];
    const offered = new Set(everyone.flatMap((a) => allowedActions(c, a)));
    expect([...offered].sort()).toEqual(['cite', 'recordMinutes', 'recordOpinion']);
    expect(decide(c, { action: 'sign' }, handlerOf(A))).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(decide(c, convene, dispatcher)).toMatchObject({ ok: false });
  });

  it('each invited unit head gives one opinion; others may not', () => {
    const opinion: ActionInput = { action: 'recordOpinion', opinion: '属于城管职责' };
    expect(decide(open(), opinion, headOf(B))).toMatchObject({ ok: true, next: 'returned' });
    expect(decide(open([B]), opinion, headOf(B))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decide(open(), opinion, headOf(C))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decide(open(), opinion, handlerOf(B))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decide(open(), { action: 'recordOpinion', opinion: ' ' }, headOf(B))).toMatchObject({ ok: false });
  });

  it('the minutes dispatch the case from any of its states; without an open consultation there are none', () => {
    const minutes: ActionInput = { action: 'recordMinutes', leadUnitId: B, assistUnitIds: [A], decision: '由城管局牵头' };
    for (const status of ordinaryConsultationStates) {
      expect(decide({ ...open(), status }, minutes, dispatcher)).toMatchObject({ ok: true, next: 'dispatched' });
      expect(decide({ ...base, status }, minutes, dispatcher)).toMatchObject({ ok: false });
    }
    expect(decide(open(), { ...minutes, decision: '' }, dispatcher)).toMatchObject({ ok: false, details: { path: 'decision' } });
    expect(decide(open(), minutes, headOf(B))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('after the minutes the assignment is binding: the lead unit signs and may not return', () => {
    const settled: CaseSnapshot = { ...base, status: 'dispatched', leadUnitId: B, consultationSettled: true };
    expect(decide(settled, { action: 'sign' }, handlerOf(B))).toMatchObject({ ok: true, next: 'in_progress' });
    expect(decide(settled, { action: 'return', reason: '不归我们管' }, handlerOf(B))).toMatchObject({ ok: false, code: 'guard_failed' });
    expect(allowedActions(settled, handlerOf(B))).not.toContain('return');
    expect(allowedActions({ ...settled, consultationSettled: false }, handlerOf(B))).toContain('return');
  });

  it('the safety-net consultation keeps its own rules (one unit is enough, the officer convenes)', () => {
    const sn: CaseSnapshot = { ...base, status: 'registered', leadUnitId: null, safetyNet: true };
    const officer: Actor = { userId: 5, roles: ['safety_net_officer'], unitIds: [] };
    expect(decide(sn, { action: 'convene', unitIds: [A], agenda: '会商' }, officer)).toMatchObject({ ok: true, next: 'in_progress' });
    expect(decide(sn, convene, dispatcher)).toMatchObject({ ok: false });
  });

  it('random walks: an open consultation always ends in the minutes, and they always dispatch', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseActions), { maxLength: 30 }), (steps) => {
        let c: CaseSnapshot = open();
        for (const action of steps) {
          const actors = [dispatcher, headOf(A), headOf(B), handlerOf(A)];
          const input = inputFor(action);
          for (const actor of actors) {
            const d = decide(c, input, actor);
            if (!d.ok) continue;
            expect(['recordOpinion', 'recordMinutes', 'cite']).toContain(action);
            if (action === 'recordMinutes') {
              expect(d.next).toBe('dispatched');
              return;
            }
            if (action === 'recordOpinion') {
              const unit = actor.unitIds[0]!;
              c = { ...c, consultation: { unitIds: [A, B], answeredUnitIds: [...(c.consultation?.answeredUnitIds ?? []), unit] } };
            }
          }
        }
      }),
    );
  });

  it('the citizen reads that the units are consulting, never the agenda or the opinions', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const entries = publicTimeline(
      [
        {
          action: 'convene',
          toStatus: 'returned',
          createdAt: at,
          payload: { unitIds: [A, B], agenda: '内部议程', settleBy: at.toISOString() },
        },
        { action: 'recordOpinion', toStatus: 'returned', createdAt: at, payload: { opinion: '内部意见' } },
        {
          action: 'recordMinutes',
          toStatus: 'dispatched',
          createdAt: at,
          payload: { leadUnitId: B, decision: '内部决定' },
          unitName: '城管局',
        },
      ],
      'zh',
    );
    expect(entries.map((e) => e.text)).toEqual(['相关单位正在会商，确定承办单位', '会商形成意见，由城管局牵头办理']);
    expect(JSON.stringify(entries)).not.toMatch(/内部/);
    expect(consultationProposedAfterReturns).toBe(2);
  });
});

function inputFor(action: (typeof caseActions)[number]): ActionInput {
  switch (action) {
    case 'recordOpinion':
      return { action, opinion: '意见' };
    case 'recordMinutes':
      return { action, leadUnitId: B, decision: '由B牵头' };
    case 'convene':
      return convene;
    case 'cite':
      return { action, policyId: 1 };
    case 'sign':
      return { action };
    case 'return':
      return { action, reason: '不属于本单位' };
    case 'dispatch':
      return { action, leadUnitId: A };
    case 'decideReturn':
      return { action, approve: true };
    case 'merge':
      return { action, masterId: 1 };
    case 'refuse':
      return { action, reasonCode: 'other', text: '不予受理' };
    case 'reply':
      return { action, outcome: 'resolved', text: '已解决' };
    default:
      return { action: 'sign' };
  }
}

import { toChinaDate } from '@huiyin/core';
import { expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, actOn, caseVersion, registerCase } from '../../testing/case-actions.ts';
import { expectError, fieldsOf } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { beijingTime, staffCaseMessage } from '../notify/templates.ts';
import { createDeadlines } from '../settings/deadlines.ts';
import { createDeadlineScanner } from '../supervision/scanner.ts';

/**
 * 会商 of an ordinary case (the dispatch dispute of the 2025 rules): a case returned twice is
 * convened by the dispatcher, the invited unit heads give their opinions, the minutes dispatch it
 * to the lead and assisting units, the lead unit signs and may no longer return it. The dispute is
 * due within 1 working day (a national setting) and chased by the deadline scanner.
 */

interface Detail {
  id: number;
  status: string;
  version: number;
  returnCount: number;
  nextDueAt: string | null;
  leadUnit: { id: number; name: string } | null;
  assistUnits: { id: number; name: string }[];
  allowedActions: string[];
  consultations: {
    agenda: string;
    invited: { id: number }[];
    opinions: { unit: { id: number }; opinion: string }[];
    pending: { id: number }[];
    minutes: { leadUnit: { id: number } | null; assistUnits: { id: number }[]; decision: string | null } | null;
    open: boolean;
    dueAt: string | null;
  }[];
  timeline: { action: string }[];
}

const get = async (h: Harness, as: string, id: number): Promise<Detail> => {
  const res = await h.req(as, 'GET', `/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};

/** A complaint dispatched to the market bureau and returned, then to the approval bureau and returned: two returns. */
async function returnedTwice(h: Harness): Promise<{ id: number; trackingNo: string }> {
  const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
  const u = h.org.units;
  await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: u['market'] });
  await actOn(h, 'handler', c.id, { action: 'return', reason: '供水不属于市场监管职责' });
  await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: true });
  await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: u['approval'] });
  await actOn(h, 'approvalhead', c.id, { action: 'return', reason: '不属于审批事项' });
  return c;
}

const counts = async (h: Harness, caseId: number) => ({
  consultations: (await h.db.db.selectFrom('consultations').select('id').where('case_id', '=', caseId).execute()).length,
  events: (await h.db.db.selectFrom('case_events').select('seq').where('case_id', '=', caseId).execute()).length,
  outbox: (await h.db.db.selectFrom('outbox').select('id').where('case_id', '=', caseId).execute()).length,
  version: await caseVersion(h, caseId),
});

describeEachDb('会商 of an ordinary case (dispatch dispute)', (getH) => {
  it('returned twice -> convene -> opinions -> minutes -> dispatched to lead and assisting units -> the lead unit signs', async () => {
    const h = getH();
    const { market, approval } = { market: h.org.units['market']!, approval: h.org.units['approval']! };
    const c = await returnedTwice(h);
    let d = await get(h, 'dispatcher', c.id);
    expect(d).toMatchObject({ status: 'returned', returnCount: 2 });
    expect(d.allowedActions).toContain('convene');

    d = await actOn(h, 'dispatcher', c.id, { action: 'convene', unitIds: [market, approval], agenda: '停水诉求由哪个单位承办' });
    expect(d.status).toBe('returned');
    // Settled within 1 working day: Monday 09:00 in Beijing -> the end of Tuesday; that is the case's deadline now.
    const k = d.consultations[0]!;
    expect(k).toMatchObject({ open: true, agenda: '停水诉求由哪个单位承办', minutes: null });
    expect(toChinaDate(new Date(k.dueAt!))).toBe('2026-03-10');
    expect(d.nextDueAt).toBe(k.dueAt);
    // While it is open the case waits for the minutes.
    expect(d.allowedActions.sort()).toEqual(['cite', 'recordMinutes']);
    await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: true }, { status: 409 });

    // The invited unit heads are told, see it in their pending list and on the case page.
    const convene = await h.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('case_id', '=', c.id)
      .where('topic', '=', 'case.convene')
      .executeTakeFirstOrThrow();
    const audience = JSON.stringify((convene.payload as { audience: unknown }).audience);
    expect(audience).toContain(`"unitId":${market}`);
    expect(audience).toContain(`"unitId":${approval}`);
    // What the invited heads read: the dispute and when their opinion is due.
    const conveneEvent = await h.db.db
      .selectFrom('case_events')
      .select('payload')
      .where('case_id', '=', c.id)
      .where('action', '=', 'convene')
      .executeTakeFirstOrThrow();
    const notice = staffCaseMessage({ trackingNo: c.trackingNo, action: 'convene', status: 'returned', event: conveneEvent.payload }, 'zh');
    expect(notice.title).toBe(`会商邀请（派单异议） ${c.trackingNo}`);
    expect(notice.body).toBe(
      `工单 ${c.trackingNo} 召集会商确定承办单位：停水诉求由哪个单位承办。请于 ${beijingTime(k.dueAt)} 前提出单位意见。`,
    );
    expect(beijingTime(k.dueAt)).toMatch(/^2026-03-10 /);
    for (const head of ['unithead', 'approvalhead']) {
      const pending = await h.req(head, 'GET', '/api/v1/safety-net/consultations/pending');
      expect(pending.json().items).toEqual([expect.objectContaining({ caseId: c.id, agenda: '停水诉求由哪个单位承办', dueAt: k.dueAt })]);
      expect((await get(h, head, c.id)).allowedActions).toContain('recordOpinion');
    }
    // A head of a unit not invited cannot give one; the dispatcher cannot either.
    await actOn(h, 'dispatcher', c.id, { action: 'recordOpinion', opinion: '由水务局办' }, { status: 403 });

    await actOn(h, 'unithead', c.id, { action: 'recordOpinion', opinion: '供水问题应由水务部门牵头，我局配合查处' });
    await actOn(h, 'approvalhead', c.id, { action: 'recordOpinion', opinion: '不涉及审批，建议市场监管局牵头' });
    expect((await h.req('unithead', 'GET', '/api/v1/safety-net/consultations/pending')).json().items).toEqual([]);
    await actOn(h, 'unithead', c.id, { action: 'recordOpinion', opinion: '再说一次' }, { status: 403 });

    d = await actOn(h, 'dispatcher', c.id, {
      action: 'recordMinutes',
      leadUnitId: market,
      assistUnitIds: [approval],
      decision: '经会商，由市场监督管理局牵头办理，行政审批服务管理局协办',
    });
    expect(d.status).toBe('dispatched');
    expect(d.leadUnit?.id).toBe(market);
    expect(d.assistUnits.map((u) => u.id)).toEqual([approval]);
    expect(d.consultations[0]).toMatchObject({
      open: false,
      pending: [],
      minutes: { leadUnit: { id: market }, assistUnits: [{ id: approval }] },
    });
    expect(d.consultations[0]!.opinions.map((o) => o.unit.id).sort()).toEqual([market, approval].sort());
    expect(d.timeline.map((e) => e.action).slice(-4)).toEqual(['convene', 'recordOpinion', 'recordOpinion', 'recordMinutes']);

    // The assignment is binding: the lead unit signs, it may not return the case.
    expect((await get(h, 'handler', c.id)).allowedActions).not.toContain('return');
    await actOn(h, 'handler', c.id, { action: 'return', reason: '仍不属于我局' }, { status: 409 });
    d = await actOn(h, 'handler', c.id, { action: 'sign' });
    expect(d.status).toBe('in_progress');

    // The citizen reads that the units consulted and who leads, nothing of the agenda or opinions.
    const track = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=2345`);
    const texts = (track.json() as { timeline: { text: string }[] }).timeline.map((t) => t.text);
    expect(texts).toContain('相关单位正在会商，确定承办单位');
    expect(texts).toContain('会商形成意见，由盐湖区市场监督管理局牵头办理');
    expect(JSON.stringify(texts)).not.toMatch(/供水问题|不涉及审批|停水诉求由哪个单位/);
  });

  it('an invited unit sees the case through its head, only while the consultation is open', async () => {
    const h = getH();
    const { market, water } = { market: h.org.units['market']!, water: h.org.units['water']! };
    await h.make.user({ username: 'waterhead', roles: ['unit_head'], unitIds: [water] });
    h.resetSessions();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const status = async (as: string) => (await h.req(as, 'GET', `/api/v1/cases/${c.id}`)).statusCode;
    await actOn(h, 'dispatcher', c.id, { action: 'convene', unitIds: [market, water], agenda: '停水由谁承办' });
    // Open: the invited heads see it (full phone and all); their handlers do not.
    expect(await status('waterhead')).toBe(200);
    expect(await status('unithead')).toBe(200);
    expect(await status('handler2')).toBe(404);
    expect(await status('handler')).toBe(404);
    await actOn(h, 'waterhead', c.id, { action: 'recordOpinion', opinion: '建议市场监管局牵头' });
    await actOn(h, 'unithead', c.id, { action: 'recordOpinion', opinion: '同意由我局牵头' });
    await actOn(h, 'dispatcher', c.id, { action: 'recordMinutes', leadUnitId: market, decision: '由市场监督管理局牵头办理' });
    // Settled: the water bureau, neither lead nor assisting, no longer sees it; the market bureau leads.
    expect(await status('waterhead')).toBe(404);
    expect(await status('handler2')).toBe(404);
    expect((await h.req('waterhead', 'GET', `/api/v1/cases/${c.id}/answer.pdf`)).statusCode).toBe(404);
    expect(await status('handler')).toBe(200);
  });

  it('a consultation with one unit, or a unit that does not exist, is refused and nothing is written', async () => {
    const h = getH();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const before = await counts(h, c.id);
    const market = h.org.units['market']!;
    for (const unitIds of [[market], [market, market]]) {
      const res = await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
        version: before.version,
        action: 'convene',
        unitIds,
        agenda: '由谁承办',
      });
      const err = expectError(res, 409, 'illegal_transition');
      expect(err.details).toMatchObject({ path: 'unitIds' });
    }
    const unknown = await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
      version: before.version,
      action: 'convene',
      unitIds: [market, 999_999],
      agenda: '由谁承办',
    });
    expect(fieldsOf(expectError(unknown, 400, 'validation_failed'))).toEqual(['unitIds']);
    // Only the dispatcher convenes an ordinary case.
    await actOn(h, 'clerk', c.id, { action: 'convene', unitIds: [market, h.org.units['water']], agenda: '由谁承办' }, { status: 403 });
    expect(await counts(h, c.id)).toEqual(before);
  });

  it('the time to settle is a national setting: a root admin sets 2 working days, a county admin may not', async () => {
    const h = getH();
    expect((await h.req('dispatcher', 'GET', '/api/v1/consultations/settle-limit')).json()).toEqual({ unit: 'workingDays', value: 1 });
    expect((await h.req('dispatcher', 'PUT', '/api/v1/consultations/settle-limit', { unit: 'workingDays', value: 2 })).statusCode).toBe(
      403,
    );
    expectError(
      await h.req('admin', 'PUT', '/api/v1/consultations/settle-limit', { unit: 'workingDays', value: 0 }),
      400,
      'validation_failed',
    );
    const put = await h.req('admin', 'PUT', '/api/v1/consultations/settle-limit', { unit: 'workingDays', value: 2 });
    expect(put.statusCode, put.body).toBe(200);
    const audit = await h.db.db.selectFrom('audit_log').select('action').where('action', '=', 'settings.consultation_limit.set').execute();
    expect(audit).toHaveLength(1);
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const d = await actOn(h, 'dispatcher', c.id, {
      action: 'convene',
      unitIds: [h.org.units['market'], h.org.units['water']],
      agenda: '由谁承办',
    });
    expect(toChinaDate(new Date(d.consultations[0].dueAt))).toBe('2026-03-11');
    await h.req('admin', 'PUT', '/api/v1/consultations/settle-limit', { unit: 'workingDays', value: 1 });
  });

  it('an unsettled dispute is chased by the scanner: the dispatcher and the heads yet to answer hear of it', async () => {
    const h = getH();
    const scanner = createDeadlineScanner({ db: h.db.db, clock: h.clock, deadlines: createDeadlines(h.db.db, h.clock) });
    const { market, water } = { market: h.org.units['market']!, water: h.org.units['water']! };
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: water });
    const d = await actOn(h, 'dispatcher', c.id, { action: 'convene', unitIds: [water, market], agenda: '派单异议：停水由谁承办' });
    await actOn(h, 'unithead', c.id, { action: 'recordOpinion', opinion: '不属我局' });
    await scanner.scanOnce();
    const due = new Date(d.consultations[0].dueAt as string);
    h.clock.set(new Date(due.getTime() + 60_000));
    h.resetSessions();
    await scanner.scanOnce();
    const msgs = await h.db.db
      .selectFrom('outbox')
      .select(['topic', 'payload'])
      .where('case_id', '=', c.id)
      .where('topic', 'in', ['case.urge', 'case.supervise', 'case.escalate'])
      .execute();
    const overdue = msgs.find((m) => m.topic === 'case.supervise');
    expect(overdue, JSON.stringify(msgs)).toBeDefined();
    const p = overdue!.payload as {
      dueAt: string;
      audience: { kind: string; role?: string; unitId?: number }[];
      pendingConsultationUnitIds?: number[];
    };
    expect(p.dueAt).toBe(due.toISOString());
    expect(p.pendingConsultationUnitIds).toEqual([water]);
    expect(p.audience).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'role', role: 'dispatcher' })]));
    expect(p.audience).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'role', role: 'unit_head', unitId: water })]));
    // The disputed lead unit is not to blame for a late dispute: neither its staff nor the head
    // that already answered hear of it, and the supervision overview charges no unit.
    expect(
      p.audience.filter((a) => a.kind === 'unit'),
      JSON.stringify(p.audience),
    ).toEqual([]);
    expect(p.audience.filter((a) => a.unitId === market)).toEqual([]);
    const overview = (await h.req('supervisor', 'GET', '/api/v1/supervision/overview')).json() as {
      recentEscalations: { caseId: number; level: string; unit: { id: number } | null }[];
      units: { unitId: number | null; escalations: { supervise: number } }[];
    };
    const recent = overview.recentEscalations.filter((e) => e.caseId === c.id);
    expect(recent.length).toBeGreaterThan(0);
    for (const e of recent) expect(e.unit, JSON.stringify(e)).toBeNull();
    expect(overview.units.find((u) => u.unitId === water)?.escalations.supervise ?? 0).toBe(0);
    // Nor is the overdue dispute counted among the lead unit's overdue cases: it sits with no unit.
    const counted = overview.units as unknown as { unitId: number | null; overdue: number }[];
    const waterOverdue = await h.db.db
      .selectFrom('cases')
      .select('id')
      .where('lead_unit_id', '=', water)
      .where('next_due_at', '<=', h.clock.now())
      .where('id', '!=', c.id)
      .execute();
    expect(counted.find((u) => u.unitId === water)?.overdue ?? 0).toBe(waterOverdue.length);
    expect(counted.find((u) => u.unitId === null)?.overdue ?? 0).toBeGreaterThanOrEqual(1);
    // The case's timeline shows the supervision of the overdue dispute.
    expect((await get(h, 'dispatcher', c.id)).timeline.map((e) => e.action)).toContain('supervise');
  });
});

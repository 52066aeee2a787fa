import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { actOn, registerCase, waterCase } from '../../testing/case-actions.ts';
import { createDeadlines } from '../settings/deadlines.ts';
import { createDeadlineScanner } from './scanner.ts';
import { verifyAuditChains } from '../audit/verify.ts';

/**
 * The system chases every deadline: with an injected clock a case is walked through the reminder
 * (催办), supervision (督办) and the leader's escalation; every level is announced once, appears in
 * the case's timeline and the outbox; an approved extension gives a new deadline and the levels
 * start again.
 */

/** A scanner over the harness's database and clock. */
const scannerOf = (h: Harness) => createDeadlineScanner({ db: h.db.db, clock: h.clock, deadlines: createDeadlines(h.db.db, h.clock) });

describeEachDb('deadline scanner: urge, supervise, escalate', (get) => {
  it('walks a case through the three levels, once each, and starts again after an extension', async () => {
    const h = get();
    const scanner = scannerOf(h);
    const { id } = await registerCase(h, 'clerk', waterCase('楼道灯坏了一个月没人修', { name: '赵女士', phone: '13935912399' }));
    await actOn(h, 'dispatcher', id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', id, { action: 'sign' });
    const row = () =>
      h.db.db
        .selectFrom('cases')
        .select(['next_due_at', 'near_due_at', 'next_escalation_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const first = await row();
    expect(first.next_escalation_at?.getTime()).toBe(first.near_due_at?.getTime());
    const levels = async () =>
      (
        await h.db.db
          .selectFrom('case_events')
          .select(['action', 'actor_role'])
          .where('case_id', '=', id)
          .where('action', 'in', ['urge', 'supervise', 'escalate'])
          .orderBy('seq')
          .execute()
      ).map((e) => `${e.action}:${e.actor_role}`);
    const outbox = async () =>
      (
        await h.db.db
          .selectFrom('outbox')
          .select('topic')
          .where('case_id', '=', id)
          .where('topic', 'in', ['case.urge', 'case.supervise', 'case.escalate'])
          .execute()
      )
        .map((m) => m.topic)
        .sort();

    // Nothing is due yet.
    expect((await scanner.scanOnce()).urge).toBe(0);
    // Near due (80 % of the time used): a reminder to the unit, once.
    h.clock.set(new Date(first.near_due_at!.getTime() + 60_000));
    expect(await scanner.scanOnce()).toMatchObject({ urge: 1, supervise: 0, escalate: 0 });
    expect(await scanner.scanOnce()).toMatchObject({ urge: 0, supervise: 0, escalate: 0 });
    expect((await row()).next_escalation_at?.getTime()).toBe(first.next_due_at!.getTime());
    // Past due: supervision to the unit head and the supervisor.
    h.clock.set(new Date(first.next_due_at!.getTime() + 60_000));
    expect(await scanner.scanOnce()).toMatchObject({ urge: 0, supervise: 1, escalate: 0 });
    // Two working days later still open: up to the region's leader; then nothing more.
    h.clock.set(new Date(first.next_due_at!.getTime() + 6 * 86_400_000));
    expect(await scanner.scanOnce()).toMatchObject({ escalate: 1 });
    expect(await scanner.scanOnce()).toMatchObject({ urge: 0, supervise: 0, escalate: 0 });
    expect((await row()).next_escalation_at).toBeNull();
    expect(await levels()).toEqual(['urge:system', 'supervise:system', 'escalate:system']);
    expect(await outbox()).toEqual(['case.escalate', 'case.supervise', 'case.urge']);
    // The staff timeline shows them.
    h.resetSessions();
    const view = (await h.req('supervisor', 'GET', `/api/v1/cases/${id}`)).json();
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['urge', 'supervise', 'escalate']));

    // An extension approved: a new deadline, and the levels start again from the reminder.
    await actOn(h, 'handler2', id, { action: 'requestExtension', days: 10, reason: '需协调供电部门更换线路' });
    await actOn(h, 'dispatcher', id, { action: 'decideExtension', approve: true });
    const moved = await row();
    expect(moved.next_due_at!.getTime()).toBeGreaterThan(first.next_due_at!.getTime());
    expect(moved.next_escalation_at?.getTime()).toBe(moved.near_due_at?.getTime());
    h.clock.set(new Date(moved.near_due_at!.getTime() + 60_000));
    h.resetSessions();
    expect(await scanner.scanOnce()).toMatchObject({ urge: 1 });
    expect(await levels()).toEqual(['urge:system', 'supervise:system', 'escalate:system', 'urge:system']);
    // The supervision centre counts them for the unit.
    const overview = (await h.req('supervisor', 'GET', '/api/v1/supervision/overview')).json();
    const water = overview.units.find((u: { unitId: number }) => u.unitId === h.org.units['water']);
    expect(water).toMatchObject({ unitName: '盐湖区水务局', escalations: { urge: 2, supervise: 1, escalate: 1 } });
    expect(overview.recentEscalations[0]).toMatchObject({ caseId: id, level: 'urge' });
    expect((await h.req('handler2', 'GET', '/api/v1/supervision/overview')).statusCode).toBe(403);
    expect(
      (await h.req('leader', 'GET', '/api/v1/supervision/overview'))
        .json()
        .units.find((u: { unitId: number }) => u.unitId === h.org.units['water']),
    ).toBeUndefined();
    // The audit chain still verifies with the system's events in it.
    expect((await verifyAuditChains(h.db.db)).firstBroken).toBeNull();
  });

  it('two scanners at once announce each level once (FOR UPDATE SKIP LOCKED)', async () => {
    const h = get();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await registerCase(
        h,
        'clerk',
        waterCase(`咨询公积金提取办法 ${i}`, { name: '钱先生', phone: '13935912300' }, { type: 'consultation' }),
      );
      ids.push(r.id);
      await actOn(h, 'dispatcher', ids.at(-1)!, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    }
    const latest = await h.db.db
      .selectFrom('cases')
      .select((eb) => eb.fn.max('next_due_at').as('m'))
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    h.clock.set(new Date(new Date(latest.m as Date).getTime() + 60_000));
    const a = scannerOf(h);
    const b = scannerOf(h);
    const [ra, rb] = await Promise.all([a.scanOnce(), b.scanOnce()]);
    expect(ra.supervise + rb.supervise).toBe(12);
    const events = await h.db.db
      .selectFrom('case_events')
      .select('case_id')
      .where('case_id', 'in', ids)
      .where('action', '=', 'supervise')
      .execute();
    expect(events).toHaveLength(12);
  });

  it('chases the invited units that have not given their opinion on a safety-net case', async () => {
    const h = get();
    const approval = h.org.units['approval']!;
    const market = h.org.units['market']!;
    const { id } = await registerCase(h, 'safetynet', {
      type: 'help',
      channel: 'safety_net',
      title: '个体户营业执照变更被要求补充材料',
      content: '变更经营场所时窗口要求补交房屋产权证明，房东在外地开不出来。',
      categoryCode: 'market.license',
      regionCode: '140802',
      requester: { name: '郑先生', phone: '13935912355' },
      failedMatter: { name: '个体工商户变更登记', unitId: approval, visits: 2 },
    });
    await actOn(h, 'safetynet', id, { action: 'convene', unitIds: [approval, market], agenda: '租赁场所能否以租赁合同代替产权证明' });
    await actOn(h, 'approvalhead', id, { action: 'recordOpinion', opinion: '可以租赁合同加房东身份证明代替。' });
    const row = await h.db.db.selectFrom('cases').select(['near_due_at']).where('id', '=', id).executeTakeFirstOrThrow();
    h.clock.set(new Date(row.near_due_at!.getTime() + 60_000));
    h.resetSessions();
    const scanner = scannerOf(h);
    expect((await scanner.scanOnce()).urge).toBeGreaterThanOrEqual(1);
    const urged = await h.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('case_id', '=', id)
      .where('topic', '=', 'case.urge')
      .executeTakeFirstOrThrow();
    const p = urged.payload as { pendingConsultationUnitIds?: number[]; audience: { kind: string; unitId?: number }[] };
    expect(p.pendingConsultationUnitIds).toEqual([market]);
    expect(p.audience).toEqual(expect.arrayContaining([expect.objectContaining({ unitId: market })]));
  });
});

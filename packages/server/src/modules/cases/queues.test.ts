import { expect, it } from 'vitest';
import { actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('workbench queue counts', (get) => {
  it('counts open cases per queue within each user’s scope, and moves with the clock', async () => {
    const h = get();
    const body = { type: 'consultation', content: '咨询停水安排', regionCode: '140802', requester: { phone: '13900002222' } };
    const a = await registerCase(h, 'clerk', body);
    await registerCase(h, 'clerk', body);
    await actOn(h, 'dispatcher', a.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });

    const dispatcher = (await h.req('dispatcher', 'GET', '/api/v1/cases/queues')).json();
    expect(dispatcher).toMatchObject({ registered: 1, dispatched: 1, overdue: 0 });
    const water = (await h.req('handler2', 'GET', '/api/v1/cases/queues')).json();
    expect(water).toMatchObject({ registered: 0, dispatched: 1 });
    const market = (await h.req('handler', 'GET', '/api/v1/cases/queues')).json();
    expect(market).toMatchObject({ registered: 0, dispatched: 0 });
    const inspector = (await h.req('inspector', 'GET', '/api/v1/cases/queues')).json();
    expect(Object.values(inspector).every((n) => n === 0)).toBe(true);

    // A consultation is due in 2 working days; a week later both cases are overdue.
    h.clock.advance(7 * 86400_000);
    h.resetSessions();
    const later = (await h.req('dispatcher', 'GET', '/api/v1/cases/queues')).json();
    expect(later.overdue).toBe(2);
    expect((await h.req(null, 'GET', '/api/v1/cases/queues')).statusCode).toBe(401);
  });

  it('filters the list by lead unit only (leadUnitId) or by lead or assisting unit (unitId)', async () => {
    const h = get();
    const { water, market } = { water: h.org.units['water'], market: h.org.units['market'] };
    const body = { type: 'help', content: '小区供水管道漏水，需要市场监管配合', regionCode: '140802', requester: { phone: '13900003333' } };
    const c = await registerCase(h, 'clerk', body);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: water, assistUnitIds: [market] });
    const ids = async (user: string, query: string) => {
      const res = await h.req(user, 'GET', `/api/v1/cases?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { id: number }[] }).items.map((i) => i.id);
    };

    // Led by water, assisted by market: market's lead-only list leaves it out, its any-role list has it.
    expect(await ids('dispatcher', `leadUnitId=${market}`)).not.toContain(c.id);
    expect(await ids('dispatcher', `unitId=${market}`)).toContain(c.id);
    expect(await ids('dispatcher', `leadUnitId=${water}`)).toContain(c.id);
    expect(await ids('dispatcher', `leadUnitId=${water}&unitId=${market}`)).toContain(c.id);
    // The assisting unit's own staff see it in scope, but not under their lead-unit filter.
    expect(await ids('handler', `unitId=${market}`)).toContain(c.id);
    expect(await ids('handler', `leadUnitId=${market}`)).not.toContain(c.id);
    // Every case listed under a lead unit is led by it.
    const led = (await h.req('dispatcher', 'GET', `/api/v1/cases?leadUnitId=${water}&pageSize=100`)).json() as {
      items: { leadUnit: { id: number } | null }[];
    };
    expect(led.items.length).toBeGreaterThan(0);
    expect(led.items.every((i) => i.leadUnit?.id === water)).toBe(true);

    for (const bad of ['water', '0', '-1', '1.5', '']) {
      const res = await h.req('dispatcher', 'GET', `/api/v1/cases?leadUnitId=${bad}`);
      expect(res.statusCode, `leadUnitId=${bad}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });
});

import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('workbench queue counts', (get) => {
  it('counts open cases per queue within each user’s scope, and moves with the clock', async () => {
    const h = get();
    const body = { type: 'consultation', content: '咨询停水安排', regionCode: '140802', requester: { phone: '13900002222' } };
    const a = (await h.req('clerk', 'POST', '/api/v1/cases', body)).json();
    await h.req('clerk', 'POST', '/api/v1/cases', body);
    await h.req('dispatcher', 'POST', `/api/v1/cases/${a.id}/actions`, { action: 'dispatch', version: 1, leadUnitId: h.org.units['water'] });

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
});

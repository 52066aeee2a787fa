import { expect, it } from 'vitest';
import { registerCase } from '../../testing/case-actions.ts';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('dispatch help: routing suggestion and likely duplicates', (get) => {
  it('names the catalog’s unit first and finds the same complaint in other words, not an unrelated one', async () => {
    const h = get();
    const mk = (content: string, categoryCode = 'water.outage') =>
      registerCase(h, 'clerk', { type: 'complaint', content, categoryCode, regionCode: '140802', requester: { phone: '13900005555' } });
    const a = await mk('解放南路小区停水三天了，一直没有恢复供水，请尽快处理');
    const b = await mk('我们解放南路小区停水已经三天，还没恢复供水');
    const c = await mk('学校门口小吃店卫生太差，后厨很脏', 'market.food');
    const help = (await h.req('dispatcher', 'GET', `/api/v1/cases/${a.id}/dispatch-help`)).json();
    expect(help.suggestedUnits[0]).toEqual({ id: h.org.units['water'], name: '盐湖区水务局' });
    const ids = (help.similar as { id: number }[]).map((s) => s.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(c.id);
    expect(ids).not.toContain(a.id);
    expect((await h.req('handler', 'GET', `/api/v1/cases/${a.id}/dispatch-help`)).statusCode).toBe(404);
  });
});

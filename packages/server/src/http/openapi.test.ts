import { expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';

describeEachDb('OpenAPI document', (get) => {
  it('is served, and documents every /api/v1 route the server has', async () => {
    const h = get();
    const res = await h.req(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    const missing = h.app.apiRoutes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    expect((await h.req(null, 'GET', '/api/docs/')).statusCode).toBe(200);
  });
});

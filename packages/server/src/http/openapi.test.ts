import { expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

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

  it('every route declares who may call it and a response schema for its success', () => {
    const h = get();
    const undeclared = h.app.apiRoutes
      .filter((r) => r.access === undefined || r.responses.length === 0)
      .map(
        (r) => `${r.method} ${r.url}${r.access === undefined ? ' (no access)' : ''}${r.responses.length === 0 ? ' (no 2xx response)' : ''}`,
      );
    expect(undeclared).toEqual([]);
  });

  it('every operation documents its path parameters, a schema with named properties for each 2xx JSON answer, and its errors', async () => {
    const h = get();
    const doc = (await h.req(null, 'GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, JsonSchema> };
    };
    const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]!) : s);
    const named = (s: JsonSchema): boolean => {
      const r = resolve(s);
      if (r.properties && Object.keys(r.properties).length > 0) return true;
      const alts = r.anyOf ?? r.oneOf ?? r.allOf;
      return !!alts && alts.length > 0 && alts.every(named);
    };
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        for (const p of path.match(/\{(\w+)\}/g) ?? []) {
          const name = p.slice(1, -1);
          if (!op.parameters?.some((x) => x.in === 'path' && x.name === name))
            problems.push(`${where}: path parameter ${name} undocumented`);
        }
        const successes = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
        if (successes.length === 0) problems.push(`${where}: no success response`);
        for (const [status, r] of successes) {
          const json = r.content?.['application/json'];
          if (json && !named(json.schema)) problems.push(`${where}: ${status} JSON answer without named properties`);
        }
        if (!op.responses['400'] || !op.responses['404']) problems.push(`${where}: error responses undocumented`);
      }
    }
    expect(problems).toEqual([]);
  });
});

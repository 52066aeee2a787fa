import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** Enter a livelihood matter (POST /api/v1/matters); it must be taken (201). Returns the matter. */
export async function addMatter(h: Harness, as: string, body: Record<string, unknown>): Promise<{ id: number; status: string }> {
  const res = await h.req(as, 'POST', '/api/v1/matters', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string };
}

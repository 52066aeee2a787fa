import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** Act on a case as a demo user at its current version; the action must succeed. */
export async function actOn(h: Harness, user: string, id: number, body: Record<string, unknown>) {
  const version = (await h.req(user, 'GET', `/api/v1/cases/${id}`)).json().version as number;
  const res = await h.req(user, 'POST', `/api/v1/cases/${id}/actions`, { version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

import { expect } from 'vitest';
import type { Harness } from './harness.ts';

/** What registration answers (the fields the tests read). */
export interface RegisteredCase {
  id: number;
  trackingNo: string;
  version: number;
  status: string;
  answerBy: string;
}

/** A valid registration: a complaint of water cut off for three days in 盐湖区 (the demo routes it to the water bureau). */
export const OUTAGE_COMPLAINT = {
  type: 'complaint',
  content: '小区停水三天未恢复，请尽快处理',
  categoryCode: 'water.outage',
  regionCode: '140802',
  requester: { name: '王杏桃', phone: '13935912345' },
};

/** Register a case as a staff account (POST /api/v1/cases); the registration must succeed (201). */
export async function registerCase(h: Harness, as: string, body: Record<string, unknown>): Promise<RegisteredCase> {
  const res = await h.req(as, 'POST', '/api/v1/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as RegisteredCase;
}

/** Submit a request without signing in (POST /api/v1/public/cases); it must be taken (201). */
export async function submitCase(h: Harness, body: Record<string, unknown>): Promise<{ id: number; trackingNo: string }> {
  const res = await h.req(null, 'POST', '/api/v1/public/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; trackingNo: string };
}

/** The case's current version, as the database holds it. */
export async function caseVersion(h: Harness, id: number): Promise<number> {
  const row = await h.db.db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

export interface ActOptions {
  /** The status the action must answer (default 200). */
  status?: number;
  /**
   * Whose GET of the case reads the version sent with the action (default: the acting user).
   * When that GET is refused (the account cannot see the case), the database's version is sent.
   */
  reader?: string;
}

/** Act on a case as a demo user at its current version; the action must answer `opts.status` (200). Returns the JSON answer. */
export async function actOn(h: Harness, user: string, id: number, body: Record<string, unknown>, opts: ActOptions = {}) {
  const current = await h.req(opts.reader ?? user, 'GET', `/api/v1/cases/${id}`);
  const version = current.statusCode === 200 ? (current.json().version as number) : await caseVersion(h, id);
  const res = await h.req(user, 'POST', `/api/v1/cases/${id}/actions`, { version, ...body });
  expect(res.statusCode, res.body).toBe(opts.status ?? 200);
  return res.json();
}

/** A registration body: a help request under 停水 (water.outage) in 盐湖区 (140802), which the demo routes to the water bureau. */
export function waterCase(content: string, requester: { name?: string; phone: string }, extra: Record<string, unknown> = {}) {
  return { type: 'help', content, categoryCode: 'water.outage', regionCode: '140802', requester, ...extra };
}

export interface AnswerOptions {
  /** The lead unit (default: the demo's water bureau). */
  unitId?: number | undefined;
  /** The handler who signs for it and replies (default: handler2, of the water bureau). */
  handler?: string;
  outcome?: string;
  text?: string;
}

/** Dispatch a registered case, sign for it and reply: the common road to an answer. Returns the reply's JSON. */
export async function answerCase(h: Harness, id: number, o: AnswerOptions = {}) {
  const handler = o.handler ?? 'handler2';
  await actOn(h, 'dispatcher', id, { action: 'dispatch', leadUnitId: o.unitId ?? h.org.units['water'] });
  await actOn(h, handler, id, { action: 'sign' });
  return actOn(h, handler, id, { action: 'reply', outcome: o.outcome ?? 'resolved', text: o.text ?? '已处理' });
}

import { registerRoles, type Role } from '@huiyin/core';
import type { Column, RouteSpec } from './access-matrix-routes.ts';
import { MARK, REGION, type Side, type World } from './access-world.ts';

/**
 * The hotline desk's routes (issue 13, item 6). The call route's credential is an API key issued
 * by county A's system admin: every column sends it beside its own session, which the route
 * ignores (without the key it is 401 for everyone, sessions included: modules/hotline/hotline.test.ts).
 */

const keys = new WeakMap<World, string>();
const keyOfB = new WeakSet<World>();
let seq = 0;

/** County A's telephony key, issued once per world by its system admin. */
async function hotlineKey(w: World): Promise<string> {
  const known = keys.get(w);
  if (known !== undefined) return known;
  const res = await w.call(w.account.admin, { method: 'POST', url: '/api/v1/admin/api-keys', body: { name: `${MARK.in}话务系统` } });
  if (res.statusCode !== 201) throw new Error(`access world: issuing the hotline key answered ${res.statusCode} ${res.body}`);
  const key = (res.json() as { key: string }).key;
  keys.set(w, key);
  return key;
}

/** A key of the side's region to revoke: county A's admin issues A's; the root admin issues one of the province (outside county A). */
async function freshKeyId(w: World, side: Side): Promise<number> {
  const as = side === 'in' ? w.account.admin : 'admin';
  const res = await w.call(as, { method: 'POST', url: '/api/v1/admin/api-keys', body: { name: `${MARK[side]}待吊销${++seq}` } });
  if (res.statusCode !== 201) throw new Error(`access world: issuing a key answered ${res.statusCode} ${res.body}`);
  return (res.json() as { id: number }).id;
}

/** A call announced to the column's own account (county A's clerk for the columns that do not register). */
async function callOf(w: World, as: Column): Promise<string> {
  const agent = (registerRoles as readonly string[]).includes(as) ? w.account[as as Role] : w.account.clerk;
  const callId = `MATRIX-POP-${++seq}`;
  const res = await w.call(null, {
    method: 'POST',
    url: '/api/v1/hotline/calls',
    headers: { 'x-api-key': await hotlineKey(w) },
    body: { callId, callerNumber: '13935912345', agentUsername: agent, startedAt: '2026-03-09T01:00:00Z' },
  });
  if (res.statusCode !== 200) throw new Error(`access world: announcing a call answered ${res.statusCode} ${res.body}`);
  return callId;
}

export const hotlineRoutes: Record<string, RouteSpec> = {
  'POST /api/v1/hotline/caller-history': {
    who: registerRoles,
    ok: 200,
    out: 'none',
    why: 'the caller’s earlier cases, only those in the agent’s scope (the number in the body, never in the address)',
    build: async (w, s) => {
      const row = await w.h.db.db.selectFrom('cases').select('requester_phone').where('id', '=', w.o[s].caseId).executeTakeFirstOrThrow();
      return { method: 'POST', url: '/api/v1/hotline/caller-history', body: { phone: row.requester_phone } };
    },
  },
  'GET /api/v1/hotline/calls/:callId': {
    who: registerRoles,
    ok: 200,
    out: 'n/a',
    why: 'a call is its agent’s own, not a region’s: another agent’s call is a 404 (modules/hotline/hotline-calls.test.ts)',
    build: async (w, _s, as) => ({ method: 'GET', url: `/api/v1/hotline/calls/${await callOf(w, as)}` }),
  },
  'POST /api/v1/hotline/calls': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'the telephony system: its API key (county A’s) is the credential, a session is ignored; the agent is county A’s clerk',
    build: async (w) => ({
      method: 'POST',
      url: '/api/v1/hotline/calls',
      headers: { 'x-api-key': await hotlineKey(w) },
      body: { callId: `MATRIX-${++seq}`, callerNumber: '13935912345', agentUsername: w.account.clerk, startedAt: '2026-03-09T01:00:00Z' },
    }),
  },
  'GET /api/v1/admin/api-keys': {
    who: ['admin'],
    ok: 200,
    out: 'none',
    // Each county has a key before the admins list them (county B's written directly: it has no system admin here).
    build: async (w) => {
      await hotlineKey(w);
      if (!keyOfB.has(w)) {
        keyOfB.add(w);
        await w.h.db.db
          .insertInto('api_keys')
          .values({
            name: `${MARK.out}话务系统`,
            prefix: 'hk_matrixB',
            key_hash: `matrix-b-${Date.now()}`,
            scope: 'hotline.calls',
            region_code: REGION.out,
            created_by: null,
            created_at: new Date(),
            last_used_at: null,
            revoked_at: null,
            revoked_by: null,
          })
          .execute();
      }
      return { method: 'GET', url: '/api/v1/admin/api-keys' };
    },
  },
  'POST /api/v1/admin/api-keys': {
    who: ['admin'],
    ok: 201,
    out: 'n/a',
    why: 'a key is issued for the admin’s own region',
    build: (_w, s) => ({ method: 'POST', url: '/api/v1/admin/api-keys', body: { name: `${MARK[s]}话务系统${++seq}` } }),
  },
  'POST /api/v1/admin/api-keys/:id/revoke': {
    who: ['admin'],
    ok: 200,
    out: 404,
    build: async (w, s) => ({ method: 'POST', url: `/api/v1/admin/api-keys/${await freshKeyId(w, s)}/revoke` }),
  },
};

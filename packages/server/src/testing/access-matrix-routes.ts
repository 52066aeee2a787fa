import { regionRoles, roles, unitRoles, type Role } from '@huiyin/core';
import { createFollowUpLink } from '../modules/follow-up/follow-up.service.ts';
import { DEMO_PASSWORD } from '../seed/demo-org.ts';
import { MARK, REGION, type Req, type Side, type World } from './access-world.ts';
import { multipart, multipartPng, PNG } from './multipart.ts';
import { importRoutes } from './access-matrix-imports.ts';
import { consultationRoutes } from './access-matrix-consultation.ts';
import { hotlineRoutes } from './access-matrix-hotline.ts';

/**
 * The expected access of every /api/v1 route, written from the rules of issue 12 (not recorded
 * from what the app answers): who may call it, what everyone else gets, and what a caller gets for
 * the same kind of object in a county outside their units. http/access-matrix.test.ts runs it and
 * prints it into docs/SECURITY.md.
 */

/** The columns: every role (in county A), the deployment's root admin (the province), and nobody. */
export type Column = Role | 'root_admin' | 'anonymous';
export const columns: readonly Column[] = [...roles, 'root_admin', 'anonymous'];

/** What a cell expects: a status, or `none`: 200 without any of that county's records. */
export type Outcome = number | 'none';

export interface RouteSpec {
  /** Who may use it: roles (root_admin: the root's system admin only), or public. */
  who: 'public' | readonly (Role | 'root_admin')[];
  /** What the others get: 403 by default; 404 where the module hides that anything exists; `none` for lists. */
  deny?: Outcome | Partial<Record<Column, Outcome>> | ((col: Column, side: Side) => Outcome);
  /** The success in scope, and other answers on the merits (a business rule, not access). */
  ok: Outcome;
  also?: readonly number[];
  /** Out of scope: the status, `none` for lists, or `n/a` with `why` when the target is not regional. */
  out: Outcome | 'n/a';
  why?: string;
  /** What a list must not show of a county (default: that county's MARK). */
  marker?: (w: World, side: Side) => string;
  /** Issue 12 expectations not met yet (engineers B1/B2 at work): these cells are checked and reported, not failed. */
  pending?: { columns: readonly Column[]; reason: string };
  build(w: World, side: Side, as: Column): Req | Promise<Req>;
}

const CASE_READERS: Role[] = [...new Set([...regionRoles, ...unitRoles])];
const ANALYSTS: Role[] = ['supervisor', 'safety_net_officer', 'leader', 'admin'];
const SUPERVISION: Role[] = ['supervisor', 'leader', 'dispatcher', 'admin'];
const LV_MANAGE: Role[] = ['livelihood_officer', 'admin'];
const LV_COLLECT: Role[] = ['livelihood_officer', 'clerk', 'grid_worker', 'admin'];
const LV_READ: Role[] = [...LV_COLLECT, 'leader', 'supervisor', 'dispatcher', 'safety_net_officer', 'handler', 'unit_head'];
const LV_ACCEPT: Role[] = ['livelihood_officer', 'supervisor', 'admin'];
const LV_LETTER: Role[] = ['leader', 'livelihood_officer', 'supervisor', 'admin'];
/** May report progress on a project: its cadre (the county's leader), its lead unit (the water bureau) and the managers. */
const LV_REPORT: Role[] = ['leader', 'handler', 'unit_head', ...LV_MANAGE];
const ADMIN = ['admin'] as const;
const ROOT = ['root_admin'] as const;
const SECADMIN = ['security_admin'] as const;
const ALL = roles;

/** Case routes: the case readers work on it; nobody else learns it exists. */
const caseDeny = 404;
/**
 * An object route that first looks the object up: who may read it but not do this gets 403; who
 * may not read it (another county's, or not their kind of record) gets 404. The root admin reads both counties.
 */
const readerDeny =
  (readers: readonly Role[]) =>
  (col: Column, side: Side): Outcome => {
    const reader = (readers as readonly string[]).includes(col === 'root_admin' ? 'admin' : col);
    return reader && (side === 'in' || col === 'root_admin') ? 403 : 404;
  };
const lvDeny = readerDeny;
/** Writes that name a region in the body: a region outside the caller's is a refused field (400, `regionCode`). */
const REGION_FIELD = 400;

const nationalWhy = 'a national setting of the deployment: only the root region’s system admin changes it';
const ownWhy = 'the caller’s own account, inbox or counts';
const publicWhy = 'citizen-facing: the tracking number and the phone are the proof';

const PASSWORD = 'Matrix-Pass-2026x';

const baseRoutes: Record<string, RouteSpec> = {
  // ---- sign-in and the caller's own account -------------------------------------------------
  'POST /api/v1/auth/login': {
    who: 'public',
    ok: 401,
    out: 'n/a',
    why: 'public: a wrong password is refused alike for everyone',
    build: () => ({ method: 'POST', url: '/api/v1/auth/login', body: { username: 'no_such_matrix_user', password: 'wrong-password-1A' } }),
  },
  'POST /api/v1/auth/logout': {
    who: 'public',
    ok: 204,
    out: 'n/a',
    why: 'public: ends the session presented, if any (sent here without one, to keep the matrix sessions)',
    build: () => ({ method: 'POST', url: '/api/v1/auth/logout', anonymous: true }),
  },
  'GET /api/v1/me': { who: ALL, ok: 200, out: 'n/a', why: ownWhy, build: () => ({ method: 'GET', url: '/api/v1/me' }) },
  'GET /api/v1/auth/session': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: who is signed in, or nobody',
    build: () => ({ method: 'GET', url: '/api/v1/auth/session' }),
  },
  'POST /api/v1/me/password': {
    who: ALL,
    ok: 400,
    also: [401, 403, 422],
    out: 'n/a',
    why: `${ownWhy} (sent with a wrong current password: refused on its merits)`,
    build: () => ({ method: 'POST', url: '/api/v1/me/password', body: { currentPassword: 'not-the-password-1A', newPassword: PASSWORD } }),
  },
  'POST /api/v1/me/totp': {
    who: ALL,
    ok: 200,
    also: [201],
    out: 'n/a',
    why: ownWhy,
    build: () => ({ method: 'POST', url: '/api/v1/me/totp', body: { currentPassword: DEMO_PASSWORD } }),
  },
  'POST /api/v1/me/totp/confirm': {
    who: ALL,
    ok: 400,
    also: [401, 403, 409, 422],
    out: 'n/a',
    why: `${ownWhy} (a wrong code: refused on its merits)`,
    build: () => ({ method: 'POST', url: '/api/v1/me/totp/confirm', body: { code: '000000' } }),
  },
  'GET /api/v1/me/security': { who: ALL, ok: 200, out: 'n/a', why: ownWhy, build: () => ({ method: 'GET', url: '/api/v1/me/security' }) },
  'DELETE /api/v1/me/totp': {
    who: ALL,
    ok: 204,
    also: [400, 403, 404, 409],
    out: 'n/a',
    why: `${ownWhy} (without a second factor, or a role that needs one: refused on its merits)`,
    build: () => ({ method: 'DELETE', url: '/api/v1/me/totp', body: { password: DEMO_PASSWORD } }),
  },
  'GET /api/v1/me/sessions': { who: ALL, ok: 200, out: 'n/a', why: ownWhy, build: () => ({ method: 'GET', url: '/api/v1/me/sessions' }) },
  'DELETE /api/v1/me/sessions/:id': {
    who: ALL,
    ok: 404,
    also: [204, 400],
    out: 'n/a',
    why: `${ownWhy} (a session that is not the caller’s: 404)`,
    build: () => ({ method: 'DELETE', url: '/api/v1/me/sessions/999999999' }),
  },

  // ---- regions, units, categories, settings ----------------------------------------------
  'GET /api/v1/units': {
    who: ALL,
    ok: 200,
    out: 'none',
    marker: (_w, s) => (s === 'out' ? '阳泉市郊区水务局' : '盐湖区水务局'),
    build: () => ({ method: 'GET', url: '/api/v1/units' }),
  },
  'GET /api/v1/regions': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: the national region tree',
    build: () => ({ method: 'GET', url: '/api/v1/regions' }),
  },
  'GET /api/v1/categories': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: the request categories',
    build: () => ({ method: 'GET', url: '/api/v1/categories' }),
  },
  'GET /api/v1/settings/calendar': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'the national working-day calendar',
    build: () => ({ method: 'GET', url: '/api/v1/settings/calendar?year=2026' }),
  },
  'PUT /api/v1/settings/calendar/overrides/:date': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: (w) => ({
      method: 'PUT',
      url: `/api/v1/settings/calendar/overrides/${w.fresh.date()}`,
      body: { kind: 'holiday', name: '测试' },
    }),
  },
  'DELETE /api/v1/settings/calendar/overrides/:date': {
    who: ROOT,
    ok: 204,
    also: [404],
    out: 'n/a',
    why: nationalWhy,
    build: async (w) => {
      const date = w.fresh.date();
      await w.call('admin', { method: 'PUT', url: `/api/v1/settings/calendar/overrides/${date}`, body: { kind: 'holiday' } });
      return { method: 'DELETE', url: `/api/v1/settings/calendar/overrides/${date}` };
    },
  },
  'GET /api/v1/settings/time-limits/:regionCode': {
    who: ALL,
    ok: 200,
    out: 200,
    why: 'time limits are published rules, read alike everywhere',
    build: (_w, s) => ({ method: 'GET', url: `/api/v1/settings/time-limits/${REGION[s]}` }),
  },
  'PUT /api/v1/settings/time-limits/:regionCode': {
    who: ADMIN,
    ok: 200,
    out: 403,
    build: (_w, s) => ({
      method: 'PUT',
      url: `/api/v1/settings/time-limits/${REGION[s]}`,
      body: { sign: { unit: 'workingHours', value: 4 } },
    }),
  },

  // ---- cases -----------------------------------------------------------------------------
  'POST /api/v1/cases': {
    who: ['clerk', 'safety_net_officer', 'dispatcher', 'grid_worker'],
    ok: 201,
    out: REGION_FIELD,
    build: (_w, s) => ({
      method: 'POST',
      url: '/api/v1/cases',
      body: {
        type: 'consultation',
        content: `${MARK[s]}：咨询办事流程`,
        categoryCode: 'water.outage',
        regionCode: REGION[s],
        requester: { name: '王杏桃', phone: '13935912345' },
      },
    }),
  },
  'GET /api/v1/cases': {
    who: CASE_READERS,
    deny: 'none',
    ok: 200,
    out: 'none',
    marker: (w, s) => w.o[s].trackingNo,
    build: () => ({ method: 'GET', url: '/api/v1/cases?pageSize=100' }),
  },
  'GET /api/v1/cases/export.xlsx': {
    who: CASE_READERS,
    deny: 'none',
    ok: 200,
    out: 'none',
    marker: (w, s) => w.o[s].trackingNo,
    build: () => ({ method: 'GET', url: '/api/v1/cases/export.xlsx', xlsx: true }),
  },
  'GET /api/v1/cases/:id/sheet.pdf': {
    who: CASE_READERS,
    deny: caseDeny,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/cases/${w.o[s].caseId}/sheet.pdf` }),
  },
  'GET /api/v1/cases/queues': { who: ALL, ok: 200, out: 'n/a', why: ownWhy, build: () => ({ method: 'GET', url: '/api/v1/cases/queues' }) },
  'GET /api/v1/cases/:id': {
    who: CASE_READERS,
    deny: caseDeny,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/cases/${w.o[s].caseId}` }),
  },
  'GET /api/v1/cases/:id/dispatch-help': {
    who: CASE_READERS,
    deny: caseDeny,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/cases/${w.o[s].caseId}/dispatch-help` }),
  },
  'POST /api/v1/cases/:id/actions': {
    who: ['handler', 'unit_head'],
    deny: readerDeny(CASE_READERS),
    ok: 200,
    out: 404,
    why: 'signing for a dispatched case (签收): the lead unit’s staff; the other readers may see it but not sign',
    build: async (w, s) => {
      const c = await w.fresh.dispatchedCase(s);
      return { method: 'POST', url: `/api/v1/cases/${c.id}/actions`, body: { action: 'sign', version: c.version } };
    },
  },
  'POST /api/v1/public/cases': {
    who: 'public',
    ok: 201,
    out: 'n/a',
    why: publicWhy,
    build: () => ({
      method: 'POST',
      url: '/api/v1/public/cases',
      body: { type: 'consultation', content: '咨询停水', regionCode: '140802', requester: { name: '王杏桃', phone: '13935912345' } },
    }),
  },
  'GET /api/v1/track/:trackingNo': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: publicWhy,
    build: (w) => ({ method: 'GET', url: `/api/v1/track/${w.o.in.trackingNo}?phone=${w.o.in.phone4}` }),
  },
  'POST /api/v1/track/:trackingNo/rating': {
    who: 'public',
    ok: 200,
    also: [409],
    out: 'n/a',
    why: publicWhy,
    build: async (w) => {
      const id = await w.fresh.repliedCase('in');
      const row = await w.h.db.db.selectFrom('cases').select('tracking_no').where('id', '=', id).executeTakeFirstOrThrow();
      return {
        method: 'POST',
        url: `/api/v1/track/${row.tracking_no}/rating`,
        body: { phone: w.o.in.phone4, solved: true, satisfaction: 'satisfied' },
      };
    },
  },
  'POST /api/v1/cases/:id/attachments': {
    who: CASE_READERS,
    deny: caseDeny,
    ok: 201,
    out: 404,
    build: (w, s) => ({ method: 'POST', url: `/api/v1/cases/${w.o[s].caseId}/attachments`, form: multipartPng() }),
  },
  'GET /api/v1/attachments/:id': {
    who: CASE_READERS,
    deny: caseDeny,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/attachments/${w.o[s].attachmentId}` }),
  },
  'GET /api/v1/cases/:id/answer.pdf': {
    who: regionRoles,
    why: 'a safety-net case decided at the window: the county’s staff; no unit was dispatched, so the units’ staff do not see it',
    deny: caseDeny,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/cases/${w.o[s].letterCaseId}/answer.pdf` }),
  },
  'GET /api/v1/track/:trackingNo/answer.pdf': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: publicWhy,
    build: (w) => ({ method: 'GET', url: `/api/v1/track/${w.o.in.letterTrackingNo}/answer.pdf?phone=${w.o.in.phone4}` }),
  },
  'GET /api/v1/public/config': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: the citizen page’s settings',
    build: () => ({ method: 'GET', url: '/api/v1/public/config' }),
  },
  'POST /api/v1/public/cases/:trackingNo/photos': {
    who: 'public',
    ok: 201,
    also: [409],
    out: 'n/a',
    why: publicWhy,
    build: async (w) => {
      const res = await w.call(null, {
        method: 'POST',
        url: '/api/v1/public/cases',
        body: { type: 'consultation', content: '咨询停水', regionCode: '140802', requester: { name: '王杏桃', phone: '13935912345' } },
      });
      const trackingNo = res.json().trackingNo as string;
      return {
        method: 'POST',
        url: `/api/v1/public/cases/${trackingNo}/photos`,
        form: multipart([
          { name: 'phone', data: '13935912345' },
          { name: 'file', filename: 'p.png', type: 'image/png', data: PNG },
        ]),
      };
    },
  },
  'GET /api/v1/follow-up/:token': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: the one-time SMS link is the proof',
    build: async (w) => {
      const { token } = await createFollowUpLink(w.h.db.db, w.h.clock.now(), w.o.in.caseId);
      return { method: 'GET', url: `/api/v1/follow-up/${token}` };
    },
  },
  'POST /api/v1/follow-up/:token': {
    who: 'public',
    ok: 200,
    also: [409],
    out: 'n/a',
    why: 'public: the one-time SMS link is the proof',
    build: async (w) => {
      const id = await w.fresh.repliedCase('in');
      const { token } = await createFollowUpLink(w.h.db.db, w.h.clock.now(), id);
      return { method: 'POST', url: `/api/v1/follow-up/${token}`, body: { solved: true, satisfaction: 'satisfied' } };
    },
  },

  // ---- admin: units, accounts, catalog, deliveries --------------------------------------
  'GET /api/v1/admin/regions': {
    who: ['admin', 'security_admin'],
    ok: 200,
    out: 'n/a',
    why: 'the region tree for the unit form',
    build: () => ({ method: 'GET', url: '/api/v1/admin/regions' }),
  },
  'GET /api/v1/admin/units': {
    who: ['admin', 'security_admin'],
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/admin/units' }),
  },
  'POST /api/v1/admin/units': {
    who: ADMIN,
    ok: 201,
    out: REGION_FIELD,
    build: (w, s) => ({
      method: 'POST',
      url: '/api/v1/admin/units',
      body: { name: `${MARK[s]}新单位${w.fresh.username()}`, kind: 'bureau', regionCode: REGION[s], parentId: w.o[s].centre },
    }),
  },
  'PATCH /api/v1/admin/units/:id': {
    who: ADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/admin/units/${w.o[s].unitId}`, body: { kind: 'bureau' } }),
  },
  'DELETE /api/v1/admin/units/:id': {
    who: ADMIN,
    ok: 204,
    out: 404,
    build: async (w, s) => ({ method: 'DELETE', url: `/api/v1/admin/units/${await w.fresh.unit(s)}` }),
  },
  'GET /api/v1/admin/users': {
    who: SECADMIN,
    ok: 200,
    out: 'none',
    marker: (_w, s) => `matrix_target_${s}`,
    build: () => ({ method: 'GET', url: '/api/v1/admin/users?pageSize=100' }),
  },
  'GET /api/v1/admin/users/:id': {
    who: SECADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/admin/users/${w.o[s].userId}` }),
  },
  'POST /api/v1/admin/users': {
    who: SECADMIN,
    ok: 201,
    out: 400,
    why: 'a unit outside the security admin’s regions is an unknown unit (400, `unitIds`)',
    build: (w, s) => ({
      method: 'POST',
      url: '/api/v1/admin/users',
      body: { username: w.fresh.username(), displayName: '新同事', password: PASSWORD, roles: ['clerk'], unitIds: [w.o[s].centre] },
    }),
  },
  'POST /api/v1/users': {
    who: SECADMIN,
    ok: 201,
    out: 400,
    why: 'a unit outside the security admin’s regions is an unknown unit (400, `unitIds`)',
    build: (w, s) => ({
      method: 'POST',
      url: '/api/v1/users',
      body: { username: w.fresh.username(), displayName: '新同事', password: PASSWORD, roles: ['clerk'], unitIds: [w.o[s].centre] },
    }),
  },
  'PATCH /api/v1/admin/users/:id': {
    who: SECADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/admin/users/${w.o[s].userId}`, body: { displayName: '改名' } }),
  },
  'PUT /api/v1/admin/users/:id/password': {
    who: SECADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PUT', url: `/api/v1/admin/users/${w.o[s].userId}/password`, body: { password: PASSWORD } }),
  },
  'POST /api/v1/admin/users/:id/unlock': {
    who: SECADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'POST', url: `/api/v1/admin/users/${w.o[s].userId}/unlock` }),
  },
  'DELETE /api/v1/admin/users/:id/sessions': {
    who: SECADMIN,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'DELETE', url: `/api/v1/admin/users/${w.o[s].userId}/sessions` }),
  },
  'GET /api/v1/admin/categories': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'the national category tree',
    build: () => ({ method: 'GET', url: '/api/v1/admin/categories' }),
  },
  'POST /api/v1/admin/categories': {
    who: ROOT,
    ok: 201,
    out: 'n/a',
    why: nationalWhy,
    build: (w) => ({
      method: 'POST',
      url: '/api/v1/admin/categories',
      body: { code: w.fresh.categoryCode(), nameZh: '测试', nameEn: 'Test' },
    }),
  },
  'PATCH /api/v1/admin/categories/:code': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: () => ({ method: 'PATCH', url: '/api/v1/admin/categories/water.quality', body: { nameZh: '水质' } }),
  },
  'GET /api/v1/admin/routing-rules': {
    who: ADMIN,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/admin/routing-rules' }),
  },
  'POST /api/v1/admin/routing-rules': {
    who: ADMIN,
    ok: 201,
    out: REGION_FIELD,
    build: async (w, s) => ({
      method: 'POST',
      url: '/api/v1/admin/routing-rules',
      body: { categoryCode: 'water.quality', regionPrefix: REGION[s], unitId: await w.fresh.unit(s) },
    }),
  },
  'DELETE /api/v1/admin/routing-rules/:id': {
    who: ADMIN,
    ok: 204,
    out: 404,
    build: async (w, s) => ({ method: 'DELETE', url: `/api/v1/admin/routing-rules/${await w.fresh.routingRule(s)}` }),
  },
  'GET /api/v1/admin/units/template.xlsx': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook',
    build: () => ({ method: 'GET', url: '/api/v1/admin/units/template.xlsx' }),
  },
  'GET /api/v1/admin/units/export.xlsx': {
    who: ADMIN,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/admin/units/export.xlsx', xlsx: true }),
  },
  'POST /api/v1/admin/units/import': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'each row names its region and is checked against the caller’s (an empty template here, previewed)',
    build: async (w) => {
      const t = await w.call('admin', { method: 'GET', url: '/api/v1/admin/units/template.xlsx' });
      return {
        method: 'POST',
        url: '/api/v1/admin/units/import',
        form: multipart([{ name: 'file', filename: 'u.xlsx', data: t.rawPayload }]),
      };
    },
  },
  'GET /api/v1/admin/routing-rules/template.xlsx': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook',
    build: () => ({ method: 'GET', url: '/api/v1/admin/routing-rules/template.xlsx' }),
  },
  'GET /api/v1/admin/routing-rules/export.xlsx': {
    who: ADMIN,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/admin/routing-rules/export.xlsx', xlsx: true }),
  },
  'POST /api/v1/admin/routing-rules/import': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'each row names its region and is checked against the caller’s (an empty template here, previewed)',
    build: async (w) => {
      const t = await w.call('admin', { method: 'GET', url: '/api/v1/admin/routing-rules/template.xlsx' });
      return {
        method: 'POST',
        url: '/api/v1/admin/routing-rules/import',
        form: multipart([{ name: 'file', filename: 'r.xlsx', data: t.rawPayload }]),
      };
    },
  },
  'GET /api/v1/admin/deliveries': {
    who: ADMIN,
    ok: 200,
    out: 'none',
    marker: (w, s) => `"id":${w.o[s].deliveryId},`,
    build: () => ({ method: 'GET', url: '/api/v1/admin/deliveries?status=dead&pageSize=200' }),
  },
  'POST /api/v1/admin/deliveries/:id/retry': {
    who: ADMIN,
    ok: 200,
    out: 404,
    build: async (w, s) => ({ method: 'POST', url: `/api/v1/admin/deliveries/${await w.fresh.deadDelivery(s)}/retry` }),
  },
  'GET /api/v1/audit-log': {
    who: ['auditor'],
    deny: 404,
    ok: 200,
    out: 'n/a',
    why: 'the auditor reads the entries of their regions (the audit-log tests check which)',
    build: () => ({ method: 'GET', url: '/api/v1/audit-log' }),
  },

  // ---- policy library --------------------------------------------------------------------
  'GET /api/v1/policies': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'the policy library is reference for all staff',
    build: () => ({ method: 'GET', url: '/api/v1/policies' }),
  },
  'GET /api/v1/policies/import-template.xlsx': {
    who: ADMIN,
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook',
    build: () => ({ method: 'GET', url: '/api/v1/policies/import-template.xlsx' }),
  },
  'GET /api/v1/policies/:id': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'the policy library is reference for all staff',
    build: (w) => ({ method: 'GET', url: `/api/v1/policies/${w.policyId}` }),
  },
  'POST /api/v1/policies': {
    who: ADMIN,
    ok: 201,
    out: 403,
    why: 'an article of a county’s units (national articles: root admin only)',
    build: (w, s) => ({
      method: 'POST',
      url: '/api/v1/policies',
      body: {
        title: `${MARK[s]}办事指南${w.fresh.username()}`,
        docNumber: `测试〔2026〕${w.fresh.username()}号`,
        issuer: '县政府',
        body: '办事指南正文。',
        unitIds: [w.o[s].water],
      },
    }),
  },
  'PATCH /api/v1/policies/:id': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: `a national article: ${nationalWhy}`,
    build: (w) => ({ method: 'PATCH', url: `/api/v1/policies/${w.policyId}`, body: { tags: ['不动产'] } }),
  },
  'POST /api/v1/policies/import': {
    who: ROOT,
    ok: 200,
    also: [400],
    out: 'n/a',
    why: `national articles: ${nationalWhy} (an empty workbook: 400 on its merits)`,
    build: async (w) => {
      const t = await w.call('admin', { method: 'GET', url: '/api/v1/policies/import-template.xlsx' });
      return {
        method: 'POST',
        url: '/api/v1/policies/import',
        form: multipart([{ name: 'file', filename: 'p.xlsx', data: t.rawPayload }]),
      };
    },
  },

  // ---- safety net --------------------------------------------------------------------------
  'GET /api/v1/safety-net/gaps': {
    who: ANALYSTS,
    ok: 200,
    out: 'n/a',
    why: 'computed over the caller’s own regions',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/gaps' }),
  },
  'GET /api/v1/safety-net/gap-rule': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'a national rule',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/gap-rule' }),
  },
  'PUT /api/v1/safety-net/gap-rule': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: () => ({ method: 'PUT', url: '/api/v1/safety-net/gap-rule', body: { threshold: 3, windowDays: 30 } }),
  },
  'GET /api/v1/safety-net/analysis': {
    who: ANALYSTS,
    ok: 200,
    out: 'n/a',
    why: 'computed over the caller’s own regions',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/analysis' }),
  },
  'GET /api/v1/safety-net/coordination': {
    who: ANALYSTS,
    ok: 200,
    out: 'n/a',
    why: 'computed over the caller’s own regions',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/coordination' }),
  },
  'GET /api/v1/safety-net/barriers': {
    who: ANALYSTS,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/barriers' }),
  },
  'PATCH /api/v1/safety-net/barriers/:id': {
    who: ANALYSTS,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/safety-net/barriers/${w.o[s].barrierId}`, body: { proposal: '建议修订' } }),
  },
  'GET /api/v1/safety-net/referrals': {
    who: ['inspector'],
    deny: 404,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/referrals' }),
  },
  'GET /api/v1/safety-net/referrals/:id': {
    who: ['inspector'],
    deny: 404,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/safety-net/referrals/${w.o[s].referralId}` }),
  },
  'PATCH /api/v1/safety-net/referrals/:id': {
    who: ['inspector'],
    deny: 404,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/safety-net/referrals/${w.o[s].referralId}`, body: { status: 'investigating' } }),
  },
  'GET /api/v1/safety-net/rectifications': {
    who: CASE_READERS,
    deny: 'none',
    ok: 200,
    out: 'none',
    marker: (w, s) => `"caseId":${w.o[s].noticeCaseId},`,
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/rectifications' }),
  },
  'POST /api/v1/safety-net/rectifications/:id/answer': {
    who: ['handler', 'unit_head'],
    deny: 404,
    ok: 200,
    out: 404,
    why: 'the unit answers its own notice',
    build: async (w, s) => ({
      method: 'POST',
      url: `/api/v1/safety-net/rectifications/${await w.fresh.notice(s)}/answer`,
      body: { response: '已整改' },
    }),
  },
  'GET /api/v1/safety-net/consultations/pending': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'the caller’s own units’ consultations',
    build: () => ({ method: 'GET', url: '/api/v1/safety-net/consultations/pending' }),
  },
  'POST /api/v1/rectifications/:id/appeal': {
    who: ['handler', 'unit_head'],
    deny: 404,
    ok: 200,
    out: 404,
    why: 'the unit appeals its own notice',
    build: async (w, s) => ({
      method: 'POST',
      url: `/api/v1/rectifications/${await w.fresh.notice(s)}/appeal`,
      body: { reason: '恶意差评' },
    }),
  },
  'POST /api/v1/rectifications/:id/appeal-decision': {
    who: ['supervisor'],
    ok: 200,
    out: 404,
    build: async (w, s) => ({
      method: 'POST',
      url: `/api/v1/rectifications/${await w.fresh.notice(s, true)}/appeal-decision`,
      body: { voided: true, note: '同意' },
    }),
  },

  // ---- supervision -------------------------------------------------------------------------
  'GET /api/v1/supervision/overview': {
    who: SUPERVISION,
    ok: 200,
    out: 'n/a',
    why: 'computed over the caller’s own regions',
    build: () => ({ method: 'GET', url: '/api/v1/supervision/overview' }),
  },
  'GET /api/v1/supervision/rating-flags': {
    who: SUPERVISION,
    ok: 200,
    out: 'n/a',
    why: 'computed over the caller’s own regions',
    build: () => ({ method: 'GET', url: '/api/v1/supervision/rating-flags' }),
  },
  'GET /api/v1/supervision/escalation-rule': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'a national rule',
    build: () => ({ method: 'GET', url: '/api/v1/supervision/escalation-rule' }),
  },
  'PUT /api/v1/supervision/escalation-rule': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: () => ({ method: 'PUT', url: '/api/v1/supervision/escalation-rule', body: { leaderAfterWorkingDays: 5 } }),
  },

  // ---- notifications -----------------------------------------------------------------------
  'GET /api/v1/notifications': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: ownWhy,
    build: () => ({ method: 'GET', url: '/api/v1/notifications' }),
  },
  'POST /api/v1/notifications/read': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: ownWhy,
    build: () => ({ method: 'POST', url: '/api/v1/notifications/read', body: { all: true } }),
  },
  'GET /api/v1/notifications/stream': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: ownWhy,
    build: () => ({ method: 'GET', url: '/api/v1/notifications/stream', stream: true }),
  },

  // ---- livelihood ------------------------------------------------------------------------
  'GET /api/v1/livelihood/areas': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'national focus areas',
    build: () => ({ method: 'GET', url: '/api/v1/livelihood/areas' }),
  },
  'PUT /api/v1/livelihood/areas': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: async (w) => ({
      method: 'PUT',
      url: '/api/v1/livelihood/areas',
      body: (await w.call('admin', { method: 'GET', url: '/api/v1/livelihood/areas' })).json(),
    }),
  },
  'GET /api/v1/livelihood/settings': {
    who: ALL,
    ok: 200,
    out: 'n/a',
    why: 'national settings',
    build: () => ({ method: 'GET', url: '/api/v1/livelihood/settings' }),
  },
  'PUT /api/v1/livelihood/settings': {
    who: ROOT,
    ok: 200,
    out: 'n/a',
    why: nationalWhy,
    build: async (w) => ({
      method: 'PUT',
      url: '/api/v1/livelihood/settings',
      body: (await w.call('admin', { method: 'GET', url: '/api/v1/livelihood/settings' })).json(),
    }),
  },
  'GET /api/v1/livelihood/lists': {
    who: LV_READ,
    ok: 200,
    out: 403,
    build: (_w, s) => ({ method: 'GET', url: `/api/v1/livelihood/lists?regionCode=${REGION[s]}` }),
  },
  'POST /api/v1/livelihood/lists': {
    who: LV_MANAGE,
    ok: 201,
    also: [409],
    out: 403,
    build: (w, s) => ({
      method: 'POST',
      url: '/api/v1/livelihood/lists',
      body: {
        regionCode: REGION[s],
        title: `${MARK[s]}第二批`,
        batch: 2 + (Number(w.fresh.username().replace(/\D/g, '')) % 90),
        year: 2026,
      },
    }),
  },
  'GET /api/v1/livelihood/lists/:id': {
    who: LV_READ,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/livelihood/lists/${w.o[s].listId}` }),
  },
  'PATCH /api/v1/livelihood/lists/:id': {
    who: LV_MANAGE,
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/livelihood/lists/${w.o[s].listId}`, body: { title: `${MARK[s]}民生清单` } }),
  },
  'POST /api/v1/livelihood/lists/:id/selection': {
    who: LV_MANAGE,
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({
      method: 'POST',
      url: `/api/v1/livelihood/lists/${w.o[s].listId}/selection`,
      body: {
        heldAt: '2026-04-20T09:00:00+08:00',
        attendees: '常委会成员',
        scores: [{ projectId: w.o[s].projectId, votes: 9, priority: 1, peopleAffected: 500 }],
        selectedIds: [w.o[s].projectId],
      },
    }),
  },
  'POST /api/v1/livelihood/lists/:id/publish': {
    who: LV_MANAGE,
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({ method: 'POST', url: `/api/v1/livelihood/lists/${w.o[s].listId}/publish` }),
  },
  'GET /api/v1/matters': {
    who: LV_READ,
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/matters?pageSize=100' }),
  },
  'GET /api/v1/matters/export.xlsx': {
    who: LV_READ,
    ok: 200,
    out: 'none',
    why: 'the workbook of every matter the caller may read',
    build: () => ({ method: 'GET', url: '/api/v1/matters/export.xlsx', xlsx: true }),
  },
  'GET /api/v1/matters/import-template.xlsx': {
    who: LV_COLLECT,
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook',
    build: () => ({ method: 'GET', url: '/api/v1/matters/import-template.xlsx' }),
  },
  'POST /api/v1/matters': {
    who: LV_COLLECT,
    ok: 201,
    out: 403,
    build: (_w, s) => ({
      method: 'POST',
      url: '/api/v1/matters',
      body: {
        title: `${MARK[s]}：村道坑洼`,
        regionCode: REGION[s],
        areaCode: 'livelihood',
        originators: [{ kind: 'person', name: '李大山', phone: '13935300001' }],
      },
    }),
  },
  'POST /api/v1/matters/import': {
    who: LV_COLLECT,
    ok: 200,
    out: 'n/a',
    why: 'each row names its region and is checked against the caller’s (an empty workbook here)',
    build: async (w) => {
      const t = await w.call('admin', { method: 'GET', url: '/api/v1/matters/import-template.xlsx' });
      return { method: 'POST', url: '/api/v1/matters/import', form: multipart([{ name: 'file', filename: 'm.xlsx', data: t.rawPayload }]) };
    },
  },
  'POST /api/v1/matters/similar': {
    who: LV_READ,
    ok: 200,
    out: 403,
    build: (_w, s) => ({ method: 'POST', url: '/api/v1/matters/similar', body: { title: '村道路灯不亮', regionCode: REGION[s] } }),
  },
  'POST /api/v1/matters/from-case': {
    who: LV_COLLECT,
    ok: 201,
    also: [409],
    out: 404,
    build: async (w, s) => ({
      method: 'POST',
      url: '/api/v1/matters/from-case',
      body: { caseId: (await w.fresh.dispatchedCase(s)).id, areaCode: 'livelihood' },
    }),
  },
  'GET /api/v1/matters/duplicates': {
    who: LV_READ,
    ok: 200,
    out: 403,
    build: (_w, s) => ({ method: 'GET', url: `/api/v1/matters/duplicates?regionCode=${REGION[s]}` }),
  },
  'GET /api/v1/matters/:id': {
    who: LV_READ,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/matters/${w.o[s].matterId}` }),
  },
  'GET /api/v1/matters/:id/similar': {
    who: LV_READ,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/matters/${w.o[s].matterId}/similar` }),
  },
  'POST /api/v1/matters/:id/merge': {
    who: LV_MANAGE,
    ok: 200,
    out: 404,
    build: async (w, s) => ({
      method: 'POST',
      url: `/api/v1/matters/${await w.fresh.matter(s)}/merge`,
      body: { intoId: await w.fresh.matter(s) },
    }),
  },
  'POST /api/v1/matters/:id/answer': {
    who: LV_MANAGE,
    ok: 200,
    out: 404,
    build: async (w, s) => ({ method: 'POST', url: `/api/v1/matters/${await w.fresh.matter(s)}/answer`, body: { text: '已列入计划' } }),
  },
  'POST /api/v1/matters/:id/originators/:originatorId/answer': {
    who: LV_MANAGE,
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({
      method: 'POST',
      url: `/api/v1/matters/${w.o[s].matterId}/originators/${w.o[s].originatorId}/answer`,
      body: { method: 'phone', note: '电话告知' },
    }),
  },
  'GET /api/v1/projects': {
    who: LV_READ,
    deny: 'none',
    ok: 200,
    out: 'none',
    build: () => ({ method: 'GET', url: '/api/v1/projects?pageSize=100' }),
  },
  'POST /api/v1/projects': {
    who: LV_MANAGE,
    ok: 201,
    out: 400,
    why: 'matters of another county are unknown matters (400, `matterIds`)',
    build: async (w, s) => ({
      method: 'POST',
      url: '/api/v1/projects',
      body: { title: `${MARK[s]}：新项目`, matterIds: [await w.fresh.matter(s)] },
    }),
  },
  'GET /api/v1/projects/:id': {
    who: LV_READ,
    deny: 404,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/projects/${w.o[s].projectId}` }),
  },
  'PATCH /api/v1/projects/:id': {
    who: LV_MANAGE,
    deny: lvDeny(LV_READ),
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'PATCH', url: `/api/v1/projects/${w.o[s].candidateId}`, body: { budget: 20 } }),
  },
  'PUT /api/v1/projects/:id/milestones': {
    who: LV_MANAGE,
    deny: lvDeny(LV_READ),
    ok: 200,
    out: 404,
    build: (w, s) => ({
      method: 'PUT',
      url: `/api/v1/projects/${w.o[s].candidateId}/milestones`,
      body: { milestones: [{ title: '施工', plannedDate: '2026-09-30', weight: 1 }] },
    }),
  },
  'POST /api/v1/projects/:id/assign': {
    who: LV_MANAGE,
    deny: lvDeny(LV_READ),
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({
      method: 'POST',
      url: `/api/v1/projects/${w.o[s].candidateId}/assign`,
      body: { cadreUserId: w.cadreId[s], dueDate: '2026-10-31' },
    }),
  },
  'POST /api/v1/projects/:id/sign': {
    who: ['leader'],
    deny: lvDeny(LV_READ),
    ok: 200,
    also: [409],
    out: 404,
    why: 'the cadre named in the letter signs for it',
    build: (w, s) => ({ method: 'POST', url: `/api/v1/projects/${w.o[s].projectId}/sign` }),
  },
  'GET /api/v1/projects/:id/assignment-letter.pdf': {
    who: LV_LETTER,
    deny: lvDeny(LV_READ),
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/projects/${w.o[s].projectId}/assignment-letter.pdf` }),
  },
  'GET /api/v1/projects/:id/photos/:photoId': {
    who: LV_READ,
    deny: 404,
    ok: 200,
    out: 404,
    build: (w, s) => ({ method: 'GET', url: `/api/v1/projects/${w.o[s].projectId}/photos/${w.o[s].photoId}` }),
  },
  'POST /api/v1/projects/:id/photos': {
    who: [...LV_REPORT, 'supervisor'],
    deny: lvDeny(LV_READ),
    ok: 201,
    out: 404,
    build: (w, s) => ({ method: 'POST', url: `/api/v1/projects/${w.o[s].projectId}/photos`, form: multipartPng() }),
  },
  'POST /api/v1/projects/:id/progress': {
    who: LV_REPORT,
    deny: lvDeny(LV_READ),
    ok: 200,
    out: 404,
    build: async (w, s) => {
      const p = await w.call(w.builders[s].cadre, { method: 'GET', url: `/api/v1/projects/${w.o[s].projectId}` });
      return {
        method: 'POST',
        url: `/api/v1/projects/${w.o[s].projectId}/progress`,
        body: { milestoneId: p.json().milestones[0].id, percent: 60, text: '进展顺利' },
      };
    },
  },
  'POST /api/v1/projects/:id/answers': {
    who: ['leader', ...LV_ACCEPT],
    deny: lvDeny(LV_READ),
    ok: 200,
    out: 404,
    why: 'the cadre, the livelihood office and the supervisor answer the originators',
    build: (w, s) => ({ method: 'POST', url: `/api/v1/projects/${w.o[s].projectId}/answers`, body: { text: '项目进展顺利' } }),
  },
  'POST /api/v1/projects/:id/originators/:originatorId/answer': {
    who: ['leader', ...LV_ACCEPT],
    deny: lvDeny(LV_READ),
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({
      method: 'POST',
      url: `/api/v1/projects/${w.o[s].projectId}/originators/${w.o[s].projectOriginatorId}/answer`,
      body: { method: 'visit', note: '上门告知' },
    }),
  },
  'POST /api/v1/projects/:id/accept': {
    who: LV_ACCEPT,
    deny: lvDeny(LV_READ),
    ok: 200,
    also: [409],
    out: 404,
    build: (w, s) => ({ method: 'POST', url: `/api/v1/projects/${w.o[s].projectId}/accept`, body: { findings: '验收' } }),
  },
  'GET /api/v1/duty-list': { who: ALL, ok: 200, out: 'n/a', why: ownWhy, build: () => ({ method: 'GET', url: '/api/v1/duty-list' }) },
  'GET /api/v1/cadres': {
    who: LV_READ,
    ok: 200,
    out: 403,
    build: (_w, s) => ({ method: 'GET', url: `/api/v1/cadres?regionCode=${REGION[s]}` }),
  },
  'GET /api/v1/public/projects': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: published projects',
    build: () => ({ method: 'GET', url: `/api/v1/public/projects?regionCode=${REGION.in}` }),
  },
  'GET /api/v1/public/projects/:id': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: published projects',
    build: (w) => ({ method: 'GET', url: `/api/v1/public/projects/${w.o.in.projectId}` }),
  },
  'GET /api/v1/public/project-photos/:photoId': {
    who: 'public',
    ok: 200,
    out: 'n/a',
    why: 'public: photos of published projects',
    build: (w) => ({ method: 'GET', url: `/api/v1/public/project-photos/${w.o.in.photoId}` }),
  },
};

/**
 * Every route's row. Newer modules keep their rows in a file of their own
 * (testing/access-matrix-<module>.ts, exporting a Record<string, RouteSpec>) spread in here.
 */
export const routeSpecs: Record<string, RouteSpec> = {
  ...baseRoutes,
  ...importRoutes,
  ...consultationRoutes,
  ...hotlineRoutes,
};

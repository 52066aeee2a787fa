import { roles } from '@huiyin/core';
import type { RouteSpec } from './access-matrix-routes.ts';

/** 会商 of ordinary cases: the time to settle a dispatch dispute, a national setting (issue 13, item 4). */
export const consultationRoutes: Record<string, RouteSpec> = {
  'GET /api/v1/consultations/settle-limit': {
    who: roles,
    ok: 200,
    out: 'n/a',
    why: 'a national rule',
    build: () => ({ method: 'GET', url: '/api/v1/consultations/settle-limit' }),
  },
  'PUT /api/v1/consultations/settle-limit': {
    who: ['root_admin'],
    ok: 200,
    out: 'n/a',
    why: 'a national setting: only the system admin of the root region changes it',
    build: () => ({ method: 'PUT', url: '/api/v1/consultations/settle-limit', body: { unit: 'workingDays', value: 1 } }),
  },
};

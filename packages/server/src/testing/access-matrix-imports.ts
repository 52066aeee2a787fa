import type { RouteSpec } from './access-matrix-routes.ts';
import { multipart } from './multipart.ts';

/** The Excel imports of issue 13 (people, categories, catalog details): their access rows. */
export const importRoutes: Record<string, RouteSpec> = {
  'GET /api/v1/admin/categories/template.xlsx': {
    who: ['admin'],
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook',
    build: () => ({ method: 'GET', url: '/api/v1/admin/categories/template.xlsx' }),
  },
  'GET /api/v1/admin/categories/export.xlsx': {
    who: ['admin'],
    ok: 200,
    out: 'n/a',
    why: 'the category tree is national: every admin reads it (as GET /api/v1/admin/categories)',
    build: () => ({ method: 'GET', url: '/api/v1/admin/categories/export.xlsx' }),
  },
  'POST /api/v1/admin/categories/import': {
    who: ['root_admin'],
    ok: 200,
    out: 'n/a',
    why: 'a national setting: only the root system admin (an empty template here, previewed)',
    build: async (w) => {
      const t = await w.call('admin', { method: 'GET', url: '/api/v1/admin/categories/template.xlsx' });
      return {
        method: 'POST',
        url: '/api/v1/admin/categories/import',
        form: multipart([{ name: 'file', filename: 'c.xlsx', data: t.rawPayload }]),
      };
    },
  },
  'GET /api/v1/admin/users/template.xlsx': {
    who: ['security_admin'],
    ok: 200,
    out: 'n/a',
    why: 'an empty workbook (its drop-down lists the caller’s own units)',
    build: () => ({ method: 'GET', url: '/api/v1/admin/users/template.xlsx' }),
  },
  'POST /api/v1/admin/users/import': {
    who: ['security_admin'],
    ok: 200,
    out: 'n/a',
    why: 'each row names its units and is checked against the caller’s regions (an empty template here, previewed)',
    build: async (w) => {
      const t = await w.call('secadmin', { method: 'GET', url: '/api/v1/admin/users/template.xlsx' });
      return {
        method: 'POST',
        url: '/api/v1/admin/users/import',
        form: multipart([{ name: 'file', filename: 'p.xlsx', data: t.rawPayload }]),
      };
    },
  },
};

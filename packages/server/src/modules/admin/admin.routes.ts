import {
  adminCreateUserSchema,
  categoryCodeSchema,
  createCategorySchema,
  createRoutingRuleSchema,
  createUnitSchema,
  idSchema,
  listUsersQuerySchema,
  resetPasswordSchema,
  updateCategorySchema,
  updateUnitSchema,
  updateUserSchema,
} from '@huiyin/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { createCatalogAdminService } from './catalog-admin.service.ts';
import { adminScopeOf } from './scope.ts';
import type { createUnitAdminService } from './unit-admin.service.ts';
import type { createUserAdminService } from './user-admin.service.ts';

type IdParams = { Params: { id: string } };
type CodeParams = { Params: { code: string } };

/**
 * Admin API: units, users and roles, categories and the routing catalog. Admin-only; an admin
 * manages what lies in their own regions, and anything outside them is a 404. Time limits and
 * the holiday calendar are under /api/v1/settings.
 */
export function adminRoutes(
  app: FastifyInstance,
  deps: {
    units: ReturnType<typeof createUnitAdminService>;
    users: ReturnType<typeof createUserAdminService>;
    catalog: ReturnType<typeof createCatalogAdminService>;
  },
): void {
  const { units, users, catalog } = deps;
  const admin = (req: FastifyRequest) => adminScopeOf(requireRole(req, ['admin']));

  // ---- regions and units ----
  app.get('/api/v1/admin/regions', async (req) => units.regions(admin(req)));

  app.get('/api/v1/admin/units', async (req) => units.tree(admin(req)));

  app.post('/api/v1/admin/units', async (req, reply) => {
    const scope = admin(req);
    const body = parseWith(createUnitSchema, req.body, langOf(req));
    return reply.status(201).send(await units.create(scope, body));
  });

  app.patch<IdParams>('/api/v1/admin/units/:id', async (req) => {
    const scope = admin(req);
    const lang = langOf(req);
    return units.update(scope, parseWith(idSchema, req.params.id, lang), parseWith(updateUnitSchema, req.body, lang));
  });

  app.delete<IdParams>('/api/v1/admin/units/:id', async (req, reply) => {
    const scope = admin(req);
    await units.remove(scope, parseWith(idSchema, req.params.id, langOf(req)));
    return reply.status(204).send();
  });

  // ---- users ----
  app.get('/api/v1/admin/users', async (req) => {
    const scope = admin(req);
    return users.list(scope, parseWith(listUsersQuerySchema, req.query, langOf(req)));
  });

  app.get<IdParams>('/api/v1/admin/users/:id', async (req) => {
    const scope = admin(req);
    return users.get(scope, parseWith(idSchema, req.params.id, langOf(req)));
  });

  app.post('/api/v1/admin/users', async (req, reply) => {
    const scope = admin(req);
    const body = parseWith(adminCreateUserSchema, req.body, langOf(req));
    return reply.status(201).send(await users.create(scope, body));
  });

  app.patch<IdParams>('/api/v1/admin/users/:id', async (req) => {
    const scope = admin(req);
    const lang = langOf(req);
    return users.update(scope, parseWith(idSchema, req.params.id, lang), parseWith(updateUserSchema, req.body, lang));
  });

  app.put<IdParams>('/api/v1/admin/users/:id/password', async (req) => {
    const scope = admin(req);
    const lang = langOf(req);
    const id = parseWith(idSchema, req.params.id, lang);
    const body = parseWith(resetPasswordSchema, req.body, lang);
    return users.resetPassword(scope, id, body.password);
  });

  // ---- categories ----
  app.get('/api/v1/admin/categories', async (req) => {
    admin(req);
    return catalog.categories();
  });

  app.post('/api/v1/admin/categories', async (req, reply) => {
    admin(req);
    const body = parseWith(createCategorySchema, req.body, langOf(req));
    return reply.status(201).send(await catalog.createCategory(body));
  });

  app.patch<CodeParams>('/api/v1/admin/categories/:code', async (req) => {
    admin(req);
    const lang = langOf(req);
    return catalog.updateCategory(parseWith(categoryCodeSchema, req.params.code, lang), parseWith(updateCategorySchema, req.body, lang));
  });

  // ---- routing catalog ----
  app.get('/api/v1/admin/routing-rules', async (req) => catalog.rules(admin(req)));

  app.post('/api/v1/admin/routing-rules', async (req, reply) => {
    const scope = admin(req);
    const body = parseWith(createRoutingRuleSchema, req.body, langOf(req));
    return reply.status(201).send(await catalog.addRule(scope, body));
  });

  app.delete<IdParams>('/api/v1/admin/routing-rules/:id', async (req, reply) => {
    const scope = admin(req);
    await catalog.removeRule(scope, parseWith(idSchema, req.params.id, langOf(req)));
    return reply.status(204).send();
  });
}

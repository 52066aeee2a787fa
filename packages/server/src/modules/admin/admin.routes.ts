import {
  adminCategoryListSchema,
  adminCategorySchema,
  adminCreateUserSchema,
  adminRegionListSchema,
  adminSessionsEndedSchema,
  adminUnitSchema,
  adminUnitTreeSchema,
  adminUnitUpdatedSchema,
  adminUserPageSchema,
  adminUserSchema,
  adminUserUpdatedSchema,
  categoryCodeParamsSchema,
  createCategorySchema,
  createRoutingRuleSchema,
  createUnitSchema,
  idParamsSchema,
  listUsersQuerySchema,
  passwordResetSchema,
  resetPasswordSchema,
  routingRuleListSchema,
  routingRuleSchema,
  updateCategorySchema,
  updateUnitSchema,
  updateUserSchema,
} from '@huiyin/core';
import type { FastifyRequest } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { noContent, type ApiApp } from '../../http/route.ts';
import type { UsersService } from '../people/users.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../regions/units.service.ts';
import type { CatalogService } from '../settings/catalog.service.ts';
import { adminExcelRoutes } from './excel.routes.ts';
import type { AdminImports } from './import-service.ts';

/** The system admin (系统管理员): units, categories, the routing catalog. */
const admin = { access: ['admin'] } as const;
/** The security admin (安全管理员): accounts, roles, unlocks and sessions. */
const security = { access: ['security_admin'] } as const;
/** Reading units and regions: the system admin manages them, the security admin picks them for accounts. */
const unitReaders = { access: ['admin', 'security_admin'] } as const;

/**
 * Admin API, split by 三员分立: units, categories and the routing catalog for the system admin;
 * staff accounts, roles, unlocks and sessions for the security admin (who also reads the unit
 * tree, to place accounts). Each manages what lies in their own regions, and anything outside
 * them is a 404. Time limits and the holiday calendar are under /api/v1/settings.
 */
export function adminRoutes(
  app: ApiApp,
  deps: { units: UnitsService; regions: RegionsService; users: UsersService; catalog: CatalogService; imports: AdminImports },
): void {
  const { units, regions, users, catalog, imports } = deps;
  const scopeOf = (req: FastifyRequest) => adminScopeOfRequest(req);

  // ---- regions and units ----
  app.get(
    '/api/v1/admin/regions',
    {
      config: unitReaders,
      schema: { summary: 'The admin’s regions and their townships (for pickers)', response: { 200: adminRegionListSchema } },
    },
    async (req) => regions.ofAdmin(scopeOf(req)),
  );

  app.get(
    '/api/v1/admin/units',
    { config: unitReaders, schema: { summary: 'Units of the admin’s regions, as a tree', response: { 200: adminUnitTreeSchema } } },
    async (req) => units.tree(scopeOf(req)),
  );

  app.post(
    '/api/v1/admin/units',
    { config: admin, schema: { summary: 'Create a unit', body: createUnitSchema, response: { 201: adminUnitSchema } } },
    async (req, reply) => reply.status(201).send(await units.create(scopeOf(req), req.body)),
  );

  app.patch(
    '/api/v1/admin/units/:id',
    {
      config: admin,
      schema: {
        summary: 'Rename, move, deactivate or reactivate a unit',
        description: 'Deactivation takes the unit’s routing rules out of the catalog (`routesRemoved`).',
        params: idParamsSchema,
        body: updateUnitSchema,
        response: { 200: adminUnitUpdatedSchema },
      },
    },
    async (req) => units.update(scopeOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/admin/units/:id',
    {
      config: admin,
      schema: {
        summary: 'Delete a unit nothing refers to (else 409: deactivate it)',
        params: idParamsSchema,
        response: { 204: noContent('Deleted') },
      },
    },
    async (req, reply) => {
      await units.remove(scopeOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  // ---- users ----
  app.get(
    '/api/v1/admin/users',
    {
      config: security,
      schema: {
        summary: 'Staff accounts of the security admin’s regions (with lock and second-factor state)',
        querystring: listUsersQuerySchema,
        response: { 200: adminUserPageSchema },
      },
    },
    async (req) => users.list(scopeOf(req), req.query),
  );

  app.get(
    '/api/v1/admin/users/:id',
    { config: security, schema: { summary: 'One staff account', params: idParamsSchema, response: { 200: adminUserSchema } } },
    async (req) => users.get(scopeOf(req), req.params.id),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: security,
      schema: {
        summary: 'Create a staff account (optionally with the e-mail address and language of their notifications)',
        body: adminCreateUserSchema,
        response: { 201: adminUserSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(scopeOf(req), req.body)),
  );

  // The older address of account creation answers exactly like the scoped route above.
  app.post(
    '/api/v1/users',
    {
      config: security,
      schema: {
        summary: 'Create a staff account (same as POST /api/v1/admin/users)',
        body: adminCreateUserSchema,
        response: { 201: adminUserSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(scopeOf(req), req.body)),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      config: security,
      schema: {
        summary:
          'Change name, phone, e-mail, notification language (null clears these three), roles, units, or (de)activate (sessions end)',
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: adminUserUpdatedSchema },
      },
    },
    async (req) => users.update(scopeOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/admin/users/:id/password',
    {
      config: security,
      schema: {
        summary: 'Set a new password (the password policy; the user changes it at the next sign-in; sessions end)',
        params: idParamsSchema,
        body: resetPasswordSchema,
        response: { 200: passwordResetSchema },
      },
    },
    async (req) => users.resetPassword(scopeOf(req), req.params.id, req.body.password),
  );

  app.post(
    '/api/v1/admin/users/:id/unlock',
    {
      config: security,
      schema: {
        summary: 'Lift the lock after failed sign-ins (the account may sign in at once)',
        params: idParamsSchema,
        response: { 200: adminUserSchema },
      },
    },
    async (req) => users.unlock(scopeOf(req), req.params.id),
  );

  app.delete(
    '/api/v1/admin/users/:id/sessions',
    {
      config: security,
      schema: {
        summary: 'End every session of the account (every token stops working)',
        params: idParamsSchema,
        response: { 200: adminSessionsEndedSchema },
      },
    },
    async (req) => users.endSessions(scopeOf(req), req.params.id),
  );

  // ---- categories ----
  app.get(
    '/api/v1/admin/categories',
    { config: admin, schema: { summary: 'Categories, inactive ones included', response: { 200: adminCategoryListSchema } } },
    async () => catalog.categories(),
  );

  app.post(
    '/api/v1/admin/categories',
    { config: admin, schema: { summary: 'Create a category', body: createCategorySchema, response: { 201: adminCategorySchema } } },
    async (req, reply) => reply.status(201).send(await catalog.createCategory(scopeOf(req), req.body)),
  );

  app.patch(
    '/api/v1/admin/categories/:code',
    {
      config: admin,
      schema: {
        summary: 'Rename, deactivate or reactivate a category',
        params: categoryCodeParamsSchema,
        body: updateCategorySchema,
        response: { 200: adminCategorySchema },
      },
    },
    async (req) => catalog.updateCategory(scopeOf(req), req.params.code, req.body),
  );

  // ---- routing catalog ----
  app.get(
    '/api/v1/admin/routing-rules',
    { config: admin, schema: { summary: 'The routing catalog of the admin’s regions', response: { 200: routingRuleListSchema } } },
    async (req) => catalog.rules(scopeOf(req)),
  );

  app.post(
    '/api/v1/admin/routing-rules',
    {
      config: admin,
      schema: {
        summary: 'Add a rule: category × region prefix -> unit',
        body: createRoutingRuleSchema,
        response: { 201: routingRuleSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await catalog.addRule(scopeOf(req), req.body)),
  );

  app.delete(
    '/api/v1/admin/routing-rules/:id',
    { config: admin, schema: { summary: 'Remove a rule', params: idParamsSchema, response: { 204: noContent('Removed') } } },
    async (req, reply) => {
      await catalog.removeRule(scopeOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  adminExcelRoutes(app, imports);
}

import multipart from '@fastify/multipart';
import {
  adminCategoryListSchema,
  adminImportQuerySchema,
  adminImportReportSchema,
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
  peopleImportQuerySchema,
  peopleImportReportSchema,
  resetPasswordSchema,
  routingRuleListSchema,
  routingRuleSchema,
  updateCategorySchema,
  updateUnitSchema,
  updateUserSchema,
} from '@huiyin/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { langOf } from '../../http/error-mapping.ts';
import { readMultipart } from '../../http/multipart.ts';
import { contentDisposition, fileResponse, noContent, sendFile, type ApiApp } from '../../http/route.ts';
import { XLSX_MIME } from '../../xlsx/template.ts';
import type { UsersService } from '../people/users.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../regions/units.service.ts';
import type { CatalogService } from '../settings/catalog.service.ts';
import { CATALOG_IMPORT_MAX_BYTES } from './export-catalog.ts';
import { UNITS_IMPORT_MAX_BYTES } from './export-units.ts';
import { requireFile, type AdminImports } from './import-service.ts';

function xlsx(reply: FastifyReply, data: Buffer, ascii: string, zh: string) {
  return sendFile(reply, data, {
    'content-type': XLSX_MIME,
    'content-disposition': contentDisposition('attachment', { ascii, name: zh }),
    'cache-control': 'private, no-store',
  });
}

const importLimits = { fileSize: Math.max(CATALOG_IMPORT_MAX_BYTES, UNITS_IMPORT_MAX_BYTES), files: 1, fields: 5, parts: 6 };

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
  // ---- Excel: templates, exports and imports of units and of the routing catalog ----
  const workbook = (summary: string) => ({
    config: admin,
    schema: { summary, response: { 200: fileResponse(XLSX_MIME, 'The workbook') } },
  });

  app.get('/api/v1/admin/units/template.xlsx', workbook('The units import template (填写说明, drop-down of kinds)'), async (req, reply) =>
    xlsx(reply, await imports.unitsTemplate(scopeOf(req)), 'units-template.xlsx', '单位导入模板.xlsx'),
  );

  app.get(
    '/api/v1/admin/units/export.xlsx',
    workbook('The units of the admin’s regions, in the import template’s layout'),
    async (req, reply) => xlsx(reply, await imports.unitsExport(scopeOf(req)), 'units.xlsx', '单位.xlsx'),
  );

  app.get('/api/v1/admin/routing-rules/template.xlsx', workbook('The routing catalog import template'), async (req, reply) =>
    xlsx(reply, await imports.catalogTemplate(scopeOf(req)), 'routing-catalog-template.xlsx', '派单目录导入模板.xlsx'),
  );

  app.get(
    '/api/v1/admin/routing-rules/export.xlsx',
    workbook('The routing catalog of the admin’s regions, in the import template’s layout'),
    async (req, reply) => xlsx(reply, await imports.catalogExport(scopeOf(req)), 'routing-catalog.xlsx', '派单目录.xlsx'),
  );

  app.get('/api/v1/admin/categories/template.xlsx', workbook('The category tree import template'), async (req, reply) =>
    xlsx(reply, await imports.categoriesTemplate(), 'categories-template.xlsx', '诉求分类导入模板.xlsx'),
  );

  app.get('/api/v1/admin/categories/export.xlsx', workbook('The category tree, in the import template’s layout'), async (req, reply) =>
    xlsx(reply, await imports.categoriesExport(scopeOf(req)), 'categories.xlsx', '诉求分类.xlsx'),
  );

  app.get(
    '/api/v1/admin/users/template.xlsx',
    {
      config: security,
      schema: {
        summary: 'The people import template (roles and units as drop-downs; no password column)',
        response: { 200: fileResponse(XLSX_MIME, 'The workbook') },
      },
    },
    async (req, reply) => xlsx(reply, await imports.peopleTemplate(scopeOf(req)), 'people-template.xlsx', '人员导入模板.xlsx'),
  );

  // The uploads in their own scope (the multipart parser is added unless the app has one).
  app.register(async (scope: ApiApp) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    const description =
      'multipart/form-data: `file`, the filled-in template (.xlsx). All or nothing: any bad row imports nothing and is reported as {row, column, reason}. `dryRun=true` (the default) answers the preview and changes nothing; `dryRun=false` applies the same plan in one transaction.';
    scope.post(
      '/api/v1/admin/units/import',
      {
        config: admin,
        schema: {
          summary: 'Import units from Excel (preview or apply)',
          description,
          querystring: adminImportQuerySchema,
          response: { 200: adminImportReportSchema },
        },
      },
      async (req) => {
        const lang = langOf(req);
        const { files } = await readMultipart(req, importLimits);
        return imports.importUnits(scopeOf(req), requireFile(files, lang), req.query.dryRun, lang);
      },
    );
    scope.post(
      '/api/v1/admin/categories/import',
      {
        config: admin,
        schema: {
          summary: 'Import the category tree from Excel (preview or apply; the root system admin only: a national setting)',
          description: `${description} A loop of parents or an unknown parent is an error.`,
          querystring: adminImportQuerySchema,
          response: { 200: adminImportReportSchema },
        },
      },
      async (req) => {
        const lang = langOf(req);
        const { files } = await readMultipart(req, importLimits);
        return imports.importCategories(scopeOf(req), requireFile(files, lang), req.query.dryRun, lang);
      },
    );
    scope.post(
      '/api/v1/admin/users/import',
      {
        config: security,
        schema: {
          summary: 'Import people (staff accounts) from Excel (preview or apply)',
          description: `${description} New accounts get one-time passwords, answered once in \`oneTimePasswords\` (never stored in clear; changed at first sign-in), or with \`sms=true\` sent by SMS to those with a mobile phone; existing usernames are updated without touching their passwords.`,
          querystring: peopleImportQuerySchema,
          response: { 200: peopleImportReportSchema },
        },
      },
      async (req) => {
        const lang = langOf(req);
        const { files } = await readMultipart(req, importLimits);
        return imports.importPeople(scopeOf(req), requireFile(files, lang), req.query.dryRun, lang, req.query.sms);
      },
    );
    scope.post(
      '/api/v1/admin/routing-rules/import',
      {
        config: admin,
        schema: {
          summary: 'Import the routing catalog from Excel (preview or apply)',
          description,
          querystring: adminImportQuerySchema,
          response: { 200: adminImportReportSchema },
        },
      },
      async (req) => {
        const lang = langOf(req);
        const { files } = await readMultipart(req, importLimits);
        return imports.importCatalog(scopeOf(req), requireFile(files, lang), req.query.dryRun, lang);
      },
    );
  });
}

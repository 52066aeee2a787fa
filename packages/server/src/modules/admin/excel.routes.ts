import multipart from '@fastify/multipart';
import { adminImportQuerySchema, adminImportReportSchema, peopleImportQuerySchema, peopleImportReportSchema } from '@huiyin/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { langOf } from '../../http/error-mapping.ts';
import { readMultipart } from '../../http/multipart.ts';
import { contentDisposition, fileResponse, sendFile, type ApiApp } from '../../http/route.ts';
import { XLSX_MIME } from '../../xlsx/template.ts';
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
/** The security admin (安全管理员): accounts. */
const security = { access: ['security_admin'] } as const;

/**
 * The admin API's Excel round trips: templates, exports (audited) and all-or-nothing imports with
 * a preview, of units, the routing catalog and the category tree (the system admin's) and of
 * people (the security admin's).
 */
export function adminExcelRoutes(app: ApiApp, imports: AdminImports): void {
  const scopeOf = (req: FastifyRequest) => adminScopeOfRequest(req);
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
          description: `${description} New accounts get one-time passwords, answered once in \`oneTimePasswords\` (never stored in clear; changed at first sign-in), or with \`sms=true\` sent by SMS to those with a mobile phone (400 when no SMS gateway is configured); existing usernames are updated without touching their passwords.`,
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

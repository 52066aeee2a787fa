import multipart from '@fastify/multipart';
import {
  DomainError,
  idParamsSchema,
  policyImportReportSchema,
  policyInputSchema,
  policyListSchema,
  policyPatchSchema,
  policySearchSchema,
  policyViewSchema,
} from '@huiyin/core';
import type { FastifyReply } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { langOf } from '../../http/error-mapping.ts';
import { multipartError } from '../../http/multipart.ts';
import { contentDisposition, errorResponse, fileResponse, multipartBody, sendFile, type ApiApp } from '../../http/route.ts';
import type { PoliciesService } from './policies.service.ts';
import { IMPORT_MAX_BYTES, XLSX_MIME } from './policies.xlsx.ts';

/** One workbook of at most 5 MB and a few fields. */
const importLimits = { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 };

function sendTemplate(reply: FastifyReply, data: Buffer) {
  return sendFile(reply, data, {
    'content-type': XLSX_MIME,
    'content-disposition': contentDisposition('attachment', { ascii: 'policy-import-template.xlsx', name: '知识库导入模板.xlsx' }),
  });
}

/** The policy library (知识库): search, add, import. */
export function policiesRoutes(app: ApiApp, deps: { policies: PoliciesService }): void {
  const { policies } = deps;

  app.get(
    '/api/v1/policies',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Search the policy library (any signed-in staff)',
        description:
          'Articles holding every character bigram of `q` (so two-character words such as 停水 or 证明 are found), ranked with the words of the query in the title first; when those are fewer than `pageSize`, near misses follow (`match: fuzzy`): titles like the query by pg_trgm similarity, e.g. with one character wrong, or articles holding most of its bigrams. Without `q`, the newest. Repealed articles are left out unless `includeRepealed=true`.',
        querystring: policySearchSchema,
        response: { 200: policyListSchema },
      },
    },
    async (req) => policies.search(req.query),
  );

  app.get(
    '/api/v1/policies/import-template.xlsx',
    {
      config: { access: ['admin'] },
      schema: {
        summary:
          'The Excel import template (admin): headers 标题 文号 发布机关 效力层级 条款号 条文内容 生效日期 废止日期 标签, a level drop-down and an example row',
        response: { 200: fileResponse(XLSX_MIME, 'The workbook') },
      },
    },
    async (_req, reply) => sendTemplate(reply, await policies.template()),
  );

  app.get(
    '/api/v1/policies/:id',
    {
      config: { access: 'user' },
      schema: { summary: 'One article in full, with how many cases cite it', params: idParamsSchema, response: { 200: policyViewSchema } },
    },
    async (req) => policies.get(req.params.id),
  );

  app.post(
    '/api/v1/policies',
    {
      config: { access: ['admin'] },
      schema: {
        summary:
          'Add an article (admin); one for no unit is national (system admin of the root region), one for units needs them in the admin’s regions; a taken (docNumber, articleNo) is 409 conflict',
        body: policyInputSchema,
        response: { 201: policyViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await policies.create(req.body, adminScopeOfRequest(req), langOf(req))),
  );

  app.patch(
    '/api/v1/policies/:id',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Change title, body, tags or units, or repeal (repealedOn; null lifts it) (admin)',
        params: idParamsSchema,
        body: policyPatchSchema,
        response: { 200: policyViewSchema },
      },
    },
    async (req) => policies.update(req.params.id, req.body, adminScopeOfRequest(req), langOf(req)),
  );

  // The upload in its own scope: the multipart parser is added here unless the app already has
  // one, and this route's limits are passed per request so they hold either way.
  void app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart, { limits: importLimits });

    scope.post(
      '/api/v1/policies/import',
      {
        config: { access: ['admin'] },
        schema: {
          summary: `Import articles from an .xlsx (admin; multipart field \`file\`, at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB)`,
          ...multipartBody('The workbook', {
            file: { description: 'The .xlsx workbook (from the import template)', file: true, required: true },
          }),
          description:
            'Every row is validated first. If any row is bad nothing is imported and the answer (200) lists every bad cell as {row, column, reason}; otherwise all rows are written in one transaction, an existing (文号, 条款号) updated. A file that is not a workbook, has no data rows or lacks required header columns is a 400; a file too large 413; a body that is not multipart/form-data 415.',
          response: {
            200: policyImportReportSchema,
            413: errorResponse('The workbook is too large'),
            415: errorResponse('Not multipart/form-data'),
          },
        },
      },
      async (req) => {
        const scope = adminScopeOfRequest(req);
        const lang = langOf(req);
        if (!req.isMultipart()) throw new DomainError('unsupported_media_type', 'send the workbook as multipart/form-data (field `file`)');
        let data: Buffer | undefined;
        try {
          for await (const part of req.parts({ limits: importLimits })) {
            if (part.type !== 'file') continue;
            const buf = await part.toBuffer();
            if (part.file.truncated)
              throw new DomainError('payload_too_large', `the workbook may be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
            if (part.fieldname === 'file') data = buf;
          }
        } catch (e) {
          throw multipartError(e);
        }
        if (data === undefined) {
          const message = lang === 'zh' ? '请求中没有文件（字段名 file）' : 'no file in the request (field `file`)';
          throw DomainError.atField('validation_failed', { path: 'file', code: 'required', message });
        }
        return policies.importWorkbook(data, scope, lang);
      },
    );
  });
}

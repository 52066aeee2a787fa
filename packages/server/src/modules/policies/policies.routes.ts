import multipart from '@fastify/multipart';
import { DomainError, idSchema, policyInputSchema, policyPatchSchema, policySearchSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { requireRole, requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { createPoliciesService } from './policies.service.ts';
import { IMPORT_MAX_BYTES, XLSX_MIME } from './policies.xlsx.ts';
import { multipartError } from '../../http/multipart.ts';

type IdParams = { Params: { id: string } };

/** One workbook of at most 5 MB and a few fields. */
const importLimits = { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 };

/** The policy library (知识库): search, add, import. */
export function policiesRoutes(app: FastifyInstance, deps: { policies: ReturnType<typeof createPoliciesService> }): void {
  const { policies } = deps;

  app.get('/api/v1/policies', async (req) => {
    requireUser(req);
    return policies.search(parseWith(policySearchSchema, req.query, langOf(req)));
  });

  app.get('/api/v1/policies/import-template.xlsx', async (req, reply) => {
    requireRole(req, ['admin']);
    const data = await policies.template();
    return reply
      .header('content-type', XLSX_MIME)
      .header(
        'content-disposition',
        `attachment; filename="policy-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('知识库导入模板.xlsx')}`,
      )
      .send(data);
  });

  app.get<IdParams>('/api/v1/policies/:id', async (req) => {
    requireUser(req);
    return policies.get(parseWith(idSchema, req.params.id, langOf(req)));
  });

  app.post('/api/v1/policies', async (req, reply) => {
    const user = requireRole(req, ['admin']);
    const lang = langOf(req);
    return reply.status(201).send(await policies.create(parseWith(policyInputSchema, req.body, lang), user, lang));
  });

  app.patch<IdParams>('/api/v1/policies/:id', async (req) => {
    requireRole(req, ['admin']);
    const lang = langOf(req);
    const id = parseWith(idSchema, req.params.id, lang);
    return policies.update(id, parseWith(policyPatchSchema, req.body, lang), lang);
  });

  // The upload in its own scope: the multipart parser is added here unless the app already has
  // one, and this route's limits are passed per request so they hold either way.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart, { limits: importLimits });

    scope.post('/api/v1/policies/import', async (req) => {
      const user = requireRole(req, ['admin']);
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
        throw new DomainError('validation_failed', message, { fields: [{ path: 'file', code: 'required', message }] });
      }
      return policies.importWorkbook(data, user, lang);
    });
  });
}

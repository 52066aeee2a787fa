import multipart from '@fastify/multipart';
import {
  DomainError,
  duplicatePairsSchema,
  idParamsSchema,
  idSchema,
  matterAnswersSentSchema,
  matterDuplicatesQuerySchema,
  matterFromCaseSchema,
  matterImportReportSchema,
  matterInputSchema,
  matterPageSchema,
  matterSearchSchema,
  matterViewSchema,
  mergeMatterSchema,
  originatorParamsSchema,
  recordAnswerSchema,
  sendAnswersSchema,
  similarCheckSchema,
  similarMattersSchema,
} from '@huiyin/core';
import type { FastifyReply } from 'fastify';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { z } from 'zod';
import { parseFormFields, readMultipart } from '../../http/multipart.ts';
import { contentDisposition, fileResponse, sendFile, type ApiApp } from '../../http/route.ts';
import type { MatterAnswersService } from './matter-answers.service.ts';
import type { MattersService } from './matters.service.ts';
import { MATTER_IMPORT_MAX_BYTES, XLSX_MIME } from './matters.xlsx.ts';

const importLimits = { fileSize: MATTER_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 };

function xlsx(reply: FastifyReply, data: Buffer, ascii: string, zh: string) {
  return sendFile(reply, data, {
    'content-type': XLSX_MIME,
    'content-disposition': contentDisposition('attachment', { ascii, name: zh }),
    'cache-control': 'private, no-store',
  });
}

/** The problem list (问题清单): search, entry, import and export, duplicates, merging, answers. */
export function mattersRoutes(app: ApiApp, deps: { matters: MattersService; matterAnswers: MatterAnswersService }): void {
  const { matters, matterAnswers } = deps;

  app.get(
    '/api/v1/matters',
    {
      config: { access: 'user' },
      schema: { summary: 'Search the problem list (问题清单)', querystring: matterSearchSchema, response: { 200: matterPageSchema } },
    },
    async (req) => matters.search(req.query, requireUser(req)),
  );

  app.get(
    '/api/v1/matters/export.xlsx',
    {
      config: { access: 'user' },
      schema: {
        summary: 'The filtered problem list as Excel (same filters as the search)',
        querystring: matterSearchSchema,
        response: { 200: fileResponse(XLSX_MIME, 'The workbook') },
      },
    },
    async (req, reply) =>
      xlsx(reply, await matters.exportXlsx(req.query, requireUser(req), req.ip), 'livelihood-matters.xlsx', '民生事项清单.xlsx'),
  );

  app.get(
    '/api/v1/matters/import-template.xlsx',
    {
      config: { access: 'user' },
      schema: {
        summary: 'The import template: Chinese headers, drop-downs, instructions',
        response: { 200: fileResponse(XLSX_MIME, 'The template') },
      },
    },
    async (req, reply) =>
      xlsx(reply, await matters.template(requireUser(req)), 'livelihood-matters-template.xlsx', '民生事项导入模板.xlsx'),
  );

  app.post(
    '/api/v1/matters',
    {
      config: { access: 'user' },
      schema: { summary: 'Add a matter with its originators', body: matterInputSchema, response: { 201: matterViewSchema } },
    },
    async (req, reply) => reply.status(201).send(await matters.create(req.body, requireUser(req), langOf(req), req.ip)),
  );

  app.post(
    '/api/v1/matters/similar',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Likely duplicates of a matter not yet saved (same township, within the window, scored by word overlap)',
        body: similarCheckSchema,
        response: { 200: similarMattersSchema },
      },
    },
    async (req) => matters.similarToText(req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/matters/from-case',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Put a case on the problem list; its requester becomes the originator',
        body: matterFromCaseSchema,
        response: { 201: matterViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await matters.fromCase(req.body, requireUser(req), langOf(req), req.ip)),
  );

  app.get(
    '/api/v1/matters/duplicates',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Pairs of likely duplicates under a region (the review screen)',
        querystring: matterDuplicatesQuerySchema,
        response: { 200: duplicatePairsSchema },
      },
    },
    async (req) => matters.duplicates(req.query, requireUser(req)),
  );

  app.get(
    '/api/v1/matters/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'One matter with its originators, merged matters and project',
        params: idParamsSchema,
        response: { 200: matterViewSchema },
      },
    },
    async (req) => matters.get(req.params.id, requireUser(req), req.ip),
  );

  app.get(
    '/api/v1/matters/:id/similar',
    {
      config: { access: 'user' },
      schema: { summary: 'Likely duplicates of a matter, scored', params: idParamsSchema, response: { 200: similarMattersSchema } },
    },
    async (req) => matters.similarTo(req.params.id, requireUser(req)),
  );

  app.post(
    '/api/v1/matters/:id/merge',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Merge into another matter: every originator moves to it',
        description: 'Answers the surviving matter.',
        params: idParamsSchema,
        body: mergeMatterSchema,
        response: { 200: matterViewSchema },
      },
    },
    async (req) => matters.merge(req.params.id, req.body.intoId, requireUser(req), req.ip),
  );

  app.post(
    '/api/v1/matters/:id/answer',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Answer a matter that is no key project: sent to everyone the outbox reaches; the matter counts as answered once everyone is',
        params: idParamsSchema,
        body: sendAnswersSchema,
        response: { 200: matterAnswersSentSchema },
      },
    },
    async (req) => matterAnswers.answer(req.params.id, req.body.text, requireUser(req)),
  );

  app.post(
    '/api/v1/matters/:id/originators/:originatorId/answer',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Record an answer given in person, by phone or by letter to one who raised the matter',
        params: originatorParamsSchema,
        body: recordAnswerSchema,
        response: { 200: matterViewSchema },
      },
    },
    async (req) => matterAnswers.record(req.params.id, req.params.originatorId, req.body, requireUser(req)),
  );

  // The upload in its own scope (the multipart parser is added unless the app has one).
  app.register(async (scope: ApiApp) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    scope.post(
      '/api/v1/matters/import',
      {
        config: { access: 'user' },
        schema: {
          summary:
            'Import matters from field visits: every row is validated; any bad row imports nothing and is reported as {row, column, reason}',
          description:
            'multipart/form-data: `file`, the filled-in template (.xlsx); optional field `listId`, the list the matters go on (else each region’s collecting list).',
          response: { 200: matterImportReportSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const lang = langOf(req);
        const { files, fields } = await readMultipart(req, importLimits);
        const file = files.find((f) => f.field === 'file');
        if (!file) {
          const message = lang === 'zh' ? '请求中没有文件（字段名 file）' : 'no file in the request (field `file`)';
          throw DomainError.atField('validation_failed', { path: 'file', code: 'required', message });
        }
        return matters.importWorkbook(file.data, formId(fields.listId), user, lang, req.ip);
      },
    );
  });
}

/** An optional id in a form field (empty: none); a bad one is validation_failed like any request part. */
function formId(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return parseFormFields(z.object({ listId: idSchema }), { listId: value }).listId;
}

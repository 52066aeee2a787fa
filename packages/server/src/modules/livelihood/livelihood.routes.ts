import multipart from '@fastify/multipart';
import {
  DomainError,
  acceptSchema,
  assignSchema,
  idSchema,
  listInputSchema,
  listPatchSchema,
  livelihoodSettingsSchema,
  matterFromCaseSchema,
  matterInputSchema,
  matterSearchSchema,
  mergeMatterSchema,
  milestonesPutSchema,
  progressSchema,
  projectInputSchema,
  projectPatchSchema,
  projectSearchSchema,
  recordAnswerSchema,
  regionCodeSchema,
  selectionSchema,
  sendAnswersSchema,
  similarCheckSchema,
  livelihoodAreaCodeSchema,
  textSchema,
} from '@huiyin/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireRole, requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { readMultipart } from '../../http/multipart.ts';
import { parseWith } from '../../http/validate.ts';
import type { Livelihood } from './livelihood.ts';
import { MATTER_IMPORT_MAX_BYTES } from './matters.xlsx.ts';
import { MAX_PHOTO_BYTES } from './project-photos.service.ts';

type Id = { Params: { id: string } };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const importLimits = { fileSize: MATTER_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 };
const photoLimits = { fileSize: MAX_PHOTO_BYTES, files: 9, fields: 5, parts: 14 };

const areasPutSchema = z.strictObject({
  items: z
    .array(z.strictObject({ code: livelihoodAreaCodeSchema, zh: textSchema(40), en: textSchema(80) }))
    .min(1)
    .max(30),
});
const regionQuerySchema = z.strictObject({ regionCode: regionCodeSchema.optional() });
const duplicatesQuerySchema = z.strictObject({ regionCode: regionCodeSchema.optional(), listId: idSchema.optional() });
const dutyQuerySchema = z.strictObject({ userId: idSchema.optional() });
const publicQuerySchema = z.strictObject({ regionCode: regionCodeSchema.optional() });

function xlsx(reply: FastifyReply, data: Buffer, ascii: string, zh: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`)
    .header('cache-control', 'private, no-store')
    .send(data);
}

/** Livelihood matters and key projects (docs/livelihood-api.md). Handlers parse, call, answer. */
export function livelihoodRoutes(app: FastifyInstance, deps: { livelihood: Livelihood }): void {
  const lv = deps.livelihood;
  const { matters, matterAnswers, lists, projects, projectPhotos, assignmentLetters, answers, duty, publicProjects } = lv;

  // ---- areas and settings
  app.get('/api/v1/livelihood/areas', async (req) => {
    requireUser(req);
    return { items: await matters.areas() };
  });
  app.put('/api/v1/livelihood/areas', async (req) => {
    requireRole(req, ['admin']);
    return matters.putAreas(parseWith(areasPutSchema, req.body, langOf(req)).items);
  });
  app.get('/api/v1/livelihood/settings', async (req) => {
    requireUser(req);
    return matters.settings();
  });
  app.put('/api/v1/livelihood/settings', async (req) => {
    requireRole(req, ['admin']);
    return matters.putSettings(parseWith(livelihoodSettingsSchema, req.body, langOf(req)));
  });

  // ---- lists
  app.get('/api/v1/livelihood/lists', async (req) => {
    const user = requireUser(req);
    return lists.around(parseWith(regionQuerySchema, req.query, langOf(req)).regionCode, user);
  });
  app.post('/api/v1/livelihood/lists', async (req, reply) => {
    const user = requireUser(req);
    return reply.status(201).send(await lists.create(parseWith(listInputSchema, req.body, langOf(req)), user));
  });
  app.get<Id>('/api/v1/livelihood/lists/:id', async (req) => {
    const user = requireUser(req);
    return lists.get(parseWith(idSchema, req.params.id, langOf(req)), user);
  });
  app.patch<Id>('/api/v1/livelihood/lists/:id', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return lists.patch(parseWith(idSchema, req.params.id, lang), parseWith(listPatchSchema, req.body, lang), user);
  });
  app.post<Id>('/api/v1/livelihood/lists/:id/selection', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return lists.selection(parseWith(idSchema, req.params.id, lang), parseWith(selectionSchema, req.body, lang), user);
  });
  app.post<Id>('/api/v1/livelihood/lists/:id/publish', async (req) => {
    const user = requireUser(req);
    return lists.publish(parseWith(idSchema, req.params.id, langOf(req)), user);
  });

  // ---- matters
  app.get('/api/v1/matters', async (req) => {
    const user = requireUser(req);
    return matters.search(parseWith(matterSearchSchema, req.query, langOf(req)), user);
  });
  app.get('/api/v1/matters/export.xlsx', async (req, reply) => {
    const user = requireUser(req);
    return xlsx(
      reply,
      await matters.exportXlsx(parseWith(matterSearchSchema, req.query, langOf(req)), user),
      'livelihood-matters.xlsx',
      '民生事项清单.xlsx',
    );
  });
  app.get('/api/v1/matters/import-template.xlsx', async (req, reply) => {
    const user = requireUser(req);
    return xlsx(reply, await matters.template(user), 'livelihood-matters-template.xlsx', '民生事项导入模板.xlsx');
  });
  app.post('/api/v1/matters', async (req, reply) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return reply.status(201).send(await matters.create(parseWith(matterInputSchema, req.body, lang), user, lang));
  });
  app.post('/api/v1/matters/similar', async (req) => {
    const user = requireUser(req);
    return matters.similarToText(parseWith(similarCheckSchema, req.body, langOf(req)), user);
  });
  app.post('/api/v1/matters/from-case', async (req, reply) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return reply.status(201).send(await matters.fromCase(parseWith(matterFromCaseSchema, req.body, lang), user, lang));
  });
  app.get('/api/v1/matters/duplicates', async (req) => {
    const user = requireUser(req);
    return matters.duplicates(parseWith(duplicatesQuerySchema, req.query, langOf(req)), user);
  });
  app.get<Id>('/api/v1/matters/:id', async (req) => {
    const user = requireUser(req);
    return matters.get(parseWith(idSchema, req.params.id, langOf(req)), user);
  });
  app.get<Id>('/api/v1/matters/:id/similar', async (req) => {
    const user = requireUser(req);
    return matters.similarTo(parseWith(idSchema, req.params.id, langOf(req)), user);
  });
  app.post<Id>('/api/v1/matters/:id/merge', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return matters.merge(parseWith(idSchema, req.params.id, lang), parseWith(mergeMatterSchema, req.body, lang).intoId, user);
  });
  app.post<Id>('/api/v1/matters/:id/answer', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return matterAnswers.answer(parseWith(idSchema, req.params.id, lang), parseWith(sendAnswersSchema, req.body, lang).text, user);
  });
  app.post<{ Params: { id: string; originatorId: string } }>('/api/v1/matters/:id/originators/:originatorId/answer', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return matterAnswers.record(
      parseWith(idSchema, req.params.id, lang),
      parseWith(idSchema, req.params.originatorId, lang),
      parseWith(recordAnswerSchema, req.body, lang),
      user,
    );
  });

  // ---- projects
  app.get('/api/v1/projects', async (req) => {
    const user = requireUser(req);
    return projects.search(parseWith(projectSearchSchema, req.query, langOf(req)), user);
  });
  app.post('/api/v1/projects', async (req, reply) => {
    const user = requireUser(req);
    return reply.status(201).send(await projects.create(parseWith(projectInputSchema, req.body, langOf(req)), user));
  });
  app.get<Id>('/api/v1/projects/:id', async (req) => {
    const user = requireUser(req);
    return projects.view(parseWith(idSchema, req.params.id, langOf(req)), user);
  });
  app.patch<Id>('/api/v1/projects/:id', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return projects.patch(parseWith(idSchema, req.params.id, lang), parseWith(projectPatchSchema, req.body, lang), user);
  });
  app.put<Id>('/api/v1/projects/:id/milestones', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return projects.putMilestones(
      parseWith(idSchema, req.params.id, lang),
      parseWith(milestonesPutSchema, req.body, lang).milestones,
      user,
    );
  });
  app.post<Id>('/api/v1/projects/:id/assign', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return projects.assign(parseWith(idSchema, req.params.id, lang), parseWith(assignSchema, req.body, lang), user);
  });
  app.post<Id>('/api/v1/projects/:id/sign', async (req) => {
    const user = requireUser(req);
    return projects.sign(parseWith(idSchema, req.params.id, langOf(req)), user);
  });
  app.get<Id>('/api/v1/projects/:id/assignment-letter.pdf', async (req, reply) => {
    const user = requireUser(req);
    const { pdf, letterNo } = await assignmentLetters.letterPdf(parseWith(idSchema, req.params.id, langOf(req)), user);
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `inline; filename="assignment-letter-${req.params.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${letterNo}交办书.pdf`)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
  app.get<{ Params: { id: string; photoId: string } }>('/api/v1/projects/:id/photos/:photoId', async (req, reply) => {
    const user = requireUser(req);
    const lang = langOf(req);
    const photo = await projectPhotos.photo(parseWith(idSchema, req.params.id, lang), parseWith(idSchema, req.params.photoId, lang), user);
    return reply.header('content-type', photo.mime).header('cache-control', 'private, max-age=3600').send(photo.data);
  });
  app.post<Id>('/api/v1/projects/:id/progress', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return projects.progress(parseWith(idSchema, req.params.id, lang), parseWith(progressSchema, req.body, lang), user);
  });
  app.post<Id>('/api/v1/projects/:id/answers', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return answers.sendAnswers(parseWith(idSchema, req.params.id, lang), parseWith(sendAnswersSchema, req.body, lang).text, user);
  });
  app.post<{ Params: { id: string; originatorId: string } }>('/api/v1/projects/:id/originators/:originatorId/answer', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return answers.recordAnswer(
      parseWith(idSchema, req.params.id, lang),
      parseWith(idSchema, req.params.originatorId, lang),
      parseWith(recordAnswerSchema, req.body, lang),
      user,
    );
  });
  app.post<Id>('/api/v1/projects/:id/accept', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return answers.accept(parseWith(idSchema, req.params.id, lang), parseWith(acceptSchema, req.body, lang), user);
  });

  // ---- duty list and cadres
  app.get('/api/v1/duty-list', async (req) => {
    const user = requireUser(req);
    return duty.dutyList(parseWith(dutyQuerySchema, req.query, langOf(req)).userId, user);
  });
  app.get('/api/v1/cadres', async (req) => {
    const user = requireUser(req);
    return duty.cadres(parseWith(regionQuerySchema, req.query, langOf(req)).regionCode, user);
  });

  // ---- public
  app.get('/api/v1/public/projects', async (req) => publicProjects.list(parseWith(publicQuerySchema, req.query, langOf(req)).regionCode));
  app.get<Id>('/api/v1/public/projects/:id', async (req) => publicProjects.get(parseWith(idSchema, req.params.id, langOf(req))));
  app.get<{ Params: { photoId: string } }>('/api/v1/public/project-photos/:photoId', async (req, reply) => {
    const photo = await projectPhotos.publicPhoto(parseWith(idSchema, req.params.photoId, langOf(req)));
    return reply.header('content-type', photo.mime).header('cache-control', 'public, max-age=3600').send(photo.data);
  });

  // ---- uploads, in their own scope (the multipart parser is added unless the app has one)
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    scope.post('/api/v1/matters/import', async (req) => {
      const user = requireUser(req);
      const lang = langOf(req);
      const { files, fields } = await readMultipart(req, importLimits);
      const file = files.find((f) => f.field === 'file');
      if (!file) {
        const message = lang === 'zh' ? '请求中没有文件（字段名 file）' : 'no file in the request (field `file`)';
        throw new DomainError('validation_failed', message, { fields: [{ path: 'file', code: 'required', message }] });
      }
      const listId = fields.listId !== undefined && fields.listId !== '' ? parseWith(idSchema, fields.listId, lang) : undefined;
      return matters.importWorkbook(file.data, listId, user, lang);
    });
    scope.post<Id>('/api/v1/projects/:id/photos', async (req, reply) => {
      const user = requireUser(req);
      const id = parseWith(idSchema, req.params.id, langOf(req));
      const { files } = await readMultipart(req, photoLimits);
      return reply.status(201).send(await projectPhotos.uploadPhotos(id, files, user));
    });
  });
}

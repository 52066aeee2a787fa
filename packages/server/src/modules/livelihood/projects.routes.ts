import multipart from '@fastify/multipart';
import {
  acceptSchema,
  answersSentSchema,
  assignSchema,
  cadresSchema,
  dutyListQuerySchema,
  dutyListSchema,
  idParamsSchema,
  livelihoodRegionQuerySchema,
  milestonesPutSchema,
  originatorParamsSchema,
  photoIdsSchema,
  progressSchema,
  projectInputSchema,
  projectPageSchema,
  projectPatchSchema,
  projectPhotoParamsSchema,
  projectSearchSchema,
  projectViewSchema,
  recordAnswerSchema,
  sendAnswersSchema,
} from '@huiyin/core';
import { requireUser } from '../../http/auth.ts';
import { readMultipart } from '../../http/multipart.ts';
import { contentDisposition, fileResponse, sendFile, type ApiApp } from '../../http/route.ts';
import type { AnswersService } from './answers.service.ts';
import type { AssignmentLetterService } from './assignment-letter.service.ts';
import type { DutyService } from './duty.service.ts';
import { MAX_PHOTO_BYTES, type ProjectPhotosService } from './project-photos.service.ts';
import type { ProjectsService } from './projects.service.ts';

const photoLimits = { fileSize: MAX_PHOTO_BYTES, files: 9, fields: 5, parts: 14 };

/** Key projects (重点民生项目): proposal, milestones, the letter, progress with photos, answers, acceptance; the duty list. */
export function projectsRoutes(
  app: ApiApp,
  deps: {
    projects: ProjectsService;
    projectPhotos: ProjectPhotosService;
    assignmentLetters: AssignmentLetterService;
    answers: AnswersService;
    duty: DutyService;
  },
): void {
  const { projects, projectPhotos, assignmentLetters, answers, duty } = deps;

  app.get(
    '/api/v1/projects',
    {
      config: { access: 'user' },
      schema: { summary: 'Key projects the caller may see', querystring: projectSearchSchema, response: { 200: projectPageSchema } },
    },
    async (req) => projects.search(req.query, requireUser(req)),
  );

  app.post(
    '/api/v1/projects',
    {
      config: { access: 'user' },
      schema: { summary: 'Propose a candidate project from matters', body: projectInputSchema, response: { 201: projectViewSchema } },
    },
    async (req, reply) => reply.status(201).send(await projects.create(req.body, requireUser(req))),
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'One project: milestones with lights, reports, matters, who is still unanswered, what the caller may do',
        params: idParamsSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => projects.view(req.params.id, requireUser(req)),
  );

  app.patch(
    '/api/v1/projects/:id',
    {
      config: { access: 'user' },
      schema: { summary: 'Edit a project', params: idParamsSchema, body: projectPatchSchema, response: { 200: projectViewSchema } },
    },
    async (req) => projects.patch(req.params.id, req.body, requireUser(req)),
  );

  app.put(
    '/api/v1/projects/:id/milestones',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Replace the milestones (a date after the due date needs a reason)',
        params: idParamsSchema,
        body: milestonesPutSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => projects.putMilestones(req.params.id, req.body.milestones, requireUser(req)),
  );

  app.post(
    '/api/v1/projects/:id/assign',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Assign to a cadre by letter (交办书), numbered like 郊党办交〔2026〕12号',
        description: 'A candidate assigned directly is recorded as selected by the assignment.',
        params: idParamsSchema,
        body: assignSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => projects.assign(req.params.id, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/projects/:id/sign',
    {
      config: { access: 'user' },
      schema: { summary: 'The cadre signs for the letter (签收)', params: idParamsSchema, response: { 200: projectViewSchema } },
    },
    async (req) => projects.sign(req.params.id, requireUser(req)),
  );

  app.get(
    '/api/v1/projects/:id/assignment-letter.pdf',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'The assignment letter as PDF (GB/T 9704 layout, embedded fonts): the cadre, leaders of the region, livelihood officers, supervisors, admin',
        params: idParamsSchema,
        response: { 200: fileResponse('application/pdf', 'The letter') },
      },
    },
    async (req, reply) => {
      const { pdf, letterNo } = await assignmentLetters.letterPdf(req.params.id, requireUser(req), req.ip);
      return sendFile(reply, pdf, {
        'content-type': 'application/pdf',
        'content-disposition': contentDisposition('inline', {
          ascii: `assignment-letter-${req.params.id}.pdf`,
          name: `${letterNo}交办书.pdf`,
        }),
        'cache-control': 'private, no-store',
      });
    },
  );

  app.get(
    '/api/v1/projects/:id/photos/:photoId',
    {
      config: { access: 'user' },
      schema: {
        summary: 'A photo of the project',
        params: projectPhotoParamsSchema,
        response: { 200: fileResponse('image/*', 'The photo (JPEG, PNG, WebP or HEIC)') },
      },
    },
    async (req, reply) => {
      const photo = await projectPhotos.photo(req.params.id, req.params.photoId, requireUser(req));
      return sendFile(reply, photo.data, { 'content-type': photo.mime, 'cache-control': 'private, max-age=3600' });
    },
  );

  app.post(
    '/api/v1/projects/:id/progress',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Report progress on a milestone; the project progress is the weighted sum',
        description: 'A report by the cadre on an unsigned letter signs it.',
        params: idParamsSchema,
        body: progressSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => projects.progress(req.params.id, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/projects/:id/answers',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Send the answer to every unanswered originator the outbox reaches (SMS, or the case); returns who remains',
        params: idParamsSchema,
        body: sendAnswersSchema,
        response: { 200: answersSentSchema },
      },
    },
    async (req) => answers.sendAnswers(req.params.id, req.body.text, requireUser(req)),
  );

  app.post(
    '/api/v1/projects/:id/originators/:originatorId/answer',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Record an answer given in person, by phone or by letter',
        params: originatorParamsSchema,
        body: recordAnswerSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => answers.recordAnswer(req.params.id, req.params.originatorId, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/projects/:id/accept',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Check and strike off (验收销号); 409 originators_unanswered with details.unanswered while anyone is unanswered, and nothing changes',
        description:
          'Every milestone must be at 100%. Everyone the outbox can reach and not yet answered is sent `answer` (or a standard text) first.',
        params: idParamsSchema,
        body: acceptSchema,
        response: { 200: projectViewSchema },
      },
    },
    async (req) => answers.accept(req.params.id, req.body, requireUser(req)),
  );

  app.get(
    '/api/v1/duty-list',
    {
      config: { access: 'user' },
      schema: {
        summary: "A cadre's duty list (履职清单): projects, next and late milestones, open cases",
        description: 'The caller’s own by default; supervisors, livelihood officers and admins may ask for a cadre of their regions.',
        querystring: dutyListQuerySchema,
        response: { 200: dutyListSchema },
      },
    },
    async (req) => duty.dutyList(req.query.userId, requireUser(req)),
  );

  app.get(
    '/api/v1/cadres',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Cadres (role leader) of a region and below',
        querystring: livelihoodRegionQuerySchema,
        response: { 200: cadresSchema },
      },
    },
    async (req) => duty.cadres(req.query.regionCode, requireUser(req)),
  );

  // The upload in its own scope (the multipart parser is added unless the app has one).
  app.register(async (scope: ApiApp) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    scope.post(
      '/api/v1/projects/:id/photos',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Upload 1-9 photos (JPEG, PNG, WebP, HEIC; 10 MB each) for reports and acceptance',
          description: 'multipart/form-data: the photos as file parts (field `files`).',
          params: idParamsSchema,
          response: { 201: photoIdsSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const { files } = await readMultipart(req, photoLimits);
        return reply.status(201).send(await projectPhotos.uploadPhotos(req.params.id, files, user));
      },
    );
  });
}

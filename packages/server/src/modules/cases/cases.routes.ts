import {
  CASE_EXPORT_MAX_ROWS,
  actionBodySchema,
  caseDetailSchema,
  caseListSchema,
  caseQueuesSchema,
  caseRegisteredSchema,
  caseTrackingSchema,
  createCaseSchema,
  dispatchHelpSchema,
  exportCasesQuerySchema,
  idParamsSchema,
  listCasesQuerySchema,
  publicCreateCaseSchema,
  publicRateSchema,
  registerRoles,
  trackingParamsSchema,
  trackQuerySchema,
} from '@huiyin/core';
import type { FastifyReply } from 'fastify';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { contentDisposition, fileResponse, type ApiApp } from '../../http/route.ts';
import { XLSX_MIME } from '../../xlsx/template.ts';
import type { CaseExport } from './case-export.ts';
import type { CaseSheets } from './case-sheet.service.ts';
import type { CaseService } from './cases.service.ts';
import type { TrackingService } from './tracking.service.ts';

/** Cases for staff (register, list, queues, detail, dispatch help, actions) and the citizen's submission, tracking and rating. */
export function casesRoutes(
  app: ApiApp,
  deps: {
    cases: CaseService;
    tracking: TrackingService;
    /** The list as Excel and the printable case sheet. */
    papers: { export: CaseExport; sheets: CaseSheets };
    publicRateLimitPerMinute: number;
  },
): void {
  const { cases, tracking, papers } = deps;

  app.post(
    '/api/v1/cases',
    {
      config: { access: registerRoles },
      schema: {
        summary: 'Register a case (window, hotline, safety-net window with the failed matter, visits …)',
        body: createCaseSchema,
        response: { 201: caseRegisteredSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.register(req.body, { kind: 'staff', user: requireUser(req) })),
  );

  app.get(
    '/api/v1/cases',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Cases in the caller’s scope, newest first, filtered; q finds a tracking number, a phone or words',
        querystring: listCasesQuerySchema,
        response: { 200: caseListSchema },
      },
    },
    async (req) => cases.list(req.query, requireUser(req)),
  );

  app.get(
    '/api/v1/cases/export.xlsx',
    {
      config: { access: 'user' },
      schema: {
        summary: `The caller’s cases under the list’s filters as Excel (streamed, at most ${CASE_EXPORT_MAX_ROWS} rows: more is refused, narrow the filter); phones masked unless the role calls requesters back`,
        querystring: exportCasesQuerySchema,
        response: { 200: fileResponse(XLSX_MIME, 'The workbook') },
      },
    },
    async (req, reply) => {
      const stream = await papers.export.start(req.query, requireUser(req), { sourceIp: req.ip, lang: langOf(req) });
      return (reply as FastifyReply)
        .headers({
          'content-type': XLSX_MIME,
          'content-disposition': contentDisposition('attachment', { ascii: 'cases.xlsx', name: '诉求工单清单.xlsx' }),
          'cache-control': 'private, no-store',
        })
        .send(stream);
    },
  );

  app.get(
    '/api/v1/cases/:id/sheet.pdf',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'The printable case sheet (工单) as PDF: the request, requester (masked per role), units, deadlines and the whole timeline',
        params: idParamsSchema,
        response: { 200: fileResponse('application/pdf', 'The case sheet') },
      },
    },
    async (req, reply) => {
      const { pdf, trackingNo } = await papers.sheets.sheetPdf(req.params.id, requireUser(req), req.ip);
      return (reply as FastifyReply)
        .headers({
          'content-type': 'application/pdf',
          'content-disposition': contentDisposition('inline', { ascii: `case-${trackingNo}.pdf`, name: `工单${trackingNo}.pdf` }),
          'cache-control': 'private, no-store',
        })
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/cases/queues',
    {
      config: { access: 'user' },
      schema: { summary: 'Live counts of the caller’s workbench queues', response: { 200: caseQueuesSchema } },
    },
    async (req) => cases.queues(requireUser(req)),
  );

  app.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'A case with its history, files, citations, the safety-net block and the actions the caller may take',
        params: idParamsSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (req) => cases.get(req.params.id, requireUser(req), { sourceIp: req.ip }),
  );

  app.get(
    '/api/v1/cases/:id/dispatch-help',
    {
      config: { access: 'user' },
      schema: {
        summary: 'The units the routing catalog names for the case, and likely duplicates of the same county from the last 30 days',
        params: idParamsSchema,
        response: { 200: dispatchHelpSchema },
      },
    },
    async (req) => cases.dispatchHelp(req.params.id, requireUser(req)),
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Take an action on the case (dispatch, sign, reply, follow-up, convene, decide …) with the version last read',
        params: idParamsSchema,
        body: actionBodySchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (req) => cases.act(req.params.id, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/public/cases',
    {
      config: { access: 'public', rateLimit: { max: deps.publicRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        summary: 'A citizen submits a request (no sign-in); the answer carries the tracking number',
        body: publicCreateCaseSchema,
        response: { 201: caseRegisteredSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await cases.register(req.body, { kind: 'public' })),
  );

  app.get(
    '/api/v1/track/:trackingNo',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        summary: 'The citizen’s view of a case, found by its tracking number and the last 4 digits of the phone',
        params: trackingParamsSchema,
        querystring: trackQuerySchema,
        response: { 200: caseTrackingSchema },
      },
    },
    async (req) => tracking.track(req.params.trackingNo, req.query.phone, langOf(req)),
  );

  app.post(
    '/api/v1/track/:trackingNo/rating',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'The citizen rates the answer once: solved, satisfaction (5 levels), comment',
        params: trackingParamsSchema,
        body: publicRateSchema,
        response: { 200: caseTrackingSchema },
      },
    },
    async (req) => {
      const { phone, ...rating } = req.body;
      await cases.rateAsRequester(req.params.trackingNo, phone, rating);
      return tracking.track(req.params.trackingNo, phone, langOf(req));
    },
  );
}

import {
  DomainError,
  answerLetterQuerySchema,
  barrierListSchema,
  barrierPatchSchema,
  barrierViewSchema,
  coordinationViewSchema,
  gapRuleSchema,
  gapRuleViewSchema,
  idParamsSchema,
  pendingConsultationListSchema,
  publicAnswerParamsSchema,
  rectificationAnswerSchema,
  rectificationListSchema,
  rectificationViewSchema,
  referralDetailSchema,
  referralListSchema,
  referralPatchSchema,
  safetyNetAnalysisSchema,
  safetyNetStatsQuerySchema,
  serviceGapsViewSchema,
  timeLimitSchema,
  trackQuerySchema,
} from '@huiyin/core';
import type { FastifyReply } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { contentDisposition, fileResponse, sendFile, type ApiApp } from '../../http/route.ts';
import type { createTrackingService } from '../cases/tracking.service.ts';
import type { CaseAnswerLetters } from '../letters/case-answer-letters.service.ts';
import type { SafetyNetService } from './safety-net.service.ts';

const answerPdf = fileResponse('application/pdf', 'The answer letter (PDF, GB/T 9704 layout)');

function sendPdf(reply: FastifyReply, file: { pdf: Buffer; fileName: string }) {
  return sendFile(reply, file.pdf, {
    'content-type': 'application/pdf',
    'content-disposition': contentDisposition('inline', { ascii: file.fileName }),
    'cache-control': 'private, no-store',
  });
}

/**
 * The safety-net window: gaps, ledgers, referrals, rectification notices; and the answer letters
 * of every answered case (the window's own letter for its cases, `letters` for the others).
 */
export function safetyNetRoutes(
  app: ApiApp,
  deps: { safetyNet: SafetyNetService; letters: CaseAnswerLetters; tracking: ReturnType<typeof createTrackingService> },
): void {
  const { safetyNet, letters, tracking } = deps;

  app.get(
    '/api/v1/cases/:id/answer.pdf',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'The answer letter (答复意见书) of an answered case: staff copy (full name, timeline, internal notes) or citizen copy (name masked, nothing internal); a decided safety-net case gets the window’s written answer; 409 before an answer',
        params: idParamsSchema,
        querystring: answerLetterQuerySchema,
        response: { 200: answerPdf },
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        await letters.staffPdf(req.params.id, requireUser(req), { copy: req.query.copy, sourceIp: req.ip, lang: langOf(req) }),
      ),
  );

  app.get(
    '/api/v1/track/:trackingNo/answer.pdf',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary:
          'The answer letter’s citizen copy (or a safety-net case’s written answer), for the requester (tracking number + last 4 digits of the phone)',
        params: publicAnswerParamsSchema,
        querystring: trackQuerySchema,
        response: { 200: answerPdf },
      },
    },
    async (req, reply) => {
      const { trackingNo } = req.params;
      await tracking.track(trackingNo, req.query.phone, langOf(req)); // the requester's check, with its guess limit
      return sendPdf(reply, await letters.publicPdf(trackingNo));
    },
  );

  app.get(
    '/api/v1/safety-net/gaps',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Service gaps: matters failing repeatedly (threshold in a window), with their cases (supervisor, safety-net officer, leader, admin)',
        response: { 200: serviceGapsViewSchema },
      },
    },
    async (req) => safetyNet.gaps(requireUser(req)),
  );

  app.get(
    '/api/v1/safety-net/gap-rule',
    { config: { access: 'user' }, schema: { summary: 'The gap rule in force', response: { 200: gapRuleViewSchema } } },
    async () => safetyNet.gapRule(),
  );

  app.put(
    '/api/v1/safety-net/gap-rule',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Set the gap rule (a national setting: system admin of the root region)',
        body: gapRuleSchema,
        response: { 200: gapRuleViewSchema },
      },
    },
    async (req) => safetyNet.setGapRule(adminScopeOfRequest(req), req.body),
  );

  app.get(
    '/api/v1/consultations/settle-limit',
    {
      config: { access: 'user' },
      schema: {
        summary: 'How long a dispatch dispute of an ordinary case (会商) may take to settle (default 1 working day)',
        response: { 200: timeLimitSchema },
      },
    },
    async () => safetyNet.consultationSettleLimit(),
  );

  app.put(
    '/api/v1/consultations/settle-limit',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Set the time to settle a dispatch dispute (a national setting: system admin of the root region)',
        body: timeLimitSchema,
        response: { 200: timeLimitSchema },
      },
    },
    async (req) => safetyNet.setConsultationSettleLimit(adminScopeOfRequest(req), req.body),
  );

  app.get(
    '/api/v1/safety-net/analysis',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Safety-net cases by matter, unit of origin, cause, outcome and month; time to done',
        description: 'The period defaults to the 365 days before `to` (default: now).',
        querystring: safetyNetStatsQuerySchema,
        response: { 200: safetyNetAnalysisSchema },
      },
    },
    async (req) => safetyNet.analysis(requireUser(req), req.query),
  );

  app.get(
    '/api/v1/safety-net/coordination',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Which units consulted together, how often and how long',
        querystring: safetyNetStatsQuerySchema,
        response: { 200: coordinationViewSchema },
      },
    },
    async (req) => safetyNet.coordination(requireUser(req), req.query),
  );

  app.get(
    '/api/v1/safety-net/barriers',
    { config: { access: 'user' }, schema: { summary: 'The policy-barrier ledger', response: { 200: barrierListSchema } } },
    async (req) => safetyNet.barriers(requireUser(req)),
  );

  app.patch(
    '/api/v1/safety-net/barriers/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Record the policy concerned, a proposal for change, the status',
        params: idParamsSchema,
        body: barrierPatchSchema,
        response: { 200: barrierViewSchema },
      },
    },
    async (req) => safetyNet.updateBarrier(requireUser(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/safety-net/referrals',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Referrals to discipline inspection (inspectors only; 404 for every other role; every read is logged)',
        response: { 200: referralListSchema },
      },
    },
    async (req) => safetyNet.referrals(requireUser(req), req.ip),
  );

  app.get(
    '/api/v1/safety-net/referrals/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'One referral with its read log (inspectors only)',
        params: idParamsSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (req) => safetyNet.referral(requireUser(req), req.params.id, req.ip),
  );

  app.patch(
    '/api/v1/safety-net/referrals/:id',
    {
      config: { access: 'user' },
      // The role check comes before validation: a non-inspector learns nothing, not even that the input was wrong.
      preValidation: async (req) => {
        if (!requireUser(req).roles.includes('inspector')) throw new DomainError('not_found');
      },
      schema: {
        summary: 'Record the investigation status (inspectors only)',
        params: idParamsSchema,
        body: referralPatchSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (req) => safetyNet.updateReferral(requireUser(req), req.params.id, req.body, req.ip),
  );

  app.get(
    '/api/v1/safety-net/rectifications',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Rectification notices: a unit’s own, or those of the caller’s regions',
        response: { 200: rectificationListSchema },
      },
    },
    async (req) => safetyNet.rectifications(requireUser(req)),
  );

  app.post(
    '/api/v1/safety-net/rectifications/:id/answer',
    {
      config: { access: 'user' },
      schema: {
        summary: 'The unit answers a rectification notice',
        params: idParamsSchema,
        body: rectificationAnswerSchema,
        response: { 200: rectificationViewSchema },
      },
    },
    async (req) => safetyNet.answerRectification(requireUser(req), req.params.id, req.body.response),
  );

  app.get(
    '/api/v1/safety-net/consultations/pending',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Consultations waiting for an opinion of the caller’s units (unit heads)',
        response: { 200: pendingConsultationListSchema },
      },
    },
    async (req) => safetyNet.pendingConsultations(requireUser(req)),
  );
}

import {
  barrierPatchSchema,
  gapRuleSchema,
  idSchema,
  rectificationAnswerSchema,
  referralPatchSchema,
  safetyNetStatsQuerySchema,
  trackingNoSchema,
  trackQuerySchema,
} from '@huiyin/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { CaseService } from '../cases/cases.service.ts';
import type { createTrackingService } from '../cases/tracking.service.ts';
import type { SafetyNetService } from './safety-net.service.ts';

type Params = { Params: { id: string } };
type TrackParams = { Params: { trackingNo: string } };

function sendPdf(reply: FastifyReply, file: { pdf: Buffer; fileName: string }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.pdf);
}

/** The safety-net window: written answers, gaps, ledgers, referrals, rectification notices. */
export function safetyNetRoutes(
  app: FastifyInstance,
  deps: { safetyNet: SafetyNetService; cases: CaseService; tracking: ReturnType<typeof createTrackingService> },
): void {
  const { safetyNet, cases, tracking } = deps;

  app.get<Params>('/api/v1/cases/:id/answer.pdf', async (req, reply) => {
    const user = requireUser(req);
    const id = parseWith(idSchema, req.params.id, langOf(req));
    await cases.get(id, user); // 404 unless the caller may see the case
    return sendPdf(reply, await safetyNet.answerPdf(id));
  });

  app.get<TrackParams>(
    '/api/v1/track/:trackingNo/answer.pdf',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const lang = langOf(req);
      const trackingNo = parseWith(trackingNoSchema, req.params.trackingNo, lang);
      const { phone } = parseWith(trackQuerySchema, req.query, lang);
      await tracking.track(trackingNo, phone, lang); // the requester's check, with its guess limit
      return sendPdf(reply, await safetyNet.publicAnswerPdf(trackingNo));
    },
  );

  app.get('/api/v1/safety-net/gaps', async (req) => safetyNet.gaps(requireUser(req)));
  app.get('/api/v1/safety-net/gap-rule', async (req) => {
    requireUser(req);
    return safetyNet.gapRule();
  });
  app.put('/api/v1/safety-net/gap-rule', async (req) => {
    const user = requireUser(req);
    return safetyNet.setGapRule(user, parseWith(gapRuleSchema, req.body, langOf(req)));
  });
  app.get('/api/v1/safety-net/analysis', async (req) => {
    const user = requireUser(req);
    return safetyNet.analysis(user, parseWith(safetyNetStatsQuerySchema, req.query, langOf(req)));
  });
  app.get('/api/v1/safety-net/coordination', async (req) => {
    const user = requireUser(req);
    return safetyNet.coordination(user, parseWith(safetyNetStatsQuerySchema, req.query, langOf(req)));
  });
  app.get('/api/v1/safety-net/barriers', async (req) => safetyNet.barriers(requireUser(req)));
  app.patch<Params>('/api/v1/safety-net/barriers/:id', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    return safetyNet.updateBarrier(user, parseWith(idSchema, req.params.id, lang), parseWith(barrierPatchSchema, req.body, lang));
  });
  app.get('/api/v1/safety-net/referrals', async (req) => safetyNet.referrals(requireUser(req)));
  app.get<Params>('/api/v1/safety-net/referrals/:id', async (req) => {
    const user = requireUser(req);
    return safetyNet.referral(user, parseWith(idSchema, req.params.id, langOf(req)));
  });
  app.patch<Params>('/api/v1/safety-net/referrals/:id', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    // The role check comes first: a non-inspector learns nothing, not even that the body was wrong.
    const id = parseWith(idSchema, req.params.id, lang);
    if (!user.roles.includes('inspector')) return safetyNet.referral(user, id);
    return safetyNet.updateReferral(user, id, parseWith(referralPatchSchema, req.body, lang));
  });
  app.get('/api/v1/safety-net/rectifications', async (req) => safetyNet.rectifications(requireUser(req)));
  app.post<Params>('/api/v1/safety-net/rectifications/:id/answer', async (req) => {
    const user = requireUser(req);
    const lang = langOf(req);
    const id = parseWith(idSchema, req.params.id, lang);
    const { response } = parseWith(rectificationAnswerSchema, req.body, lang);
    return safetyNet.answerRectification(user, id, response);
  });
  app.get('/api/v1/safety-net/consultations/pending', async (req) => safetyNet.pendingConsultations(requireUser(req)));
}

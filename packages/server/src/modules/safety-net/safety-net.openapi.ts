import { barrierPatchSchema, gapRuleSchema, rectificationAnswerSchema, referralPatchSchema } from '@huiyin/core';
import { errors, idParam, json, ok, schema } from '../../http/openapi-parts.ts';

const pdf = {
  description: 'The written answer (PDF, GB/T 9704 layout)',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const period = ['from', 'to'].map((name) => ({ name, in: 'query', schema: { type: 'string', format: 'date-time' } }));

/** OpenAPI paths of the safety-net window (merged into the document by http/openapi.ts). */
export function safetyNetPaths(): Record<string, unknown> {
  return {
    '/api/v1/cases/{id}/answer.pdf': {
      get: {
        summary: 'The written answer letter of a decided safety-net case (either outcome)',
        parameters: [idParam],
        responses: { '200': pdf, ...errors },
      },
    },
    '/api/v1/track/{trackingNo}/answer.pdf': {
      get: {
        summary: 'The published written answer, for the requester (tracking number + last 4 digits of the phone)',
        security: [],
        parameters: [
          { name: 'trackingNo', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'phone', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}$' } },
        ],
        responses: { '200': pdf, ...errors },
      },
    },
    '/api/v1/safety-net/gaps': {
      get: {
        summary:
          'Service gaps: matters failing repeatedly (threshold in a window), with their cases (supervisor, safety-net officer, leader, admin)',
        responses: { '200': ok('{rule, items: [{matterName, count, firstAt, lastAt, cases}]}'), ...errors },
      },
    },
    '/api/v1/safety-net/gap-rule': {
      get: { summary: 'The gap rule in force', responses: { '200': ok('{threshold, windowDays}'), ...errors } },
      put: {
        summary: 'Set the gap rule (admin)',
        requestBody: json(schema(gapRuleSchema)),
        responses: { '200': ok('{threshold, windowDays}'), ...errors },
      },
    },
    '/api/v1/safety-net/analysis': {
      get: {
        summary: 'Safety-net cases by matter, unit of origin, cause, outcome and month; time to done',
        parameters: period,
        responses: { '200': ok('analysis'), ...errors },
      },
    },
    '/api/v1/safety-net/coordination': {
      get: {
        summary: 'Which units consulted together, how often and how long',
        parameters: period,
        responses: { '200': ok('{consultations, open, units, pairs}'), ...errors },
      },
    },
    '/api/v1/safety-net/barriers': { get: { summary: 'The policy-barrier ledger', responses: { '200': ok('{items}'), ...errors } } },
    '/api/v1/safety-net/barriers/{id}': {
      patch: {
        summary: 'Record the policy concerned, a proposal for change, the status',
        parameters: [idParam],
        requestBody: json(schema(barrierPatchSchema)),
        responses: { '200': ok('entry'), ...errors },
      },
    },
    '/api/v1/safety-net/referrals': {
      get: {
        summary: 'Referrals to discipline inspection (inspectors only; 404 for every other role; every read is logged)',
        responses: { '200': ok('{items}'), ...errors },
      },
    },
    '/api/v1/safety-net/referrals/{id}': {
      get: {
        summary: 'One referral with its read log (inspectors only)',
        parameters: [idParam],
        responses: { '200': ok('referral'), ...errors },
      },
      patch: {
        summary: 'Record the investigation status (inspectors only)',
        parameters: [idParam],
        requestBody: json(schema(referralPatchSchema)),
        responses: { '200': ok('referral'), ...errors },
      },
    },
    '/api/v1/safety-net/rectifications': {
      get: {
        summary: 'Rectification notices: a unit’s own, or those of the caller’s regions',
        responses: { '200': ok('{items}'), ...errors },
      },
    },
    '/api/v1/safety-net/rectifications/{id}/answer': {
      post: {
        summary: 'The unit answers a rectification notice',
        parameters: [idParam],
        requestBody: json(schema(rectificationAnswerSchema)),
        responses: { '200': ok('notice'), ...errors },
      },
    },
    '/api/v1/safety-net/consultations/pending': {
      get: {
        summary: 'Consultations waiting for an opinion of the caller’s units (unit heads)',
        responses: { '200': ok('{items}'), ...errors },
      },
    },
  };
}

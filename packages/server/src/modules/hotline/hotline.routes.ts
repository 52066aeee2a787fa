import {
  apiKeyIssuedSchema,
  apiKeyListSchema,
  apiKeyViewSchema,
  callerHistoryQuerySchema,
  callerHistorySchema,
  createApiKeySchema,
  hotlineCallAnswerSchema,
  hotlineCallParamsSchema,
  hotlineCallSchema,
  hotlineCallViewSchema,
  idParamsSchema,
  registerRoles,
} from '@huiyin/core';
import type { FastifyRequest } from 'fastify';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { requireUser } from '../../http/auth.ts';
import { errorResponse, type ApiApp } from '../../http/route.ts';
import type { ApiKeyRow } from './api-keys.repo.ts';
import type { ApiKeysService } from './api-keys.service.ts';
import type { HotlineService } from './hotline.service.ts';

/** The key a request to the call route presented, found before its body is read. */
const keyOfRequest = new WeakMap<FastifyRequest, ApiKeyRow>();

/**
 * The hotline desk: the caller's history for the registration form, the call a telephony system
 * announces (with an API key, never a session), and the admin's API keys.
 */
export function hotlineRoutes(app: ApiApp, deps: { hotline: HotlineService; apiKeys: ApiKeysService }): void {
  const { hotline, apiKeys } = deps;

  app.post(
    '/api/v1/hotline/caller-history',
    {
      config: { access: registerRoles },
      schema: {
        summary: 'A caller’s earlier cases in the caller’s scope, open ones first, and whether the number is a repeat caller (重复来电)',
        description: 'The number is in the body, never in the address (addresses are logged).',
        body: callerHistoryQuerySchema,
        response: { 200: callerHistorySchema },
      },
    },
    async (req) => hotline.callerHistory(req.body.phone, requireUser(req)),
  );

  app.get(
    '/api/v1/hotline/calls/:callId',
    {
      config: { access: registerRoles },
      schema: {
        summary: 'A call announced to the signed-in agent, with the caller’s number (the screen pop’s form reads it here)',
        description: 'Only the agent the call was announced to; anyone else is a 404.',
        params: hotlineCallParamsSchema,
        response: { 200: hotlineCallViewSchema },
      },
    },
    async (req) => hotline.callOfAgent(req.params.callId, requireUser(req)),
  );

  app.post(
    '/api/v1/hotline/calls',
    {
      // The API key is the credential: a staff session does not announce calls.
      config: { access: 'public' },
      schema: {
        summary: 'A telephony system announces a call: the caller’s history pops on the agent’s screen (API key of the region)',
        description:
          'Authenticated by an API key issued by the region’s admin: `X-Api-Key: hk_…` or `Authorization: Bearer hk_…`. ' +
          'The same callId again gives the same answer and tells no one again. An agent who does not register cases in the key’s region is a 404.',
        body: hotlineCallSchema,
        response: { 200: hotlineCallAnswerSchema, 401: errorResponse('No key, or an unknown or revoked key') },
      },
      preValidation: async (req) => {
        keyOfRequest.set(req, await apiKeys.authenticate(req.headers));
      },
    },
    async (req) => hotline.announce(req.body, keyOfRequest.get(req)!),
  );

  app.get(
    '/api/v1/admin/api-keys',
    {
      config: { access: ['admin'] },
      schema: { summary: 'API keys of the admin’s regions (never the keys themselves)', response: { 200: apiKeyListSchema } },
    },
    async (req) => apiKeys.list(adminScopeOfRequest(req)),
  );

  app.post(
    '/api/v1/admin/api-keys',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Issue an API key for the telephony system (the key is in this answer only)',
        body: createApiKeySchema,
        response: { 201: apiKeyIssuedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await apiKeys.issue(req.body.name, adminScopeOfRequest(req))),
  );

  app.post(
    '/api/v1/admin/api-keys/:id/revoke',
    {
      config: { access: ['admin'] },
      schema: { summary: 'Revoke an API key: it opens nothing from now on', params: idParamsSchema, response: { 200: apiKeyViewSchema } },
    },
    async (req) => apiKeys.revoke(req.params.id, adminScopeOfRequest(req)),
  );
}

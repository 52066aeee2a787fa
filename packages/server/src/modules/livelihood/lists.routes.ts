import {
  idParamsSchema,
  listInputSchema,
  listPatchSchema,
  listViewSchema,
  listViewsSchema,
  livelihoodAreasPutSchema,
  livelihoodAreasSchema,
  livelihoodRegionQuerySchema,
  livelihoodSettingsSchema,
  selectionSchema,
} from '@huiyin/core';
import { adminScopeOfRequest } from '../../http/audit-context.ts';
import { requireUser } from '../../http/auth.ts';
import type { ApiApp } from '../../http/route.ts';
import type { ListsService } from './lists.service.ts';
import type { MattersService } from './matters.service.ts';

/** The practice's areas and settings, and the lists (清单) of the regions with their selection meeting. */
export function livelihoodListsRoutes(app: ApiApp, deps: { matters: MattersService; lists: ListsService }): void {
  const { matters, lists } = deps;

  app.get(
    '/api/v1/livelihood/areas',
    {
      config: { access: 'user' },
      schema: { summary: 'The focus areas (领域) of livelihood matters', response: { 200: livelihoodAreasSchema } },
    },
    async () => ({ items: await matters.areas() }),
  );

  app.put(
    '/api/v1/livelihood/areas',
    {
      config: { access: ['admin'] },
      schema: {
        summary:
          'Replace the areas (a national setting: system admin of the root region); unlisted ones are deactivated, matters keep them',
        body: livelihoodAreasPutSchema,
        response: { 200: livelihoodAreasSchema },
      },
    },
    async (req) => matters.putAreas(adminScopeOfRequest(req), req.body.items),
  );

  app.get(
    '/api/v1/livelihood/settings',
    {
      config: { access: 'user' },
      schema: { summary: 'Duplicate threshold and window, milestone light rule', response: { 200: livelihoodSettingsSchema } },
    },
    async () => matters.settings(),
  );

  app.put(
    '/api/v1/livelihood/settings',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Change the settings (a national setting: system admin of the root region)',
        body: livelihoodSettingsSchema,
        response: { 200: livelihoodSettingsSchema },
      },
    },
    async (req) => matters.putSettings(adminScopeOfRequest(req), req.body),
  );

  app.get(
    '/api/v1/livelihood/lists',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Lists (清单) of a region, of the regions above it (inherited) and below it',
        description: 'Without `regionCode`, the region of the caller’s first unit.',
        querystring: livelihoodRegionQuerySchema,
        response: { 200: listViewsSchema },
      },
    },
    async (req) => lists.around(req.query.regionCode, requireUser(req)),
  );

  app.post(
    '/api/v1/livelihood/lists',
    {
      config: { access: 'user' },
      schema: { summary: 'Create a list for a region (livelihood officer)', body: listInputSchema, response: { 201: listViewSchema } },
    },
    async (req, reply) => reply.status(201).send(await lists.create(req.body, requireUser(req))),
  );

  app.get(
    '/api/v1/livelihood/lists/:id',
    {
      config: { access: 'user' },
      schema: { summary: 'One list with its counts and selection record', params: idParamsSchema, response: { 200: listViewSchema } },
    },
    async (req) => lists.get(req.params.id, requireUser(req)),
  );

  app.patch(
    '/api/v1/livelihood/lists/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Rename, or move collecting ⇄ selecting',
        params: idParamsSchema,
        body: listPatchSchema,
        response: { 200: listViewSchema },
      },
    },
    async (req) => lists.patch(req.params.id, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/livelihood/lists/:id/selection',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Record the selection meeting (遴选会): scores, chosen projects selected, the rest dropped',
        params: idParamsSchema,
        body: selectionSchema,
        response: { 200: listViewSchema },
      },
    },
    async (req) => lists.selection(req.params.id, req.body, requireUser(req)),
  );

  app.post(
    '/api/v1/livelihood/lists/:id/publish',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Publish the list: its chosen projects appear on the public page',
        params: idParamsSchema,
        response: { 200: listViewSchema },
      },
    },
    async (req) => lists.publish(req.params.id, requireUser(req)),
  );
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  actionBodySchema,
  adminCreateUserSchema,
  createCaseSchema,
  createCategorySchema,
  createRoutingRuleSchema,
  createUnitSchema,
  createUserSchema,
  loginSchema,
  publicCreateCaseSchema,
  publicRateSchema,
  resetPasswordSchema,
  updateCategorySchema,
  updateUnitSchema,
  updateUserSchema,
} from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { errorSchema, errors, json, ok, schema } from './openapi-parts.ts';
import { policiesPaths } from '../modules/policies/policies.openapi.ts';
import { safetyNetPaths } from '../modules/safety-net/safety-net.openapi.ts';
import { livelihoodPaths } from '../modules/livelihood/livelihood.openapi.ts';
import { notifyPaths } from '../modules/notify/notify.openapi.ts';
import { supervisionPaths } from '../modules/supervision/supervision.openapi.ts';
import { followUpPaths } from '../modules/follow-up/follow-up.openapi.ts';

export function openApiDocument() {
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
  /** A staff account as the admin API returns it; email (null: no e-mails) and lang (null: Chinese) are used by notifications. */
  const adminUserView =
    '{id, username, displayName, phone, email, lang: zh|en|null, roles, active, createdAt, units: [{id, name, regionCode, kind, active}]}';
  const trackParam = { name: 'trackingNo', in: 'path', required: true, schema: { type: 'string', example: '140802-2026-000001' } };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Huiyin (回音) API',
      version: '1.0.0',
      description:
        'Cases from registration to a rated answer. Errors: {error: {code, message, details?}}. Staff sign in with POST /api/v1/auth/login and send the token as `Authorization: Bearer <token>` (the web uses the session cookie).',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'huiyin_session' } },
      schemas: { Error: errorSchema },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths: {
      ...policiesPaths(),
      ...safetyNetPaths(),
      ...livelihoodPaths(),
      ...notifyPaths(),
      ...supervisionPaths(),
      ...followUpPaths(),
      '/api/v1/auth/login': {
        post: {
          summary: 'Sign in',
          security: [],
          requestBody: json(schema(loginSchema)),
          responses: { '200': ok('{token, user} and a session cookie'), ...errors },
        },
      },
      '/api/v1/auth/logout': { post: { summary: 'Sign out', responses: { '204': { description: 'Signed out' } } } },
      '/api/v1/auth/session': {
        get: { summary: 'The signed-in user, or {user: null} (never 401)', security: [], responses: { '200': ok('{user}') } },
      },
      '/api/v1/me': { get: { summary: 'The signed-in user with roles and units', responses: { '200': ok('user'), ...errors } } },
      '/api/v1/users': {
        post: {
          summary: 'Create a staff account (admin)',
          requestBody: json(schema(createUserSchema)),
          responses: { '201': ok('user'), ...errors },
        },
      },
      '/api/v1/units': {
        get: {
          summary: 'Units of the caller’s regions',
          responses: { '200': ok('{items: [{id, name, regionCode, parentId, kind}]}'), ...errors },
        },
      },
      '/api/v1/regions': {
        get: {
          summary: 'Regions under a parent (GB/T 2260)',
          security: [],
          parameters: [{ name: 'parent', in: 'query', schema: { type: 'string' } }],
          responses: { '200': ok('{items}') },
        },
      },
      '/api/v1/cases': {
        post: {
          summary: 'Register a case (staff)',
          requestBody: json(schema(createCaseSchema)),
          responses: { '201': ok('{id, trackingNo, status, version, answerBy}'), ...errors },
        },
        get: {
          summary: 'List cases in the caller’s scope, newest first, keyset-paginated',
          parameters: [
            'status',
            'unitId',
            'leadUnitId',
            'type',
            'channel',
            'categoryCode',
            'regionCode',
            'due',
            'from',
            'to',
            'q',
            'pageSize',
            'cursor',
          ].map((name) => ({
            name,
            in: 'query',
            schema: { type: 'string' },
            ...(name === 'unitId' && { description: 'Unit id: cases it leads or assists' }),
            ...(name === 'leadUnitId' && {
              description: 'Unit id: cases it leads only, not those it assists (how the supervision centre counts)',
            }),
          })),
          responses: { '200': ok('{items, nextCursor}'), ...errors },
        },
      },
      '/api/v1/cases/queues': {
        get: {
          summary: 'Live counts of the caller’s workbench queues (open cases only)',
          responses: {
            '200': ok(
              '{registered, dispatched, returned, in_progress, reply_review, awaiting_follow_up, awaiting_decision, near, overdue, safety_net_open}',
            ),
            ...errors,
          },
        },
      },
      '/api/v1/categories': { get: { summary: 'Request categories', security: [], responses: { '200': ok('{items}') } } },
      '/api/v1/settings/calendar': {
        get: {
          summary: 'Holidays, make-up workdays and overrides of a year',
          parameters: [{ name: 'year', in: 'query', required: true, schema: { type: 'integer' } }],
          responses: { '200': ok('calendar'), ...errors },
        },
      },
      '/api/v1/settings/calendar/overrides/{date}': {
        put: {
          summary: 'Set a holiday or workday override (admin)',
          parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }],
          requestBody: json({
            type: 'object',
            properties: { kind: { type: 'string', enum: ['holiday', 'workday'] }, name: { type: 'string' } },
            required: ['kind'],
          }),
          responses: { '200': ok('override'), ...errors },
        },
        delete: {
          summary: 'Remove an override (admin)',
          parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }],
          responses: { '204': { description: 'Removed' }, ...errors },
        },
      },
      '/api/v1/settings/time-limits/{regionCode}': {
        get: {
          summary: 'The effective time-limit policy of a region',
          parameters: [{ name: 'regionCode', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': ok('{override, effective}'), ...errors },
        },
        put: {
          summary: 'Set a region’s own time limits (admin, own regions)',
          parameters: [{ name: 'regionCode', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: json({ type: 'object' }),
          responses: { '200': ok('{override, effective}'), ...errors },
        },
      },
      '/api/v1/cases/{id}': {
        get: {
          summary: 'A case with its timeline and the actions the caller may take',
          parameters: [idParam],
          responses: { '200': ok('case'), ...errors },
        },
      },
      '/api/v1/cases/{id}/dispatch-help': {
        get: {
          summary: 'Routing-catalog units and likely duplicates (for dispatch and merge)',
          parameters: [idParam],
          responses: { '200': ok('{suggestedUnits, similar}'), ...errors },
        },
      },
      '/api/v1/cases/{id}/actions': {
        post: {
          summary: 'Take an action on a case',
          parameters: [idParam],
          requestBody: json(schema(actionBodySchema)),
          responses: { '200': ok('the updated case'), ...errors },
        },
      },
      '/api/v1/cases/{id}/attachments': {
        post: {
          summary: 'Attach files (multipart/form-data; type sniffed from content)',
          parameters: [idParam],
          requestBody: {
            required: true,
            content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } },
          },
          responses: {
            '201': ok('{items}'),
            ...errors,
            '413': { description: 'File too large' },
            '415': { description: 'Type not allowed' },
          },
        },
      },
      '/api/v1/attachments/{id}': {
        get: {
          summary: 'Download an attachment',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The file' }, ...errors },
        },
      },
      '/api/v1/public/cases': {
        post: {
          summary: 'Submit a request (citizens; no sign-in; rate-limited)',
          security: [],
          requestBody: json(schema(publicCreateCaseSchema)),
          responses: { '201': ok('{id, trackingNo, status, version}'), ...errors, '429': { description: 'Rate limited' } },
        },
      },
      '/api/v1/track/{trackingNo}': {
        get: {
          summary: 'Public status and timeline, by tracking number and the last 4 digits of the phone',
          security: [],
          parameters: [trackParam, { name: 'phone', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}$' } }],
          responses: { '200': ok('public case view'), ...errors },
        },
      },
      '/api/v1/public/config': {
        get: {
          summary: 'Citizen page configuration (map tiles, photo limits, service regions)',
          security: [],
          responses: { '200': ok('config') },
        },
      },
      '/api/v1/public/cases/{trackingNo}/photos': {
        post: {
          summary:
            'Photos for a just-submitted request (multipart; the full phone number as field `phone`; within 30 minutes; images only, at most 5)',
          security: [],
          parameters: [trackParam],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { phone: { type: 'string' }, file: { type: 'string', format: 'binary' } } },
              },
            },
          },
          responses: {
            '201': ok('{items}'),
            ...errors,
            '413': { description: 'Too many or too large' },
            '415': { description: 'Not an image' },
          },
        },
      },
      '/api/v1/admin/regions': {
        get: { summary: 'The admin’s regions and their townships (for pickers)', responses: { '200': ok('{items}'), ...errors } },
      },
      '/api/v1/admin/units': {
        get: { summary: 'Units of the admin’s regions, as a tree', responses: { '200': ok('{items}'), ...errors } },
        post: { summary: 'Create a unit', requestBody: json(schema(createUnitSchema)), responses: { '201': ok('unit'), ...errors } },
      },
      '/api/v1/admin/units/{id}': {
        patch: {
          summary: 'Rename, move, deactivate or reactivate a unit',
          parameters: [idParam],
          requestBody: json(schema(updateUnitSchema)),
          responses: { '200': ok('unit'), ...errors },
        },
        delete: {
          summary: 'Delete a unit nothing refers to (else 409: deactivate it)',
          parameters: [idParam],
          responses: { '204': { description: 'Deleted' }, ...errors },
        },
      },
      '/api/v1/admin/users': {
        get: {
          summary: 'Staff accounts of the admin’s regions',
          parameters: ['q', 'unitId', 'active'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
          responses: { '200': ok(`{items: [${adminUserView}], total, page, pageSize}`), ...errors },
        },
        post: {
          summary: 'Create a staff account (optionally with the e-mail address and language of their notifications)',
          requestBody: json(schema(adminCreateUserSchema)),
          responses: { '201': ok(adminUserView), ...errors },
        },
      },
      '/api/v1/admin/users/{id}': {
        get: { summary: 'One staff account', parameters: [idParam], responses: { '200': ok(adminUserView), ...errors } },
        patch: {
          summary:
            'Change name, phone, e-mail, notification language (null clears these three), roles, units, or (de)activate (sessions end)',
          parameters: [idParam],
          requestBody: json(schema(updateUserSchema)),
          responses: { '200': ok(`${adminUserView} and sessionsEnded`), ...errors },
        },
      },
      '/api/v1/admin/users/{id}/password': {
        put: {
          summary: 'Set a new password (sessions end)',
          parameters: [idParam],
          requestBody: json(schema(resetPasswordSchema)),
          responses: { '204': { description: 'Set' }, ...errors },
        },
      },
      '/api/v1/admin/categories': {
        get: { summary: 'Categories, inactive ones included', responses: { '200': ok('{items}'), ...errors } },
        post: {
          summary: 'Create a category',
          requestBody: json(schema(createCategorySchema)),
          responses: { '201': ok('category'), ...errors },
        },
      },
      '/api/v1/admin/categories/{code}': {
        patch: {
          summary: 'Rename, deactivate or reactivate a category',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: json(schema(updateCategorySchema)),
          responses: { '200': ok('category'), ...errors },
        },
      },
      '/api/v1/admin/routing-rules': {
        get: { summary: 'The routing catalog of the admin’s regions', responses: { '200': ok('{items}'), ...errors } },
        post: {
          summary: 'Add a rule: category × region prefix -> unit',
          requestBody: json(schema(createRoutingRuleSchema)),
          responses: { '201': ok('rule'), ...errors },
        },
      },
      '/api/v1/admin/routing-rules/{id}': {
        delete: { summary: 'Remove a rule', parameters: [idParam], responses: { '204': { description: 'Removed' }, ...errors } },
      },
      '/api/v1/track/{trackingNo}/rating': {
        post: {
          summary: 'The requester rates the answer',
          security: [],
          parameters: [trackParam],
          requestBody: json(schema(publicRateSchema)),
          responses: { '200': ok('public case view'), ...errors },
        },
      },
    },
  };
}

export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  const document = openApiDocument();
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', async () => document);
}

import {
  acceptSchema,
  assignSchema,
  listInputSchema,
  listPatchSchema,
  livelihoodSettingsSchema,
  matterFromCaseSchema,
  matterInputSchema,
  mergeMatterSchema,
  milestonesPutSchema,
  progressSchema,
  projectInputSchema,
  projectPatchSchema,
  recordAnswerSchema,
  selectionSchema,
  sendAnswersSchema,
  similarCheckSchema,
} from '@huiyin/core';
import type { z } from 'zod';
import { errors, idParam, json, ok, schema } from '../../http/openapi-parts.ts';

const q = (name: string, s: Record<string, unknown>, description: string) => ({ name, in: 'query', schema: s, description });
const regionQ = q(
  'regionCode',
  { type: 'string', pattern: '^\\d{6}(\\d{3}(\\d{3})?)?$' },
  'A region code; matches that region and every region under it',
);
const pageQ = [
  q('page', { type: 'integer', minimum: 1, default: 1 }, 'Page, from 1'),
  q('pageSize', { type: 'integer', minimum: 1, maximum: 200, default: 50 }, 'Items per page'),
];
const xlsxResponse = (description: string) => ({
  description,
  content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
});
const imageResponse = { description: 'The image', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } };
const multipartBody = (field: string, description: string) => ({
  required: true,
  content: {
    'multipart/form-data': { schema: { type: 'object', properties: { [field]: { type: 'string', format: 'binary', description } } } },
  },
});
const get = (summary: string, extra: Record<string, unknown> = {}) => ({
  get: { summary, responses: { '200': ok(summary), ...errors }, ...extra },
});
const withBody = (summary: string, s: z.ZodType, status = '200', extra: Record<string, unknown> = {}) => ({
  summary,
  requestBody: json(schema(s)),
  responses: { [status]: ok(summary), ...errors },
  ...extra,
});
const projectAction = (summary: string, s: z.ZodType, extra: Record<string, unknown> = {}) => ({
  post: withBody(summary, s, '200', { parameters: [idParam], ...extra }),
});

/** OpenAPI paths of livelihood matters and key projects (docs/livelihood-api.md). */
export function livelihoodPaths(): Record<string, unknown> {
  return {
    '/api/v1/livelihood/areas': {
      ...get('The focus areas (领域) of livelihood matters'),
      put: {
        summary: 'Replace the areas (admin); unlisted ones are deactivated, matters keep them',
        requestBody: json({ type: 'object' }),
        responses: { '200': ok('The areas'), ...errors },
      },
    },
    '/api/v1/livelihood/settings': {
      ...get('Duplicate threshold and window, milestone light rule'),
      put: withBody('Change the settings (admin)', livelihoodSettingsSchema),
    },
    '/api/v1/livelihood/lists': {
      ...get('Lists (清单) of a region, of the regions above it (inherited) and below it', { parameters: [regionQ] }),
      post: withBody('Create a list for a region (livelihood officer)', listInputSchema, '201'),
    },
    '/api/v1/livelihood/lists/{id}': {
      ...get('One list with its counts and selection record', { parameters: [idParam] }),
      patch: withBody('Rename, or move collecting ⇄ selecting', listPatchSchema, '200', { parameters: [idParam] }),
    },
    '/api/v1/livelihood/lists/{id}/selection': {
      post: withBody('Record the selection meeting (遴选会): scores, chosen projects selected, the rest dropped', selectionSchema, '200', {
        parameters: [idParam],
      }),
    },
    '/api/v1/livelihood/lists/{id}/publish': {
      post: {
        summary: 'Publish the list: its chosen projects appear on the public page',
        parameters: [idParam],
        responses: { '200': ok('The list'), ...errors },
      },
    },
    '/api/v1/matters': {
      ...get('Search the problem list (问题清单)', {
        parameters: [
          q('q', { type: 'string' }, 'Words (bigram match)'),
          regionQ,
          q('areaCode', { type: 'string' }, 'Area'),
          q('status', { type: 'string', enum: ['open', 'merged', 'selected', 'answered'] }, 'Status'),
          q('listId', { type: 'integer' }, 'List'),
          ...pageQ,
        ],
      }),
      post: withBody('Add a matter with its originators', matterInputSchema, '201'),
    },
    '/api/v1/matters/export.xlsx': {
      get: {
        summary: 'The filtered problem list as Excel (same filters as the search)',
        parameters: [
          q('q', { type: 'string' }, 'Words'),
          regionQ,
          q('areaCode', { type: 'string' }, 'Area'),
          q('status', { type: 'string' }, 'Status'),
          q('listId', { type: 'integer' }, 'List'),
        ],
        responses: { '200': xlsxResponse('The workbook'), ...errors },
      },
    },
    '/api/v1/matters/import-template.xlsx': {
      get: {
        summary: 'The import template: Chinese headers, drop-downs, instructions',
        responses: { '200': xlsxResponse('The template'), ...errors },
      },
    },
    '/api/v1/matters/import': {
      post: {
        summary:
          'Import matters from field visits: every row is validated; any bad row imports nothing and is reported as {row, column, reason}',
        requestBody: multipartBody('file', 'The filled-in template (.xlsx); optional field listId'),
        responses: { '200': ok('{imported, errors: [{row, column, reason}]}'), ...errors },
      },
    },
    '/api/v1/matters/similar': {
      post: withBody(
        'Likely duplicates of a matter not yet saved (same township, within the window, scored by word overlap)',
        similarCheckSchema,
      ),
    },
    '/api/v1/matters/from-case': {
      post: withBody('Put a case on the problem list; its requester becomes the originator', matterFromCaseSchema, '201'),
    },
    '/api/v1/matters/duplicates': {
      ...get('Pairs of likely duplicates under a region (the review screen)', {
        parameters: [regionQ, q('listId', { type: 'integer' }, 'List')],
      }),
    },
    '/api/v1/matters/{id}': { ...get('One matter with its originators, merged matters and project', { parameters: [idParam] }) },
    '/api/v1/matters/{id}/similar': { ...get('Likely duplicates of a matter, scored', { parameters: [idParam] }) },
    '/api/v1/matters/{id}/merge': {
      post: withBody('Merge into another matter: every originator moves to it', mergeMatterSchema, '200', { parameters: [idParam] }),
    },
    '/api/v1/matters/{id}/answer': {
      post: withBody(
        'Answer a matter that is no key project: sent to everyone the outbox reaches; the matter counts as answered once everyone is',
        sendAnswersSchema,
        '200',
        { parameters: [idParam] },
      ),
    },
    '/api/v1/matters/{id}/originators/{originatorId}/answer': {
      post: withBody('Record an answer given in person, by phone or by letter to one who raised the matter', recordAnswerSchema, '200', {
        parameters: [idParam, { name: 'originatorId', in: 'path', required: true, schema: { type: 'integer' } }],
      }),
    },
    '/api/v1/projects': {
      ...get('Key projects the caller may see', {
        parameters: [
          regionQ,
          q('listId', { type: 'integer' }, 'List'),
          q('status', { type: 'string' }, 'Status'),
          q('cadreUserId', { type: 'integer' }, 'Cadre'),
          q('q', { type: 'string' }, 'Words in the title'),
          ...pageQ,
        ],
      }),
      post: withBody('Propose a candidate project from matters', projectInputSchema, '201'),
    },
    '/api/v1/projects/{id}': {
      ...get('One project: milestones with lights, reports, matters, who is still unanswered, what the caller may do', {
        parameters: [idParam],
      }),
      patch: withBody('Edit a project', projectPatchSchema, '200', { parameters: [idParam] }),
    },
    '/api/v1/projects/{id}/milestones': {
      put: withBody('Replace the milestones (a date after the due date needs a reason)', milestonesPutSchema, '200', {
        parameters: [idParam],
      }),
    },
    '/api/v1/projects/{id}/assign': projectAction('Assign to a cadre by letter (交办书), numbered like 郊党办交〔2026〕12号', assignSchema),
    '/api/v1/projects/{id}/sign': {
      post: { summary: 'The cadre signs for the letter (签收)', parameters: [idParam], responses: { '200': ok('The project'), ...errors } },
    },
    '/api/v1/projects/{id}/assignment-letter.pdf': {
      get: {
        summary:
          'The assignment letter as PDF (GB/T 9704 layout, embedded fonts): the cadre, leaders of the region, livelihood officers, supervisors, admin',
        parameters: [idParam],
        responses: {
          '200': { description: 'PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
          ...errors,
        },
      },
    },
    '/api/v1/projects/{id}/photos': {
      post: {
        summary: 'Upload 1-9 photos (JPEG, PNG, WebP, HEIC; 10 MB each) for reports and acceptance',
        parameters: [idParam],
        requestBody: multipartBody('files', 'The photos'),
        responses: { '201': ok('{ids}'), ...errors },
      },
    },
    '/api/v1/projects/{id}/photos/{photoId}': {
      get: {
        summary: 'A photo of the project',
        parameters: [idParam, { name: 'photoId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': imageResponse, ...errors },
      },
    },
    '/api/v1/projects/{id}/progress': projectAction(
      'Report progress on a milestone; the project progress is the weighted sum',
      progressSchema,
    ),
    '/api/v1/projects/{id}/answers': projectAction(
      'Send the answer to every unanswered originator the outbox reaches (SMS, or the case); returns who remains',
      sendAnswersSchema,
    ),
    '/api/v1/projects/{id}/originators/{originatorId}/answer': {
      post: withBody('Record an answer given in person, by phone or by letter', recordAnswerSchema, '200', {
        parameters: [idParam, { name: 'originatorId', in: 'path', required: true, schema: { type: 'integer' } }],
      }),
    },
    '/api/v1/projects/{id}/accept': projectAction(
      'Check and strike off (验收销号); 409 originators_unanswered with details.unanswered while anyone is unanswered, and nothing changes',
      acceptSchema,
    ),
    '/api/v1/duty-list': {
      ...get("A cadre's duty list (履职清单): projects, next and late milestones, open cases", {
        parameters: [q('userId', { type: 'integer' }, 'Another cadre (supervisors, livelihood officers, admins)')],
      }),
    },
    '/api/v1/cadres': { ...get('Cadres (role leader) of a region and below', { parameters: [regionQ] }) },
    '/api/v1/public/projects': {
      get: {
        summary:
          'Published key projects of a region and below, with progress, milestones and the last reports; no personal data (no sign-in)',
        security: [],
        parameters: [regionQ],
        responses: { '200': ok('{region, items}'), ...errors },
      },
    },
    '/api/v1/public/projects/{id}': {
      get: {
        summary: 'One published project with all its reports (no sign-in)',
        security: [],
        parameters: [idParam],
        responses: { '200': ok('The project'), ...errors },
      },
    },
    '/api/v1/public/project-photos/{photoId}': {
      get: {
        summary: 'A photo of a report of a published project (no sign-in)',
        security: [],
        parameters: [{ name: 'photoId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': imageResponse, ...errors },
      },
    },
  };
}

import { policyInputSchema, policyPatchSchema } from '@huiyin/core';
import { errors, idParam, json, ok, schema } from '../../http/openapi-parts.ts';
import { IMPORT_MAX_BYTES, XLSX_MIME } from './policies.xlsx.ts';

const levelEnum = { type: 'string', enum: ['law', 'regulation', 'rule', 'normative', 'guide'] };

const listItem = {
  type: 'object',
  required: [
    'id',
    'title',
    'docNumber',
    'issuer',
    'level',
    'articleNo',
    'snippet',
    'tags',
    'effectiveFrom',
    'repealedOn',
    'repealed',
    'score',
    'match',
  ],
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    docNumber: { type: 'string' },
    issuer: { type: 'string' },
    level: levelEnum,
    articleNo: { type: 'string', description: 'e.g. 第二十二条; empty for a whole guide' },
    snippet: { type: 'string', description: 'About 80 characters of the body around the first match, the match in 【】 (plain text)' },
    tags: { type: 'array', items: { type: 'string' } },
    effectiveFrom: { type: 'string', format: 'date', nullable: true },
    repealedOn: { type: 'string', format: 'date', nullable: true },
    repealed: { type: 'boolean', description: 'Repealed on or before today (Beijing)' },
    score: { type: 'number', description: '≥ 1: holds every query term; < 1: near miss; 0: no query' },
    match: { type: 'string', enum: ['terms', 'fuzzy'], nullable: true },
  },
};

const article = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    title: { type: 'string' },
    docNumber: { type: 'string' },
    issuer: { type: 'string' },
    level: levelEnum,
    articleNo: { type: 'string' },
    body: { type: 'string' },
    effectiveFrom: { type: 'string', format: 'date', nullable: true },
    repealedOn: { type: 'string', format: 'date', nullable: true },
    repealed: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    unitIds: { type: 'array', items: { type: 'integer' } },
    createdBy: { type: 'integer', nullable: true },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    citedBy: { type: 'integer', description: 'How many cases cite it' },
  },
};

const articleResponse = (description: string) => ({ description, content: { 'application/json': { schema: article } } });

/** OpenAPI paths of the policy library (merged into the document by http/openapi.ts). */
export function policiesPaths(): Record<string, unknown> {
  const query = (name: string, s: Record<string, unknown>, description: string) => ({ name, in: 'query', schema: s, description });
  return {
    '/api/v1/policies': {
      get: {
        summary: 'Search the policy library (any signed-in staff)',
        description:
          'Articles holding every character bigram of `q` (so two-character words such as 停水 or 证明 are found), ranked with the words of the query in the title first; when those are fewer than `pageSize`, near misses follow (`match: fuzzy`): titles like the query by pg_trgm similarity, e.g. with one character wrong, or articles holding most of its bigrams. Without `q`, the newest. Repealed articles are left out unless `includeRepealed=true`.',
        parameters: [
          query('q', { type: 'string', maxLength: 100 }, 'Words to look for (Chinese or Latin)'),
          query('tag', { type: 'string', maxLength: 20 }, 'Only articles with this tag'),
          query('unitId', { type: 'integer' }, 'Only articles assigned to this unit'),
          query('includeRepealed', { type: 'string', enum: ['true', 'false'] }, 'Include repealed articles (always flagged `repealed`)'),
          query('pageSize', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'At most this many items'),
        ],
        responses: {
          '200': {
            description: '{items}',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: listItem } } },
              },
            },
          },
          ...errors,
        },
      },
      post: {
        summary: 'Add an article (admin); a taken (docNumber, articleNo) is 409 conflict',
        requestBody: json(schema(policyInputSchema)),
        responses: { '201': articleResponse('The article'), ...errors, '403': { description: 'Not an admin' } },
      },
    },
    '/api/v1/policies/{id}': {
      get: {
        summary: 'One article in full, with how many cases cite it',
        parameters: [idParam],
        responses: { '200': articleResponse('The article with citedBy'), ...errors },
      },
      patch: {
        summary: 'Change title, body, tags or units, or repeal (repealedOn; null lifts it) (admin)',
        parameters: [idParam],
        requestBody: json(schema(policyPatchSchema)),
        responses: { '200': articleResponse('The article'), ...errors, '403': { description: 'Not an admin' } },
      },
    },
    '/api/v1/policies/import-template.xlsx': {
      get: {
        summary:
          'The Excel import template (admin): headers 标题 文号 发布机关 效力层级 条款号 条文内容 生效日期 废止日期 标签, a level drop-down and an example row',
        responses: {
          '200': { description: 'The workbook', content: { [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } } } },
          ...errors,
          '403': { description: 'Not an admin' },
        },
      },
    },
    '/api/v1/policies/import': {
      post: {
        summary: `Import articles from an .xlsx (admin; multipart field \`file\`, at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB)`,
        description:
          'Every row is validated first. If any row is bad nothing is imported and the answer (200) lists every bad cell as {row, column, reason}; otherwise all rows are written in one transaction, an existing (文号, 条款号) updated. A file that is not a workbook, has no data rows or lacks required header columns is a 400.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
            },
          },
        },
        responses: {
          '200': ok('{imported, updated, errors: [{row, column, reason}]}'),
          ...errors,
          '403': { description: 'Not an admin' },
          '413': { description: 'File too large' },
          '415': { description: 'Not multipart/form-data' },
        },
      },
    },
  };
}

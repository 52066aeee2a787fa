import { errorCodes } from '@huiyin/core';
import { z } from 'zod';

/**
 * OpenAPI 3 built from the same zod schemas that validate requests, so the document cannot
 * drift from the code. Served at /api/openapi.json, browsable at /api/docs.
 */
export function schema(s: z.ZodType) {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
}

export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...errorCodes] },
        message: { type: 'string', description: 'In Chinese, or English when Accept-Language prefers it' },
        details: {},
      },
    },
  },
};

export const errors = {
  '400': { description: 'Invalid input', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': {
    description: 'Missing, bad or expired credential',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '404': {
    description: 'Not found, or not visible to the caller',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '409': {
    description: 'illegal_transition or version_conflict',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

export function json(s: unknown) {
  return { required: true, content: { 'application/json': { schema: s } } };
}

export const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };

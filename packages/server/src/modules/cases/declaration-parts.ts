import { errorBodySchema } from '@huiyin/core';
import { z } from 'zod';

/**
 * Pieces of route declarations the cases area shares with the follow-up links. Both belong next
 * to `fileResponse` in http/route.ts as soon as another module needs them.
 */

/** An error status a route gives besides the standard ones: `response: { 410: errorResponse('The link has expired') }`. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorBodySchema } } };
}

interface MultipartField {
  description: string;
  /** Files (any number up to the route's limit); otherwise a text field. */
  file?: boolean;
  required?: boolean;
}

/**
 * A multipart upload, as the OpenAPI document shows it. The handler reads the parts itself (the
 * files are streamed, never parsed into `req.body`), so the body schema accepts anything and only
 * describes the form. Spread it into the schema: `schema: { ...multipartBody('…', fields), response }`.
 */
export function multipartBody(description: string, fields: Record<string, MultipartField>) {
  const properties = Object.fromEntries(
    Object.entries(fields).map(([name, f]) => [
      name,
      f.file
        ? { type: 'array', items: { type: 'string', format: 'binary' }, description: f.description }
        : { type: 'string', description: f.description },
    ]),
  );
  const required = Object.keys(fields).filter((name) => fields[name]!.required);
  return {
    consumes: ['multipart/form-data'],
    body: z.unknown().meta({ type: 'object', description, properties, ...(required.length > 0 ? { required } : {}) }),
  };
}

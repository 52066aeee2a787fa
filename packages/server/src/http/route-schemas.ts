import { isDeepStrictEqual } from 'node:util';
import { DomainError, errorBodySchema } from '@huiyin/core';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * The compilers behind the route declarations: every route declares zod schemas for params,
 * querystring, body and each response; these turn them into Fastify's validation and
 * serialization. Validation failures become `validation_failed` in the caller's language.
 */

const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

/**
 * zod issues as details: the path of each field and what is wrong with it, in the caller's language.
 * An unknown key is reported at its own path (`requester.foo`), not at the object that holds it.
 */
export function validationDetails(issues: readonly z.core.$ZodIssue[]) {
  return {
    fields: issues.flatMap((i): { path: string; code: string; message: string }[] => {
      const at = i.path.map(String);
      if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...at, k].join('.'), code: i.code, message: i.message }));
      return [{ path: at.join('.'), code: i.code, message: i.message }];
    }),
  };
}

/** A request part that did not pass its schema; the error mapper turns it into validation_failed. */
export class RequestValidationError extends Error {
  constructor(
    readonly schema: z.ZodType,
    readonly input: unknown,
  ) {
    super('validation_failed');
  }

  /** The DomainError for the caller: the parse is repeated with the caller's language for the messages. */
  toDomainError(lang: 'zh' | 'en'): DomainError {
    const res = this.schema.safeParse(this.input, { error: lang === 'zh' ? zhErrors : enErrors });
    return new DomainError('validation_failed', undefined, res.success ? undefined : validationDetails(res.error.issues));
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const res = schema.safeParse(data);
    if (res.success) return { value: res.data };
    return { error: new RequestValidationError(schema, data) };
  };

/** A response that does not match its declared schema (only raised when responses are checked). */
export class ResponseMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseMismatchError';
  }
}

/**
 * Responses are written with JSON.stringify: in production nothing is stripped and nothing
 * is re-validated (speed). With `check` (tests), the wire form must parse with the declared
 * schema and parse to itself: a field the schema does not declare, a missing one or a wrong
 * type fails the request, so a schema cannot drift from what the server sends.
 */
export function createSerializerCompiler(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url }) =>
    (data) => {
      const json = JSON.stringify(data);
      if (!check) return json;
      const wire: unknown = JSON.parse(json);
      const res = schema.safeParse(wire);
      if (!res.success) {
        throw new ResponseMismatchError(`${method} ${url}: response does not match its schema: ${z.prettifyError(res.error)}`);
      }
      if (!isDeepStrictEqual(res.data, wire)) {
        throw new ResponseMismatchError(
          `${method} ${url}: response has fields its schema does not declare: ${firstDifference(wire, res.data)}`,
        );
      }
      return json;
    };
}

function firstDifference(sent: unknown, parsed: unknown, path = ''): string {
  if (sent && parsed && typeof sent === 'object' && typeof parsed === 'object') {
    const keys = new Set([...Object.keys(sent), ...Object.keys(parsed)]);
    for (const k of keys) {
      const a = (sent as Record<string, unknown>)[k];
      const b = (parsed as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(a, b)) return firstDifference(a, b, `${path}.${k}`);
    }
  }
  return `${path || '(root)'}: sent ${JSON.stringify(sent)?.slice(0, 120)}, schema gives ${JSON.stringify(parsed)?.slice(0, 120)}`;
}

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input: validation_failed (details.fields says which field and why) or bad_request',
  401: 'Not signed in, or the credential is bad or expired',
  403: 'Signed in, but not allowed to do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state: illegal_transition, version_conflict, conflict',
  429: 'Too many requests',
  500: 'Internal error',
};

/** The error responses every API route may give; public routes never answer 401/403. */
export function errorResponses(isPublic: boolean) {
  const codes = isPublic ? [400, 404, 409, 429, 500] : [400, 401, 403, 404, 409, 429, 500];
  return Object.fromEntries(
    codes.map((c) => [c, { description: errorDescriptions[c]!, content: { 'application/json': { schema: errorBodySchema } } }]),
  );
}

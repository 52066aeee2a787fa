import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The body of every error answer: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: { fields?: { path: string; code?: string; message?: string }[] } & Record<string, unknown>;
}

/**
 * The response is the error shape with this status and code: JSON, only the `error` key, the
 * code, a non-empty message and no keys but code, message and details. Returns the error.
 */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: ErrorBody };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const k of Object.keys(body.error)) expect(['code', 'message', 'details']).toContain(k);
  return body.error;
}

/** The field paths named in a validation_failed error. */
export function fieldsOf(err: { details?: unknown }): string[] {
  const d = err.details as { fields?: { path: string }[] } | undefined;
  expect(Array.isArray(d?.fields), JSON.stringify(err)).toBe(true);
  return d!.fields!.map((f) => f.path);
}

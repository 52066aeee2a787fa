import { DomainError } from '@huiyin/core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RequestValidationError } from './route-schemas.ts';

/** Our own and the multipart plugin's coded errors pass; anything else is a malformed body. */
export function multipartError(e: unknown): unknown {
  if (e instanceof DomainError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) return e;
  return new DomainError('bad_request', `malformed multipart body: ${e instanceof Error ? e.message : String(e)}`);
}

export interface MultipartLimits {
  fileSize: number;
  files: number;
  fields: number;
  parts: number;
}

/** Read every part of a multipart request: files (truncated → 413) and plain fields. */
export async function readMultipart(
  req: FastifyRequest,
  limits: MultipartLimits,
): Promise<{ files: { field: string; fileName: string; data: Buffer }[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new DomainError('unsupported_media_type', 'send the files as multipart/form-data');
  const files: { field: string; fileName: string; data: Buffer }[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated)
          throw new DomainError('payload_too_large', `a file may be at most ${Math.round(limits.fileSize / 1024 / 1024)} MB`);
        files.push({ field: part.fieldname, fileName: part.filename, data });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    throw multipartError(e);
  }
  return { files, fields };
}

/**
 * A multipart request's text fields, parsed with their schema like any other request part: a
 * failure is validation_failed with the fields named, in the caller's language.
 */
export function parseFormFields<S extends z.ZodType>(schema: S, fields: Record<string, unknown>): z.output<S> {
  const res = schema.safeParse(fields);
  if (!res.success) throw new RequestValidationError(schema, fields);
  return res.data;
}

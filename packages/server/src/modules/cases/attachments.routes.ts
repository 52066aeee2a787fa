import multipart from '@fastify/multipart';
import { DomainError, idSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../../http/auth.ts';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { createAttachmentsService } from './attachments.service.ts';

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
import { multipartError } from '../../http/multipart.ts';

export async function attachmentsRoutes(app: FastifyInstance, deps: { attachments: AttachmentsService; maxUploadBytes: number }) {
  await app.register(multipart, { limits: { fileSize: deps.maxUploadBytes, files: 5, fields: 5, parts: 10 } });
  const service = deps.attachments;

  app.post<{ Params: { id: string } }>('/api/v1/cases/:id/attachments', async (req, reply) => {
    const user = requireUser(req);
    const id = parseWith(idSchema, req.params.id, langOf(req));
    if (!req.isMultipart()) throw new DomainError('unsupported_media_type', 'send the file as multipart/form-data');
    // Read the whole upload before saving any of it: a bad part fails the request and saves nothing.
    const files: { fileName: string; data: Buffer }[] = [];
    try {
      for await (const part of req.files()) {
        const data = await part.toBuffer();
        if (part.file.truncated) throw new DomainError('payload_too_large', `a file may be at most ${deps.maxUploadBytes} bytes`);
        files.push({ fileName: part.filename, data });
      }
    } catch (e) {
      throw multipartError(e);
    }
    if (files.length === 0)
      throw new DomainError('validation_failed', 'no file in the request', { fields: [{ path: 'file', message: 'required' }] });
    return reply.status(201).send({ items: await service.addAll(id, files, user) });
  });

  app.get<{ Params: { id: string } }>('/api/v1/attachments/:id', async (req, reply) => {
    const user = requireUser(req);
    const id = parseWith(z.uuid(), req.params.id, langOf(req));
    const file = await service.read(id, user);
    return reply
      .header('content-type', file.mimeType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.data);
  });
}

/**
 * Errors while reading a multipart body: our own and the multipart plugin's coded ones (limits)
 * pass through; anything else comes from the parser (no boundary, cut-off body) and is the
 * client's malformed request, not a server fault.
 */

import { attachmentListSchema, attachmentParamsSchema, DomainError, idParamsSchema } from '@huiyin/core';
import type { FastifyReply } from 'fastify';
import { requireUser } from '../../http/auth.ts';
import { readMultipart } from '../../http/multipart.ts';
import { contentDisposition, errorResponse, fileResponse, multipartBody, sendFile, type ApiApp } from '../../http/route.ts';
import type { AttachmentsService } from './attachments.service.ts';

/** A stored file as a download: the sniffed type, never sniffed again by the browser. */
function sendStored(reply: FastifyReply, file: { fileName: string; mimeType: string; data: Buffer }) {
  return sendFile(reply, file.data, {
    'content-type': file.mimeType,
    'x-content-type-options': 'nosniff',
    'content-disposition': contentDisposition('attachment', { name: file.fileName }),
  });
}

/** Staff attachments of a case: an upload of up to 5 files (all or nothing) and the download of one. */
export function attachmentsRoutes(app: ApiApp, deps: { attachments: AttachmentsService; maxUploadBytes: number }): void {
  const service = deps.attachments;
  const limits = { fileSize: deps.maxUploadBytes, files: 5, fields: 5, parts: 10 };

  app.post(
    '/api/v1/cases/:id/attachments',
    {
      config: { access: 'user' },
      schema: {
        summary:
          'Attach files to a case: images, PDF, Word, Excel, audio or video, the type sniffed from the content; all or none are saved',
        params: idParamsSchema,
        ...multipartBody('Up to 5 files under any field name', { file: { description: 'The files', file: true, required: true } }),
        response: {
          201: attachmentListSchema,
          413: errorResponse('A file over the size limit, or more than 20 files on the case'),
          415: errorResponse('Not multipart/form-data, or a file of a type not accepted'),
        },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      // The whole upload is read before any of it is saved: a bad part fails the request and saves nothing.
      const { files } = await readMultipart(req, limits);
      if (files.length === 0)
        throw new DomainError('validation_failed', 'no file in the request', { fields: [{ path: 'file', message: 'required' }] });
      return reply.status(201).send({ items: await service.addAll(req.params.id, files, user) });
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      config: { access: 'user' },
      schema: {
        summary: 'Download a file of a case the caller can see',
        params: attachmentParamsSchema,
        response: { 200: fileResponse('application/octet-stream', 'The file, with the type sniffed at upload as its Content-Type') },
      },
    },
    async (req, reply) => sendStored(reply, await service.read(req.params.id, requireUser(req))),
  );
}

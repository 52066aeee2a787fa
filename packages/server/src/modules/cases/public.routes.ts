import {
  attachmentListSchema,
  DomainError,
  phoneSchema,
  publicConfigSchema,
  publicPhotosQuerySchema,
  trackingParamsSchema,
} from '@huiyin/core';
import { z } from 'zod';
import { langOf } from '../../http/error-mapping.ts';
import { parseFormFields, readMultipart } from '../../http/multipart.ts';
import { errorResponse, multipartBody, type ApiApp } from '../../http/route.ts';
import type { PublicConfigService } from './public-config.ts';
import { MAX_PUBLIC_PHOTOS, type PublicPhotosService } from './public-photos.service.ts';

const phoneFieldSchema = z.object({ phone: phoneSchema });

/** Citizen extras: the public page configuration and photos sent with a new request. */
export function publicRoutes(
  app: ApiApp,
  deps: { photos: PublicPhotosService; config: PublicConfigService; maxUploadBytes: number },
): void {
  const { photos } = deps;
  const limits = { fileSize: deps.maxUploadBytes, files: MAX_PUBLIC_PHOTOS, fields: 5, parts: 10 };

  app.get(
    '/api/v1/public/config',
    {
      config: { access: 'public' },
      schema: {
        summary: 'What the citizen pages need: map tiles, upload limits and the districts with a service centre',
        response: { 200: publicConfigSchema },
      },
    },
    async () => deps.config.get(),
  );

  app.post(
    '/api/v1/public/cases/:trackingNo/photos',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary:
          'Photos of a request just submitted (no sign-in): within 30 minutes of submitting, at most 5 per request, images only; proven by the full phone number given at submission',
        params: trackingParamsSchema,
        querystring: publicPhotosQuerySchema,
        ...multipartBody('The images under any field name, and the phone number', {
          file: { description: 'The images', file: true, required: true },
          phone: { description: 'The full phone number given at submission (or ?phone=)' },
        }),
        response: {
          201: attachmentListSchema,
          413: errorResponse('A photo over the size limit, or more than 5 in one upload'),
          415: errorResponse('Not multipart/form-data, or not an image'),
        },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      // The whole upload is read before any of it is saved: a bad part fails the request and saves nothing.
      const { files, fields } = await readMultipart(req, limits);
      const { phone } = parseFormFields(phoneFieldSchema, { phone: fields['phone'] ?? req.query.phone });
      if (files.length === 0)
        throw new DomainError('validation_failed', 'no photo in the request', { fields: [{ path: 'file', message: 'required' }] });
      return reply.status(201).send({ items: await photos.addPhotos(req.params.trackingNo, phone, files, lang) });
    },
  );
}

import { DomainError, phoneSchema, trackingNoSchema } from '@huiyin/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { langOf } from '../../http/error-mapping.ts';
import { parseWith } from '../../http/validate.ts';
import type { PublicConfigService } from './public-config.ts';
import type { createPublicPhotosService } from './public-photos.service.ts';
import { multipartError } from '../../http/multipart.ts';

type TrackParams = { Params: { trackingNo: string }; Querystring: { phone?: string } };

/** Citizen extras: the public page configuration and photos sent with a new request. */
export function publicRoutes(
  app: FastifyInstance,
  deps: { photos: ReturnType<typeof createPublicPhotosService>; config: PublicConfigService; maxUploadBytes: number },
): void {
  const { photos } = deps;

  app.get('/api/v1/public/config', async () => deps.config.get());

  /**
   * Photos of a request just submitted: multipart with the images (field name free) and the full
   * phone number given at submission (a `phone` field, or ?phone=). Within 30 minutes of
   * submitting, at most 5 photos per request, images only.
   */
  app.post<TrackParams>(
    '/api/v1/public/cases/:trackingNo/photos',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const lang = langOf(req);
      const trackingNo = parseWith(trackingNoSchema, req.params.trackingNo, lang);
      if (!req.isMultipart()) throw new DomainError('unsupported_media_type', 'send the photos as multipart/form-data');
      // Read the whole upload before saving any of it: a bad part fails the request and saves nothing.
      const files: { fileName: string; data: Buffer }[] = [];
      let phoneField: unknown;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new DomainError('payload_too_large', `a photo may be at most ${deps.maxUploadBytes} bytes`);
            files.push({ fileName: part.filename, data });
          } else if (part.fieldname === 'phone') {
            phoneField = part.value;
          }
        }
      } catch (e) {
        throw multipartError(e);
      }
      const { phone } = parseWith(z.object({ phone: phoneSchema }), { phone: phoneField ?? req.query.phone }, lang);
      if (files.length === 0)
        throw new DomainError('validation_failed', 'no photo in the request', { fields: [{ path: 'file', message: 'required' }] });
      return reply.status(201).send({ items: await photos.addPhotos(trackingNo, phone, files, lang) });
    },
  );
}

import { idParamsSchema, livelihoodRegionQuerySchema, photoIdParamsSchema, publicProjectSchema, publicProjectsSchema } from '@huiyin/core';
import { sendFile, fileResponse, type ApiApp } from '../../http/route.ts';
import type { ProjectPhotosService } from './project-photos.service.ts';
import type { PublicProjectsService } from './public-projects.service.ts';

/** The public page of published key projects (no sign-in, no personal data). */
export function publicProjectsRoutes(
  app: ApiApp,
  deps: { publicProjects: PublicProjectsService; projectPhotos: ProjectPhotosService },
): void {
  const { publicProjects, projectPhotos } = deps;

  app.get(
    '/api/v1/public/projects',
    {
      config: { access: 'public' },
      schema: {
        summary:
          'Published key projects of a region and below, with progress, milestones and the last reports; no personal data (no sign-in)',
        description: 'Without `regionCode`, the county with the most published projects.',
        querystring: livelihoodRegionQuerySchema,
        response: { 200: publicProjectsSchema },
      },
    },
    async (req) => publicProjects.list(req.query.regionCode),
  );

  app.get(
    '/api/v1/public/projects/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One published project with all its reports (no sign-in)',
        params: idParamsSchema,
        response: { 200: publicProjectSchema },
      },
    },
    async (req) => publicProjects.get(req.params.id),
  );

  app.get(
    '/api/v1/public/project-photos/:photoId',
    {
      config: { access: 'public' },
      schema: {
        summary: 'A photo of a report of a published project (no sign-in)',
        params: photoIdParamsSchema,
        response: { 200: fileResponse('image/*', 'The photo (JPEG, PNG, WebP or HEIC)') },
      },
    },
    async (req, reply) => {
      const photo = await projectPhotos.publicPhoto(req.params.photoId);
      return sendFile(reply, photo.data, { 'content-type': photo.mime, 'cache-control': 'public, max-age=3600' });
    },
  );
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { DomainError, coversRegion, type AuthUser } from '@huiyin/core';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { stageFile, withStagedFiles, type StagedFile } from '../cases/attachment-store.ts';
import { acceptRoles, has, prefixesOf } from './access.ts';
import { canReport } from './project-access.ts';
import { createProjectPhotosRepo } from './project-photos.repo.ts';
import type { ProjectsService } from './projects.service.ts';

export const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Photos of a project (reports and acceptance): upload, and serving them to staff and, once published, to the public. */
export function createProjectPhotosService(deps: { db: Db; clock: Clock; dataDir: string; projects: ProjectsService }) {
  const { db, clock } = deps;
  const photos = createProjectPhotosRepo(db);
  const photoRoot = path.join(deps.dataDir, 'project-photos');

  return {
    async uploadPhotos(id: number, files: readonly { fileName: string; data: Buffer }[], user: AuthUser): Promise<{ ids: number[] }> {
      const p = await deps.projects.readable(id, user);
      if (!canReport(p, user) && !(has(user, acceptRoles) && coversRegion(prefixesOf(user), p.regionCode))) {
        throw new DomainError('forbidden', 'photos are added by those who report on or check the project');
      }
      if (files.length === 0)
        throw DomainError.atField(
          'validation_failed',
          { path: 'files', message: 'no file', code: 'required' },
          'no photo in the request (field `files`)',
        );
      if (files.length > 9)
        throw DomainError.atField(
          'validation_failed',
          { path: 'files', message: 'at most 9', code: 'too_many' },
          'at most 9 photos at once',
        );
      const now = clock.now();
      const staged: StagedFile[] = [];
      for (const f of files) {
        if (f.data.length > MAX_PHOTO_BYTES) throw new DomainError('payload_too_large', `${f.fileName} is larger than 10 MB`);
        const type = await fileTypeFromBuffer(f.data);
        if (!type || !PHOTO_TYPES.has(type.mime))
          throw new DomainError('unsupported_media_type', `${f.fileName} is not a photo (JPEG, PNG, WebP or HEIC)`);
        staged.push(stageFile(f, type, now, 'photo'));
      }
      const ids = await withStagedFiles(photoRoot, staged, () =>
        db.transaction().execute(async (trx) => {
          const repo = createProjectPhotosRepo(trx);
          const out: number[] = [];
          for (const s of staged) {
            out.push(
              await repo.insertPhoto(
                {
                  projectId: id,
                  fileName: s.safeName,
                  mime: s.mime,
                  size: s.data.length,
                  sha256: createHash('sha256').update(s.data).digest('hex'),
                  key: s.key,
                  uploadedBy: user.id,
                },
                now,
              ),
            );
          }
          return out;
        }),
      );
      return { ids };
    },

    async photo(id: number, photoId: number, user: AuthUser | null): Promise<{ data: Buffer; mime: string }> {
      const ph = await photos.photo(photoId);
      if (!ph || ph.project_id !== id) throw new DomainError('not_found', 'photo not found');
      if (user) await deps.projects.readable(id, user);
      else if (!(await photos.photoIsPublic(photoId))) throw new DomainError('not_found', 'photo not found');
      return { data: await readFile(path.join(photoRoot, ph.storage_key)), mime: ph.mime_type };
    },

    async publicPhoto(photoId: number): Promise<{ data: Buffer; mime: string }> {
      const ph = await photos.photo(photoId);
      if (!ph || !(await photos.photoIsPublic(photoId))) throw new DomainError('not_found', 'photo not found');
      return { data: await readFile(path.join(photoRoot, ph.storage_key)), mime: ph.mime_type };
    },
  };
}

export type ProjectPhotosService = ReturnType<typeof createProjectPhotosService>;

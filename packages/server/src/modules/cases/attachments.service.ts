import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, caseScopeFor, inScope } from '@huiyin/core';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { appendEvent } from '../audit/record-event.ts';
import type { AuthUser } from '../people/auth.service.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';
import { createCasesRepo } from './cases.repo.ts';

/**
 * Files attached to a case: stored on disk under the data directory, the type sniffed from the
 * content (never trusted from the name or the client's header), size-limited, recorded as a
 * case event. The file is written first and removed again if the transaction fails, so no row
 * ever points at a missing file.
 */
export const allowedMimeTypes = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'video/mp4',
]);

export const MAX_ATTACHMENTS_PER_CASE = 20;

export function createAttachmentsService(deps: { db: Db; clock: Clock; dataDir: string }) {
  const root = path.join(deps.dataDir, 'attachments');

  function visible(user: AuthUser, row: { region_code: string; lead_unit_id: number | null; assist_unit_ids: number[] }) {
    return inScope(caseScopeFor(user), { regionCode: row.region_code, leadUnitId: row.lead_unit_id, assistUnitIds: row.assist_unit_ids });
  }

  return {
    async add(caseId: number, file: { fileName: string; data: Buffer }, user: AuthUser) {
      const sniffed = await fileTypeFromBuffer(file.data);
      if (!sniffed || !allowedMimeTypes.has(sniffed.mime)) {
        throw new DomainError('unsupported_media_type', `file content is ${sniffed?.mime ?? 'not a recognised type'}; allowed: images, PDF, Word, Excel, audio, video`);
      }
      const id = randomUUID();
      const now = deps.clock.now();
      const key = path.join(now.toISOString().slice(0, 7), `${id}.${sniffed.ext}`);
      const full = path.join(root, key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, file.data, { flag: 'wx' });
      const safeName = path.basename(file.fileName).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || `attachment.${sniffed.ext}`;
      try {
        await deps.db.transaction().execute(async (trx) => {
          const row = await createCasesRepo(trx).lock(caseId);
          if (!row || !visible(user, row)) throw new DomainError('not_found', 'case not found');
          if (row.status === 'closed' || row.status === 'merged') {
            throw new DomainError('illegal_transition', 'a closed or merged case takes no more attachments', { status: row.status, action: 'attach' });
          }
          const repo = createAttachmentsRepo(trx);
          if ((await repo.countOfCase(caseId)) >= MAX_ATTACHMENTS_PER_CASE) {
            throw new DomainError('payload_too_large', `a case holds at most ${MAX_ATTACHMENTS_PER_CASE} attachments`);
          }
          const sha256 = createHash('sha256').update(file.data).digest('hex');
          await repo.insert({
            id,
            case_id: caseId,
            file_name: safeName,
            mime_type: sniffed.mime,
            size_bytes: file.data.length,
            sha256,
            storage_key: key,
            uploaded_by: user.id,
            created_at: now,
          });
          await appendEvent(trx, {
            caseId,
            action: 'attach',
            actorId: user.id,
            actorRole: user.roles[0] ?? 'clerk',
            actorUnitId: user.units[0]?.id ?? null,
            fromStatus: row.status,
            toStatus: row.status,
            payload: { attachmentId: id, fileName: safeName, mimeType: sniffed.mime, sizeBytes: file.data.length, sha256 },
            at: now,
          });
        });
      } catch (e) {
        await rm(full, { force: true });
        throw e;
      }
      return { id, fileName: safeName, mimeType: sniffed.mime, sizeBytes: file.data.length, createdAt: now.toISOString() };
    },

    async read(id: string, user: AuthUser) {
      const a = await createAttachmentsRepo(deps.db).get(id);
      if (!a) throw new DomainError('not_found');
      const row = await createCasesRepo(deps.db).get(a.case_id);
      if (!row || !visible(user, row)) throw new DomainError('not_found');
      const data = await readFile(path.join(root, a.storage_key));
      return { fileName: a.file_name, mimeType: a.mime_type, data };
    },
  };
}

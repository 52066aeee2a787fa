import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, type AuthUser } from '@huiyin/core';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';
import { createCasesRepo } from './cases.repo.ts';
import { visibleTo } from './visibility.ts';
import { attachmentViews, recordAttachments, stageFile, withStagedFiles } from './attachment-store.ts';

/**
 * Files attached to a case: stored on disk under the data directory, the type sniffed from the
 * content (never trusted from the name or the client's header), size-limited, recorded as a
 * case event. An upload is all or nothing: the files are written first and removed again if the
 * transaction fails, so no row ever points at a missing file and a failed upload leaves no trace.
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

  const visible = visibleTo;

  async function sniff(file: { fileName: string; data: Buffer }) {
    const sniffed = await fileTypeFromBuffer(file.data);
    if (!sniffed || !allowedMimeTypes.has(sniffed.mime)) {
      throw new DomainError(
        'unsupported_media_type',
        `${path.basename(file.fileName) || 'a file'}: content is ${sniffed?.mime ?? 'not a recognised type'}; allowed: images, PDF, Word, Excel, audio, video`,
      );
    }
    return sniffed;
  }

  /**
   * Attach the files of one upload: all of them or none. Every file is checked before anything
   * is written, the rows and events go in one transaction, and the files written are removed
   * again if it fails.
   */
  async function addAll(caseId: number, files: readonly { fileName: string; data: Buffer }[], user: AuthUser) {
    const checked = [];
    for (const file of files) checked.push({ file, sniffed: await sniff(file) });
    const now = deps.clock.now();
    const items = checked.map(({ file, sniffed }) => stageFile(file, sniffed, now, 'attachment'));
    await withStagedFiles(root, items, () =>
      deps.db.transaction().execute(async (trx) => {
        const row = await createCasesRepo(trx).lock(caseId);
        if (!row || !visible(user, row)) throw new DomainError('not_found', 'case not found');
        if (row.status === 'closed' || row.status === 'merged') {
          throw new DomainError('illegal_transition', 'a closed or merged case takes no more attachments', {
            status: row.status,
            action: 'attach',
          });
        }
        if ((await createAttachmentsRepo(trx).countOfCase(caseId)) + items.length > MAX_ATTACHMENTS_PER_CASE) {
          throw new DomainError('payload_too_large', `a case holds at most ${MAX_ATTACHMENTS_PER_CASE} attachments`);
        }
        await recordAttachments(trx, row, items, { id: user.id, role: user.roles[0] ?? 'clerk', unitId: user.units[0]?.id ?? null }, now);
      }),
    );
    return attachmentViews(items, now);
  }

  return {
    addAll,

    /** One file (see addAll). */
    async add(caseId: number, file: { fileName: string; data: Buffer }, user: AuthUser) {
      const [saved] = await addAll(caseId, [file], user);
      return saved!;
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

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;

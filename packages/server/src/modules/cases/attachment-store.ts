import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentView, CaseStatus } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { appendEvent } from '../audit/record-event.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';

/**
 * Storing a case's files, shared by staff attachments and citizens' photos: name and place each
 * checked file, write them all first, run the transaction that records them, and remove the
 * files again if it fails, so no row ever points at a missing file and a refused upload leaves
 * nothing behind.
 */
export interface StagedFile {
  id: string;
  /** Path under the attachments root: <yyyy-mm>/<id>.<ext>. */
  key: string;
  safeName: string;
  mime: string;
  data: Buffer;
}

export function stageFile(
  file: { fileName: string; data: Buffer },
  sniffed: { ext: string; mime: string },
  now: Date,
  fallbackName: string,
): StagedFile {
  const id = randomUUID();
  return {
    id,
    key: path.join(now.toISOString().slice(0, 7), `${id}.${sniffed.ext}`),
    safeName:
      path
        .basename(file.fileName)
        .replace(/[\u0000-\u001f]/g, '')
        .slice(0, 200) || `${fallbackName}.${sniffed.ext}`,
    mime: sniffed.mime,
    data: file.data,
  };
}

/** Write the files under `root`, run `record`; on any failure remove what was written and rethrow. */
export async function withStagedFiles<T>(root: string, items: readonly StagedFile[], record: () => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    for (const it of items) {
      const full = path.join(root, it.key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, it.data, { flag: 'wx' });
      written.push(full);
    }
    return await record();
  } catch (e) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw e;
  }
}

/** Inside the case's transaction: one attachments row and one hash-chained `attach` event per file. */
export async function recordAttachments(
  trx: Db,
  c: { id: number; status: CaseStatus },
  items: readonly StagedFile[],
  actor: { id: number | null; role: string; unitId: number | null },
  now: Date,
): Promise<void> {
  const repo = createAttachmentsRepo(trx);
  for (const it of items) {
    const sha256 = createHash('sha256').update(it.data).digest('hex');
    await repo.insert({
      id: it.id,
      case_id: c.id,
      file_name: it.safeName,
      mime_type: it.mime,
      size_bytes: it.data.length,
      sha256,
      storage_key: it.key,
      uploaded_by: actor.id,
      created_at: now,
    });
    await appendEvent(trx, {
      caseId: c.id,
      action: 'attach',
      actorId: actor.id,
      actorRole: actor.role,
      actorUnitId: actor.unitId,
      fromStatus: c.status,
      toStatus: c.status,
      payload: { attachmentId: it.id, fileName: it.safeName, mimeType: it.mime, sizeBytes: it.data.length, sha256 },
      at: now,
    });
  }
}

export function attachmentViews(items: readonly StagedFile[], now: Date): AttachmentView[] {
  return items.map((it) => ({
    id: it.id,
    fileName: it.safeName,
    mimeType: it.mime,
    sizeBytes: it.data.length,
    createdAt: now.toISOString(),
  }));
}

import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { DomainError, type Lang } from '@huiyin/core';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';
import { attachmentViews, recordAttachments, stageFile, withStagedFiles, type StagedFile } from './attachment-store.ts';
import { allowedMimeTypes, MAX_ATTACHMENTS_PER_CASE } from './attachments.service.ts';
import { createCasesRepo } from './cases.repo.ts';
import { createGuessLimiter } from './guess-limiter.ts';

/** Photos a citizen may send with a new request, and how long after submitting. */
export const MAX_PUBLIC_PHOTOS = 5;
export const PUBLIC_PHOTO_WINDOW_MS = 30 * 60 * 1000;

const words = {
  notFound: { zh: '未找到该诉求，或手机号码与提交时不一致', en: 'no request with this number and phone' },
  window: {
    zh: '照片只能在提交诉求后 30 分钟内补充上传',
    en: 'photos can only be added within 30 minutes of submitting the request',
  },
  finished: { zh: '该诉求已办结或已并单，不能再上传照片', en: 'the request is closed or merged and takes no more photos' },
  tooMany: { zh: `每件诉求最多上传 ${MAX_PUBLIC_PHOTOS} 张照片`, en: `a request takes at most ${MAX_PUBLIC_PHOTOS} photos` },
  notImage: { zh: '只能上传图片（JPG、PNG、WebP、GIF、HEIC）', en: 'only images (JPG, PNG, WebP, GIF, HEIC) are accepted' },
} as const;

/**
 * Photos sent by the citizen right after submitting a request, without signing in. Proof is the
 * tracking number and the full phone number given at submission; uploads close 30 minutes after
 * the request was registered, at most 5 photos per request, images only (sniffed from the
 * content). As for staff attachments, the files are written first and removed again if the
 * transaction fails, so no row points at a missing file and a refused upload leaves no trace.
 */
export function createPublicPhotosService(deps: { db: Db; clock: Clock; dataDir: string }) {
  const root = path.join(deps.dataDir, 'attachments');
  // Wrong phone numbers per tracking number (the numbers are sequential: the phone is the guard).
  const guesses = createGuessLimiter(deps.clock);

  function samePhone(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }

  async function addPhotos(trackingNo: string, phone: string, files: readonly { fileName: string; data: Buffer }[], lang: Lang) {
    guesses.check(trackingNo);
    const found = await createCasesRepo(deps.db).findByTrackingNo(trackingNo);
    if (!found || !samePhone(found.requester_phone, phone)) {
      guesses.fail(trackingNo);
      throw new DomainError('not_found', words.notFound[lang]);
    }
    const now = deps.clock.now();
    if (now.getTime() - found.created_at.getTime() > PUBLIC_PHOTO_WINDOW_MS) {
      throw new DomainError('forbidden', words.window[lang], {
        reason: 'upload_window_closed',
        windowMinutes: PUBLIC_PHOTO_WINDOW_MS / 60_000,
      });
    }
    if (files.length > MAX_PUBLIC_PHOTOS) throw new DomainError('payload_too_large', words.tooMany[lang], { max: MAX_PUBLIC_PHOTOS });

    const items: StagedFile[] = [];
    for (const file of files) {
      const sniffed = await fileTypeFromBuffer(file.data);
      if (!sniffed || !sniffed.mime.startsWith('image/') || !allowedMimeTypes.has(sniffed.mime)) {
        const name = path.basename(file.fileName) || 'file';
        throw new DomainError('unsupported_media_type', `${name}: ${words.notImage[lang]}`, {
          fileName: name,
          detected: sniffed?.mime ?? null,
        });
      }
      items.push(stageFile(file, sniffed, now, 'photo'));
    }

    await withStagedFiles(root, items, () =>
      deps.db.transaction().execute(async (trx) => {
        const row = await createCasesRepo(trx).lock(found.id);
        if (!row) throw new DomainError('not_found', words.notFound[lang]);
        if (row.status === 'closed' || row.status === 'merged') {
          throw new DomainError('illegal_transition', words.finished[lang], { status: row.status, action: 'attach' });
        }
        const repo = createAttachmentsRepo(trx);
        const fromCitizen = await repo.countFromCitizen(row.id);
        if (fromCitizen + items.length > MAX_PUBLIC_PHOTOS) {
          throw new DomainError('conflict', words.tooMany[lang], { max: MAX_PUBLIC_PHOTOS, already: fromCitizen });
        }
        if ((await repo.countOfCase(row.id)) + items.length > MAX_ATTACHMENTS_PER_CASE) {
          throw new DomainError('conflict', words.tooMany[lang], { max: MAX_ATTACHMENTS_PER_CASE });
        }
        await recordAttachments(trx, row, items, { id: null, role: 'citizen', unitId: null }, now);
      }),
    );
    return attachmentViews(items, now);
  }

  return { addPhotos };
}

export type PublicPhotosService = ReturnType<typeof createPublicPhotosService>;

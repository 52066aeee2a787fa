import type { CaseRegistered, CaseTracking, Category, PublicConfig, Region } from '@huiyin/core';
import { apiUpload } from '../../api/client.ts';
import { useApiQuery } from '../../api/query.ts';

/** What the citizen pages read from the server, as core declares it. */
export type { Category, PublicConfig, Region };
/** The answer of POST /api/v1/public/cases. */
export type Submitted = CaseRegistered;
/** The citizen's view of a case (GET /api/v1/track/:no, and a follow-up link's). */
export type Tracked = CaseTracking;

/** The public configuration, asked once per page load (a failure is asked again next time). */
export function usePublicConfig() {
  return useApiQuery<PublicConfig>(['public', 'config'], '/api/v1/public/config', { staleTime: Infinity });
}

const shrinkable = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * A phone photo is often several megabytes: larger ones are scaled down to 2048 px and sent as
 * JPEG before upload. Anything the browser cannot draw (HEIC, GIF) goes as it is.
 */
async function shrink(file: File, limit = 1.5 * 1024 * 1024): Promise<File> {
  if (file.size <= limit || !shrinkable.has(file.type) || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' });
  } catch {
    return file;
  }
}

/** Photos of a request just submitted: multipart, proven by the full phone number. */
export async function uploadPhotos(trackingNo: string, phone: string, files: readonly File[]): Promise<void> {
  const body = new FormData();
  body.append('phone', phone);
  for (const f of files) {
    const small = await shrink(f);
    body.append('photos', small, small.name);
  }
  await apiUpload(`/api/v1/public/cases/${encodeURIComponent(trackingNo)}/photos`, body);
}

/**
 * The last four digits of the phone for a tracking number, kept in memory only: the page that
 * just submitted (or the home page's quick search) opens the tracking page already filled in,
 * without putting the digits in the address bar or the browser history.
 */
const remembered = new Map<string, string>();
export function rememberLast4(trackingNo: string, last4: string): void {
  remembered.set(trackingNo, last4);
}
export function recallLast4(trackingNo: string): string | undefined {
  return remembered.get(trackingNo);
}

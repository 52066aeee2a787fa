import type { ImportRowError } from '@huiyin/core';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';

/**
 * Where a large import stands, told honestly: the upload's real progress (the browser's upload
 * events, in bytes), then the time the server has been working on it (it checks every row, or
 * writes them in one transaction, and answers once). No made-up percentage for the server's part:
 * the seconds it has taken so far, and the number of rows when the preview has told it.
 */
export type ImportProgress = { phase: 'upload'; percent: number } | { phase: 'server'; seconds: number } | null;

interface Report {
  errors: ImportRowError[];
}

function upload<R>(path: string, file: File, lang: 'zh' | 'en', onUpload: (percent: number) => void, onSent: () => void): Promise<R> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept-language', lang === 'en' ? 'en' : 'zh-CN');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.upload.onload = onSent;
    xhr.onerror = () => reject(new Error(lang === 'en' ? 'network error' : '网络错误'));
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText || '{}');
      } catch {
        // not JSON: the status says what happened
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as R);
      const e = (body as { error?: { code: string; message: string; details?: Record<string, unknown> } }).error;
      const details = e?.details ?? {};
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? 'internal',
          e?.message ?? xhr.statusText,
          (details['fields'] as { path: string; message: string }[]) ?? [],
          details,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** An Excel import with its progress; the same state as useExcelImport (ImportOutcome shows it). */
export function useProgressImport<R extends Report>({
  path,
  lang,
  refused,
  invalidate,
}: {
  path: string;
  lang: 'zh' | 'en';
  refused: (errors: ImportRowError[]) => R;
  invalidate: readonly QueryKey[];
}) {
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);

  async function importFile(file: File): Promise<R | null> {
    setImporting(true);
    setReport(null);
    setError(null);
    setProgress({ phase: 'upload', percent: 0 });
    try {
      const r = await upload<R>(
        path,
        file,
        lang,
        (percent) => setProgress({ phase: 'upload', percent }),
        () => {
          const started = Date.now();
          setProgress({ phase: 'server', seconds: 0 });
          stopTimer();
          timer.current = setInterval(() => setProgress({ phase: 'server', seconds: Math.floor((Date.now() - started) / 1000) }), 1000);
        },
      ).catch((e: unknown) => {
        const errors = e instanceof ApiError ? (e.details['errors'] as ImportRowError[] | undefined) : undefined;
        if (errors) return refused(errors);
        throw e;
      });
      setReport(r);
      if (r.errors.length === 0) for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: key });
      return r;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return null;
    } finally {
      stopTimer();
      setProgress(null);
      setImporting(false);
    }
  }

  return {
    importing,
    report,
    error,
    progress,
    importFile,
    closeReport: () => setReport(null),
    closeError: () => setError(null),
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * PDFs are checked the way a reader meets them, with poppler. .ci/run installs poppler-utils;
 * without it the letter checks are skipped here and fail under CI.
 */
export function popplerAvailable(tools: string[] = ['pdftoppm', 'pdftotext', 'pdffonts', 'pdfinfo']): boolean {
  const ok = tools.every((t) => existsSync(`/usr/bin/${t}`));
  if (!ok && process.env['CI'] === 'true') throw new Error('poppler-utils is missing: CI=true needs it for the letter tests');
  return ok;
}

/** Where the letter tests leave PDFs for people to look at (artifacts/ is git-ignored). */
export const LETTER_ARTIFACTS = path.resolve(import.meta.dirname, '../../../../artifacts/letters');

/** The text of a PDF file (pdftotext with `args` before the file). */
export const pdftext = (pdf: string, ...args: string[]) => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });

/** Text without any white space, for `toContain` across line breaks. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

export const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

/** pdffonts' rows, one a font, without the two header lines. */
export const fontRows = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);

/** A pdffonts row of an embedded subset of the letters' font: name, type, encoding, emb, sub, uni. */
export const EMBEDDED_NOTO_SUBSET = /^[A-Z]{6}\+NotoSerifSC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/;

/** The squeezed layout text of a PDF answered by the API. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyin-pdf-'));
  try {
    const file = path.join(dir, 'file.pdf');
    writeFileSync(file, pdf);
    return squeeze(pdftext(file, '-layout'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, never a downloaded one. Without it the e2e tier is skipped with a note on
 * how to install it, except with CI=true, where a missing browser fails the run.
 */
export const CHROMIUM = process.env['HUIYIN_CHROMIUM'] ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/e2e');

export function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok && process.env['CI'] === 'true') {
    throw new Error(`Chromium not found at ${CHROMIUM}; CI=true requires it (apt-get install -y chromium fonts-noto-cjk)`);
  }
  if (!ok)
    console.warn(`\n[huiyin] e2e SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk\n`);
  return ok;
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function shot(name: string): string {
  return path.join(ARTIFACTS, `${name}.png`);
}

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** The first four bytes of a file the page fetches with its own session (or none), after the status: "200 %PDF" for a PDF. */
export async function magicOf(page: Page, url: string): Promise<string> {
  return page.evaluate(async (u) => {
    const res = await fetch(u, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return `${res.status} ${String.fromCharCode(...bytes.slice(0, 4))}`;
  }, url);
}

/** A citizen looks up their case on the tracking page with the phone's last four digits and waits for the answer. */
export async function trackAnswer(citizen: Page, base: string, trackingNo: string, last4: string): Promise<void> {
  await citizen.goto(`${base}/track?no=${trackingNo}`);
  await citizen.getByLabel('手机号后四位').fill(last4);
  await citizen
    .getByRole('button', { name: /查\s*询/ })
    .first()
    .click();
  await citizen.getByTestId('answer-text').waitFor();
}

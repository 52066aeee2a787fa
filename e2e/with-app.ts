import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromiumAvailable, launch } from './browser.ts';
import { startE2eServer, type E2eServer, type E2eServerOptions } from './server.ts';

/** What a journey works with: the server (the built web on a fresh embedded database) and Debian's Chromium. */
export interface E2eApp {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** Replace the server with one on a fresh database (journeys that must not see each other's cases). */
  fresh(): Promise<E2eServer>;
}

/**
 * A suite of journeys in real Chromium: the browser and the server are started once before the
 * suite and closed after it. Skipped with an install hint when Chromium is missing, except under
 * CI=true, where a missing browser fails the run.
 */
export function describeInBrowser(name: string, opts: E2eServerOptions, body: (app: E2eApp) => void): void {
  (chromiumAvailable() ? describe : describe.skip)(name, () => {
    let server: E2eServer | undefined;
    let browser: Browser | undefined;
    beforeAll(async () => {
      [server, browser] = await Promise.all([startE2eServer(opts), launch()]);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    body({
      get server() {
        if (!server) throw new Error('the e2e server has not started');
        return server;
      },
      get browser() {
        if (!browser) throw new Error('the browser has not started');
        return browser;
      },
      async fresh() {
        await server?.close();
        server = await startE2eServer(opts);
        return server;
      },
    });
  });
}

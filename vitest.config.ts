import { defineConfig } from 'vitest/config';
import { compiledAppPlugin, compiledBundle, compiledTestFiles } from './packages/server/src/testing/compiled-project.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          sequence: { groupOrder: 0 },
          include: ['packages/core/src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 1 },
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
          setupFiles: ['packages/server/src/testing/audit-key-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite and PostgreSQL schemas are created per test file; keep the box responsive.
          maxWorkers: 2,
        },
      },
      {
        // The server's API tests against its production build (testing/compiled-project.ts).
        plugins: [compiledAppPlugin()],
        test: {
          name: 'compiled',
          sequence: { groupOrder: 2 },
          include: [...compiledTestFiles],
          globalSetup: ['packages/server/src/testing/global-setup-compiled.ts'],
          setupFiles: ['packages/server/src/testing/audit-key-setup.ts'],
          env: { HUIYIN_TEST_APP: 'compiled' },
          // Node itself loads the bundle, as `huiyin serve` does: no Vite transform in between.
          server: { deps: { external: [new RegExp(`^${escapeRegExp(compiledBundle)}$`)] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 3 },
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page under a loaded CI box may take more than vitest's default 1 s to show what a poll waits for.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});

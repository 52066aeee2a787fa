import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const server = 'packages/server/src';
/**
 * Layer 2 of the server: infrastructure every feature module stands on (docs/ARCHITECTURE.md):
 * HTTP, the database with its counters and search terms, the outbox, Excel workbooks, the audit chain, regions
 * and units, and people (who is signed in, their roles and units).
 */
const infrastructure = [
  `${server}/http`,
  `${server}/db`,
  `${server}/outbox`,
  `${server}/xlsx`,
  `${server}/pdf`,
  `${server}/modules/audit`,
  `${server}/modules/regions`,
  `${server}/modules/people`,
];
const infrastructureModules = ['./audit', './regions', './people'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (and, in a transaction, its ordering).
    files: ['packages/**/*.ts', 'packages/**/*.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The house: no import cycles, and imports only point down the layers.
    files: ['packages/**/*.ts', 'packages/**/*.tsx', 'e2e/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } }, 'import-x/extensions': ['.ts', '.tsx'] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['packages/**/*.ts', 'packages/**/*.tsx'],
    ignores: ['**/*.test.ts', `${server}/testing/**`],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'packages/core',
              from: ['packages/server', 'packages/web'],
              message: 'core is pure: it imports nothing of the server or the web',
            },
            {
              target: 'packages/web',
              from: 'packages/server',
              message: 'the web speaks to the server over HTTP; shared shapes live in core',
            },
            {
              target: infrastructure,
              from: `${server}/modules`,
              except: infrastructureModules,
              message: 'infrastructure (http, db, outbox, xlsx, audit, regions, people) imports no feature module',
            },
            {
              target: `${server}/modules/cases`,
              from: `${server}/modules`,
              except: ['./cases', ...infrastructureModules],
              message: 'cases imports no other feature module: they take part through the hooks of cases/case-hooks.ts, wired in main/',
            },
            {
              // The demo seed walks cases through the real, wired case service (main/case-wiring.ts).
              target: [`${server}/http`, `${server}/db`, `${server}/outbox`, `${server}/xlsx`, `${server}/modules`],
              from: `${server}/main`,
              message: 'nothing imports the composition root (main/)',
            },
            {
              target: `${server}/seed`,
              from: `${server}/main`,
              except: ['./case-wiring.ts'],
              message: 'the seed builds its case service with main/case-wiring.ts, nothing else of main/',
            },
          ],
        },
      ],
      // One file, one concept.
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Core is pure: no I/O, no clock reads, no Node built-ins.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', 'http'] }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core is pure: take the time as an argument' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core is pure: take the time as an argument',
        },
      ],
    },
  },
);

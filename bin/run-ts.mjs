#!/usr/bin/env node
// Run a TypeScript file (benchmarks, one-off scripts) through tsx's loader.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: node bin/run-ts.mjs <file.ts>');
  process.exit(2);
}
await import(pathToFileURL(path.resolve(file)).href);

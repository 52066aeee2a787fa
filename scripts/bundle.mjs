#!/usr/bin/env node
// `npm run bundle`: the built app with its production node_modules, as one tarball for an install
// without a registry (an intranet): dist/huiyin-<version>.tar.gz, unpacking to huiyin-<version>/.
// Run after `npm run build` (the npm script does both). Nothing in it needs a compiler, tsx or the sources.
//
//   node scripts/bundle.mjs                 the tarball in dist/
//   node scripts/bundle.mjs --stage DIR     only lay the tree out in DIR (no tarball; the tests use it)
//   --no-web                                without the web build (an API-only tree; the tests use it)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { values } = parseArgs({ options: { stage: { type: 'string' }, 'no-web': { type: 'boolean' } } });
const name = `huiyin-${version}`;

function fail(message) {
  console.error(`[bundle] ${message}`);
  process.exit(1);
}

const withWeb = !values['no-web'];
const needed = ['packages/server/dist/huiyin.mjs', ...(withWeb ? ['packages/web/dist/index.html'] : [])];
for (const file of needed) if (!existsSync(path.join(root, file))) fail(`${file} is missing: run \`npm run build\` first`);

/** The installed production dependencies of the server and core (npm's own view, no registry asked). */
function productionPackages() {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable', '-w', '@huiyin/server', '-w', '@huiyin/core'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const dirs = out
    .split('\n')
    .filter((line) => line.includes(`${path.sep}node_modules${path.sep}`))
    .map((line) => path.relative(root, line))
    .filter((rel) => !rel.startsWith('..') && !rel.startsWith(path.join('node_modules', '@huiyin')))
    .sort();
  // A package's directory carries its nested node_modules: copy the outermost ones only.
  return dirs.filter((dir, i) => !dirs.slice(0, i).some((outer) => dir.startsWith(outer + path.sep)));
}

function stage(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = (rel) => cpSync(path.join(root, rel), path.join(dir, rel), { recursive: true });
  copy('bin/huiyin.mjs');
  copy('packages/server/dist');
  if (withWeb) copy('packages/web/dist');
  copy('packages/server/src/db/app-role.sql');
  for (const doc of ['docs/DEPLOY.md', 'docs/OPERATIONS.md', 'docs/SECURITY.md', 'README.md'])
    if (existsSync(path.join(root, doc))) copy(doc);
  const packages = productionPackages();
  for (const rel of packages) copy(rel);
  const manifest = {
    name: 'huiyin',
    version,
    private: true,
    description: 'Huiyin (回音), built: run `node bin/huiyin.mjs serve` (see docs/DEPLOY.md)',
    license: 'AGPL-3.0-or-later',
    type: 'module',
    engines: { node: '>=20.19' },
    bin: { huiyin: 'bin/huiyin.mjs' },
    scripts: { start: 'node bin/huiyin.mjs serve' },
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return packages.length;
}

if (values.stage) {
  const count = stage(path.resolve(values.stage));
  console.log(`[bundle] staged in ${values.stage} (${count} packages)`);
} else {
  const work = mkdtempSync(path.join(tmpdir(), 'huiyin-bundle-'));
  try {
    const count = stage(path.join(work, name));
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    const tarball = path.join(root, 'dist', `${name}.tar.gz`);
    execFileSync('tar', ['-czf', tarball, '-C', work, name], { stdio: 'inherit' });
    console.log(`[bundle] ${path.relative(root, tarball)} (${count} packages): unpack and run \`node ${name}/bin/huiyin.mjs serve\``);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

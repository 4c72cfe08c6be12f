#!/usr/bin/env node
// `npm run bench [name]`: runs every package's benchmark (packages/*/bench/index.ts) one after another,
// so they never compete for the two cores. Each prints its own table with the machine and inputs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const root = new URL('..', import.meta.url).pathname;
const benches = readdirSync(join(root, 'packages'))
  .map((p) => ({ name: p, file: join(root, 'packages', p, 'bench', 'index.ts') }))
  .filter((b) => existsSync(b.file) && (!only || b.name === only));
if (benches.length === 0) {
  console.error(only ? `bench: no benchmark for package "${only}"` : 'bench: no benchmarks found');
  process.exit(2);
}
let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b.name} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', b.file, ...process.argv.slice(3)], {
    stdio: 'inherit',
    cwd: join(root, 'packages', b.name),
  });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

/**
 * `npm run bench web`: the clinician's patient list at 100 000 patients, in the browser. Runs the e2e
 * journey e2e/journeys/patient-list-registry.ts alone (real server on PGlite, Debian's Chromium, the app
 * as built) with PATIENT_LIST_PAGES next-page clicks (BENCH_PAGES, default 20), then prints the steps it
 * timed: click → rows shown on the browser's clock, and the list requests themselves. The ratio column
 * sets each step against the median list request, so what the browser adds on top of the API shows.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = Number(process.env.BENCH_PAGES ?? 20);
const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(webDir, '..', '..');
const REQUEST = 'GET /api/patients?limit=50 (request → response end)';

interface Step {
  step: string;
  clicks: number;
  'median ms': number;
  'max ms': number;
}

const run = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'web', 'packages/web/e2e/all.e2e.test.ts', '-t', 'patient list at 100 000'],
  {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATIENT_LIST_PAGES: String(PAGES) },
  },
);
if (run.status !== 0) {
  console.error('bench web: the patient-list journey failed (run it alone to see why)');
  process.exit(1);
}
const record = JSON.parse(
  readFileSync(join(repoRoot, 'test-output', 'web', 'patient-list-100k.json'), 'utf8'),
) as { patients: number; pageSize: number; database: string; machine: string; seedMs: number; steps: Step[] };
const request = record.steps.find((s) => s.step === REQUEST)?.['median ms'] ?? Number.NaN;
console.log(
  `Patient list in the browser: ${record.patients} patients in one clinic, ${record.pageSize} a page, ` +
    `${PAGES} next-page clicks; ${record.database}; headless Chromium; ${record.machine}; ` +
    `load ${loadavg()[0]!.toFixed(1)}; set-up (seeding the patients) ${(record.seedMs / 1000).toFixed(1)} s`,
);
const rows = record.steps.map((s) => [
  s.step,
  String(s.clicks),
  String(s['median ms']),
  String(s['max ms']),
  (s['median ms'] / request).toFixed(1),
]);
const head = ['step', 'n', 'median ms', 'max ms', '× request'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log([line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));

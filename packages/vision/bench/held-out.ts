/**
 * Held-out faces (`npm run bench vision -- --held-out`): videos of faces made outside the project, run through
 * the real `hemispasm analyze <video> --json` (the CLI in a child process, as a user runs it). None has a
 * known spasm, so what is reported is what a healthy or unknown face gives: events, blinks, covered eyes.
 * Nothing may be downloaded but npm and Debian packages; the only face video found in either is OpenCV's
 * sample clip Megamind.avi (Debian opencv-doc, examples/data; fetched by scripts/test-faces.sh --held-out).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SpasmAnalysis } from '@hemispasm/core';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = execFileSync(
  'bash',
  [join(root, 'scripts/test-faces.sh'), join(root, 'node_modules/.cache/hemispasm-faces'), '--held-out'],
  { encoding: 'utf8' },
).trim();
const videos = [
  {
    file: 'Megamind.avi',
    source: 'Debian opencv-doc 4.6.0 (examples/data)',
    what: 'two rendered faces talking, cut between',
  },
];

console.log(
  `held-out faces through hemispasm analyze — machine: ${cpus()[0]?.model}, ${cpus().length} cores, node ${process.version}\n`,
);
const head = [
  'video',
  'source',
  'what',
  's',
  'fps',
  'no face s',
  'spasms',
  'blinks',
  'both-eye closures',
  'covered s (L/R)',
  'wall s',
];
const rows: string[][] = [];
for (const v of videos) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'packages/cli/bin/hemispasm.js'), 'analyze', join(dir, v.file), '--json'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`hemispasm analyze ${v.file}: exit ${r.status}\n${r.stderr}`);
  const a = JSON.parse(r.stdout) as SpasmAnalysis;
  rows.push([
    v.file,
    v.source,
    v.what,
    a.durationS.toFixed(1),
    String(a.fps),
    a.noFaceS.toFixed(1),
    String(a.spasmCount),
    String(a.blinkCount),
    String(a.bilateralClosureCount ?? 0),
    `${a.occludedS?.left.toFixed(1) ?? '–'}/${a.occludedS?.right.toFixed(1) ?? '–'}`,
    ((performance.now() - t0) / 1000).toFixed(0),
  ]);
  for (const e of a.events)
    process.stderr.write(
      `  ${v.file}: ${e.kind} ${e.side} ${e.startS}–${e.endS} s, ${e.regions.join('+')}\n`,
    );
}
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((x, i) => (i < 3 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
console.log(
  [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n'),
);

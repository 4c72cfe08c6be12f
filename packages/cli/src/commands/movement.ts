/**
 * `hemispasm movement <video|series.json> [--json] [--script file.json] [--mirrored] [--workers n]`: the
 * facial-movement test on a recorded video. The prompts' timing comes from the script file or the default
 * (the web page's); a recording that does not follow it is reported as such, movement by movement, and
 * nothing is guessed from movements made at other times.
 */
import { extname } from 'node:path';
import {
  analyzeMovement,
  InputError,
  MOVEMENT_NAMES,
  type MovementAnalysis,
  type MovementScript,
  type MovementSeries,
  parseMovementScript,
  romanGrade,
} from '@hemispasm/core';
import { extractMovementFromVideo } from '@hemispasm/vision';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { UsageError } from '../errors';
import { readJsonFile } from '../io';
import { type Output, printJson } from '../output';
import type { CommandModule } from './index';
import { type VideoFlags, videoOptions, videoProgress } from './signals';

/** Errors of a JSON file's content, prefixed with the file name so the path points somewhere. */
async function parseJsonFile<T>(path: string, parse: (v: unknown) => T): Promise<T> {
  const value = await readJsonFile(path);
  try {
    return parse(value);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.issues.map((i) => ({ path: `${path}: ${i.path}`, message: i.message })));
    throw e;
  }
}

/** A recorded video (measured here), or a landmark-measure series as JSON ({ frames, fps? }). */
async function loadMovementSeries(path: string, output: Output, flags: VideoFlags): Promise<MovementSeries> {
  if (extname(path).toLowerCase() === '.json')
    return parseJsonFile(path, (v) => {
      const frames = (v as { frames?: unknown } | null)?.frames;
      if (!Array.isArray(frames))
        throw new InputError([{ path: 'frames', message: 'expected an array of landmark-measure frames' }]);
      return v as MovementSeries;
    });
  const progress = videoProgress(output);
  try {
    return await extractMovementFromVideo(path, { ...videoOptions(flags), onProgress: progress.onProgress });
  } finally {
    progress.end();
  }
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x)} %`);
// A lid can read past shut (its margin travels further than the rest aperture the mesh saw): shown as 100 %.
const amp = (x: number | null, unit: string) =>
  x === null ? '—' : unit === 'closure' ? `${Math.round(100 * Math.min(1, x))} % shut` : x.toFixed(3);

export function formatMovement(path: string, a: MovementAnalysis): string {
  const lines = [
    `Facial movement test of ${path}`,
    `  recording  ${a.durationS.toFixed(1)} s at ${a.fps} fps` +
      (a.noFaceFrames > 0 ? `; no face in ${a.noFaceFrames} frames` : ''),
    a.followsPrompts
      ? '  prompts    followed (every movement made during its prompt)'
      : '  prompts    NOT FOLLOWED: the recording does not match the prompts, so these are not measured:',
    ...a.problems.map((p) => `    - ${p.message}`),
  ];
  const table = new Table({
    head: ['movement', 'left', 'right', 'symmetry', '95 % interval', 'weaker side'],
    style: { head: [], border: [] },
  });
  for (const m of a.movements) {
    table.push([
      MOVEMENT_NAMES[m.movement],
      amp(m.left, m.unit),
      amp(m.right, m.unit),
      m.status === 'measured' ? pct(m.symmetryPct) : m.status.replace('_', ' '),
      m.ciPct ? `${Math.round(m.ciPct[0])}–${Math.round(m.ciPct[1])} %` : '—',
      m.weakerSide ?? (m.status === 'measured' ? 'about equal' : '—'),
    ]);
  }
  lines.push('', table.toString(), '');
  if (a.rest)
    lines.push(
      `  at rest    palpebral fissures ${pct(a.rest.palpebralSymmetryPct)} symmetric (${a.rest.narrowerEye} narrower); ` +
        `mouth corners ${a.rest.mouthCornerHeightDiffPct.toFixed(1)} % of the inter-ocular distance apart in height (${a.rest.lowerCorner} lower)`,
    );
  lines.push(
    `  weakest    ${a.weakestMovement ? MOVEMENT_NAMES[a.weakestMovement] : '—'}; weaker side overall: ${a.weakerSide}`,
  );
  if (a.band) {
    const [best, worst] = a.band.gradeRange;
    const range = best === worst ? romanGrade(best) : `${romanGrade(best)}–${romanGrade(worst)}`;
    lines.push(
      `  band       ${romanGrade(a.band.grade)} (${a.band.side} side moves ${Math.round(a.band.functionPct)} % as much as the other in brow raise and smile; ` +
        `95 % interval ${Math.round(a.band.ciPct[0])}–${Math.round(a.band.ciPct[1])} %, i.e. ${range})`,
      `             ${a.band.label}`,
    );
  } else lines.push('  band       not estimated (it needs brow raise and smile measured)');
  lines.push(
    '',
    'Amplitudes are relative to rest: inter-ocular distances (brow, smile, pucker) or the fraction of the eye shut.',
    'Left and right are the patient’s sides. Symmetry = weaker side / stronger side.',
    `Analyzer ${a.analyzerVersion}. This measurement supports, and does not replace, the assessment of a physician.`,
  );
  return lines.join('\n');
}

export const movementCommand: CommandModule = {
  register(program: Command, output: Output) {
    program
      .command('movement')
      .description(
        'facial movement test on a recorded video of the six prompts (rest, brows, gentle and tight eye closure, smile, pucker): per-side movement, symmetry, band',
      )
      .argument('<input>', 'a face video, or a landmark-measure series as JSON ({ frames, fps })')
      .option('--json', 'print the analysis as JSON')
      .option(
        '--script <file.json>',
        'prompt timing { segments: [{ movement, startS, endS }], durationS } (default: the web page’s 31 s script)',
      )
      .option(
        '--mirrored',
        'a video that is mirrored (selfie recording): swap image sides back to patient sides',
      )
      .option('--workers <n>', 'video: worker threads (default: one per core, at most 2)')
      .action(async (input: string, flags: { json?: boolean; script?: string } & VideoFlags) => {
        const script: MovementScript | undefined = flags.script
          ? await parseJsonFile(flags.script, parseMovementScript)
          : undefined;
        const series = await loadMovementSeries(input, output, flags);
        if (!series.frames.some((f) => f.iod !== null))
          throw new UsageError(`${input}: no face in any frame; nothing can be measured`);
        const analysis = analyzeMovement(series, { script });
        if (flags.json) printJson(output, analysis);
        else output.out(formatMovement(input, analysis));
      });
  },
};

/**
 * `hemispasm analyze <signals.csv> [--json]`: finds spasms and blinks in a facial-signal series and
 * prints a readable summary (rate, duration, side, events) or, with --json, the SpasmAnalysis itself.
 * Video input is dispatched in `loadSeries` (the vision package adds that branch).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  analyzeSignals,
  checkSide,
  InputError,
  parseSignalCsv,
  type RecordedSide,
  type SideCheck,
  type SignalSeries,
  type SpasmAnalysis,
} from '@hemispasm/core';
import Table from 'cli-table3';
import { defineCommand } from '../command';
import { UsageError } from '../errors';
import { type Output, printJson } from '../output';
import { measureVideo, type VideoFlags, videoOptions } from './signals';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: file not found`);
    if (code === 'EISDIR') throw new UsageError(`${path}: is a directory, expected a signals CSV or a video`);
    if (code === 'EACCES') throw new UsageError(`${path}: permission denied`);
    throw new UsageError(`${path}: cannot read (${code ?? 'unknown error'})`);
  }
}

/** A facial-signal CSV, its errors prefixed with the file name so the line/column point somewhere. */
async function loadCsv(path: string): Promise<SignalSeries> {
  const text = await readText(path);
  try {
    return parseSignalCsv(text);
  } catch (e) {
    if (e instanceof InputError) {
      throw new InputError(e.issues.map((i) => ({ path: `${path}, ${i.path}`, message: i.message })));
    }
    throw e;
  }
}

/** The one place that decides how an input file becomes a signal series. */
export async function loadSeries(
  path: string,
  output?: Output,
  video: VideoFlags = {},
): Promise<SignalSeries> {
  if (extname(path).toLowerCase() === '.csv') return loadCsv(path);
  // Anything else is measured as a video (ffprobe decides; not a video → exit 2 naming the file).
  const silent: Output = { out() {}, err() {}, isTTY: false };
  return measureVideo(path, output ?? silent, videoOptions(video));
}

/** Refuses series that cannot be analysed, rather than reporting "no spasm" for them. */
export function checkMeasurable(path: string, series: SignalSeries): void {
  if (series.frames.length === 0) throw new UsageError(`${path}: no frames (only a header)`);
  if (series.frames.every((f) => f.eyeL === null || f.eyeR === null))
    throw new UsageError(`${path}: no face in any frame; nothing can be measured`);
}

const SIDE_TEXT: Record<SpasmAnalysis['side'], string> = {
  left: "left (the patient's left side)",
  right: "right (the patient's right side)",
  bilateral: 'both sides (bilateral), which is uncommon in hemifacial spasm: worth a physician’s review',
  none: 'none: no spasm found',
};

const n1 = (x: number) => x.toFixed(1);

/** Plain-language red flag for bilateral closures (clinical evidence §3.1–3.2; web: i18n selfTest.redFlagBilateral). */
export const BILATERAL_CLOSURE_WARNING =
  'Both eyes closed together for more than half a second. Closures of both eyes are not typical of hemifacial ' +
  'spasm (which affects one side); they can be a sign of another condition, such as blepharospasm. Show this ' +
  'result to a doctor.';

const SIDE_NAME: Record<string, string> = {
  left: 'left',
  right: 'right',
  bilateral: 'both sides',
  none: 'none',
};

/** The side-check warning, naming both sides (null when they agree or there are fewer than 3 events). */
export function sideWarning(c: SideCheck): string | null {
  if (c.status !== 'differs') return null;
  return (
    `Side check: ${c.events} spasms were measured on the ${SIDE_NAME[c.measuredSide]} side, but the patient's ` +
    `recorded affected side is ${SIDE_NAME[c.recordedSide]}. Check the record, and whether the video is mirrored (--mirrored).`
  );
}

export function formatAnalysis(path: string, a: SpasmAnalysis, side?: SideCheck): string {
  const lines = [
    `Spasm analysis of ${path}`,
    `  duration  ${n1(a.durationS)} s at ${a.fps} fps` +
      (a.noFaceFrames > 0 ? `; no face in ${a.noFaceFrames} frames (${n1(a.noFaceS)} s), not measured` : ''),
    `  side      ${SIDE_TEXT[a.side]}`,
    `  spasms    ${a.spasmCount} (${n1(a.spasmsPerMinute)} per minute), ${n1(100 * a.spasmTimeFraction)} % of the time, longest ${n1(a.longestSpasmS)} s`,
    `  blinks    ${a.blinkCount} (${n1(a.blinksPerMinute)} per minute)`,
  ];
  const covered = (['left', 'right'] as const).filter((s) => (a.occludedS?.[s] ?? 0) > 0);
  if (covered.length > 0)
    lines.push(
      `  covered   ${covered.map((s) => `${s} eye ${n1(a.occludedS![s])} s`).join(', ')} (a hand or glasses frame in front of it): not measured`,
    );
  if (a.bilateralClosureCount)
    lines.push(
      `  closures of both eyes > 0.5 s  ${a.bilateralClosureCount}`,
      '',
      `RED FLAG: ${BILATERAL_CLOSURE_WARNING}`,
    );
  const warning = side && sideWarning(side);
  if (warning) lines.push('', `WARNING: ${warning}`);
  if (a.events.length > 0) {
    const table = new Table({
      head: ['#', 'start s', 'end s', 'length s', 'kind', 'side', 'regions', 'peak closure'],
      style: { head: [], border: [] },
      // No rule between rows: an analysis can list hundreds of events.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    a.events.forEach((e, i) => {
      table.push([
        String(i + 1),
        e.startS.toFixed(2),
        e.endS.toFixed(2),
        (e.endS - e.startS).toFixed(2),
        e.kind,
        e.side,
        e.regions.join('+'),
        `${Math.round(100 * e.peakClosure)} %`,
      ]);
    });
    lines.push('', table.toString());
  }
  lines.push(
    '',
    `Rates are per minute of time with a face in view. Analyzer ${a.analyzerVersion}.`,
    'This measurement supports, and does not replace, the assessment of a physician.',
  );
  return lines.join('\n');
}

function parseRecordedSide(value: string | undefined): RecordedSide | undefined {
  if (value === undefined) return undefined;
  if (value === 'left' || value === 'right' || value === 'bilateral') return value;
  throw new UsageError(`--affected-side: expected left, right or bilateral, got "${value}"`);
}

export const analyzeCommand = defineCommand(
  'analyze',
  'find spasms and blinks in a facial-signal CSV (t,eye_l,eye_r,mouth_l,mouth_r): rate, duration, side, events',
  (command, output) =>
    command
      .argument('<input>', 'a facial-signal CSV (as written by `hemispasm signals`) or a face video')
      .option('--json', 'print the analysis as JSON')
      .option(
        '--mirrored',
        'a video that is mirrored (selfie recording): swap image sides back to patient sides',
      )
      .option('--workers <n>', 'video: worker threads (default: one per core, at most 2)')
      .option(
        '--affected-side <side>',
        "the patient's recorded affected side (left, right or bilateral): warn when the measurement (≥ 3 spasms) says otherwise",
      )
      .action(async (input: string, flags: { json?: boolean; affectedSide?: string } & VideoFlags) => {
        const recorded = parseRecordedSide(flags.affectedSide);
        const series = await loadSeries(input, output, flags);
        checkMeasurable(input, series);
        const analysis = analyzeSignals(series);
        const side = recorded ? checkSide(analysis, recorded) : undefined;
        if (flags.json)
          printJson(
            output,
            side ? { ...analysis, sideCheck: { ...side, warning: sideWarning(side) } } : analysis,
          );
        else output.out(formatAnalysis(input, analysis, side));
      }),
);

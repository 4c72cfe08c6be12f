/**
 * The facial-signal CSV: the interchange the CLI reads and writes.
 *   header  t,eye_l,eye_r,mouth_l,mouth_r[,yaw][,roll][,occluded_l,occluded_r][,more…]   (extra columns are
 *           allowed and ignored; `yaw` and `roll` (head pose, degrees) are kept, and `occluded_l`/`occluded_r`:
 *           1 = that eye is covered in the frame)
 *   t       seconds, strictly increasing
 *   cells   numbers; an empty cell means no face in that frame
 * Errors name the line (1-based, the header is line 1) and the column, so a person can fix the file.
 */
import { InputError, type InputIssue } from '../validation';
import type { SignalFrame, SignalSeries } from './types';

export const SIGNAL_CSV_COLUMNS = ['t', 'eye_l', 'eye_r', 'mouth_l', 'mouth_r'] as const;
const VALUE_KEYS = ['eyeL', 'eyeR', 'mouthL', 'mouthR'] as const;
/** Stop collecting after this many problems: a wrong file would otherwise print thousands of lines. */
const MAX_ISSUES = 10;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseCell(raw: string): number | null | 'bad' {
  const s = raw.trim();
  if (s === '') return null;
  if (!NUMBER.test(s)) return 'bad';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

function show(raw: string): string {
  const s = raw.trim();
  return `"${s.length > 20 ? `${s.slice(0, 20)}…` : s}"`;
}

export function parseSignalCsv(text: string): SignalSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (lines.length === 0) {
    throw new InputError([
      { path: 'line 1', message: `empty file; expected the header ${SIGNAL_CSV_COLUMNS.join(',')}` },
    ]);
  }
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const headerIssues: InputIssue[] = [];
  SIGNAL_CSV_COLUMNS.forEach((name, i) => {
    if (header[i] !== name) {
      headerIssues.push({
        path: `line 1, column ${i + 1}`,
        message: `expected "${name}", got ${header[i] === undefined ? 'nothing' : show(header[i]!)} (the header must start with ${SIGNAL_CSV_COLUMNS.join(',')})`,
      });
    }
  });
  if (headerIssues.length > 0) throw new InputError(headerIssues);
  const poseCols = { yaw: header.indexOf('yaw'), roll: header.indexOf('roll') };
  const occCols = { occludedL: header.indexOf('occluded_l'), occludedR: header.indexOf('occluded_r') };

  const frames: SignalFrame[] = [];
  const issues: InputIssue[] = [];
  let lastT = Number.NEGATIVE_INFINITY;
  for (let li = 1; li < lines.length && issues.length < MAX_ISSUES; li++) {
    const line = lines[li]!;
    const lineNo = li + 1;
    if (line.trim() === '') {
      issues.push({ path: `line ${lineNo}`, message: 'empty line' });
      continue;
    }
    const cells = line.split(',');
    if (cells.length < SIGNAL_CSV_COLUMNS.length) {
      issues.push({
        path: `line ${lineNo}`,
        message: `expected at least ${SIGNAL_CSV_COLUMNS.length} cells, got ${cells.length}`,
      });
      continue;
    }
    const t = parseCell(cells[0]!);
    if (t === null || t === 'bad') {
      issues.push({
        path: `line ${lineNo}, column t`,
        message: t === null ? 'required (time in seconds)' : `expected a number, got ${show(cells[0]!)}`,
      });
      continue;
    }
    if (t < 0 || t <= lastT) {
      issues.push({
        path: `line ${lineNo}, column t`,
        message:
          t < 0 ? `must be ≥ 0, got ${t}` : `must increase (previous line has t=${lastT}, this one ${t})`,
      });
      continue;
    }
    lastT = t;
    const frame: SignalFrame = { t, eyeL: null, eyeR: null, mouthL: null, mouthR: null };
    let ok = true;
    VALUE_KEYS.forEach((key, k) => {
      const v = parseCell(cells[k + 1]!);
      if (v === 'bad') {
        ok = false;
        issues.push({
          path: `line ${lineNo}, column ${SIGNAL_CSV_COLUMNS[k + 1]}`,
          message: `expected a number or an empty cell (no face), got ${show(cells[k + 1]!)}`,
        });
      } else frame[key] = v;
    });
    for (const [key, col] of Object.entries(poseCols) as Array<[keyof typeof poseCols, number]>) {
      if (col < 0 || cells[col] === undefined) continue;
      const v = parseCell(cells[col]);
      if (v === 'bad') {
        ok = false;
        issues.push({
          path: `line ${lineNo}, column ${key}`,
          message: `expected a number, got ${show(cells[col])}`,
        });
      } else frame[key] = v;
    }
    for (const [key, col] of Object.entries(occCols) as Array<[keyof typeof occCols, number]>) {
      const raw = col >= 0 ? cells[col]?.trim() : undefined;
      if (raw === undefined || raw === '' || raw === '0') continue;
      if (raw === '1') frame[key] = true;
      else {
        ok = false;
        issues.push({
          path: `line ${lineNo}, column ${key === 'occludedL' ? 'occluded_l' : 'occluded_r'}`,
          message: `expected 1 (covered), 0 or an empty cell, got ${show(raw)}`,
        });
      }
    }
    if (ok) frames.push(frame);
  }
  if (issues.length > 0) throw new InputError(issues);
  return { frames };
}

function cell(v: number | null | undefined): string {
  // String(n) is the shortest text that reads back to exactly the same number, so the CSV round-trips.
  return v === null || v === undefined ? '' : String(v);
}

export function formatSignalCsv(series: SignalSeries): string {
  const withYaw = series.frames.some((f) => f.yaw !== undefined && f.yaw !== null);
  const withRoll = series.frames.some((f) => f.roll !== undefined && f.roll !== null);
  const withOcc = series.frames.some((f) => f.occludedL !== undefined || f.occludedR !== undefined);
  const head = [
    ...SIGNAL_CSV_COLUMNS,
    ...(withYaw ? ['yaw'] : []),
    ...(withRoll ? ['roll'] : []),
    ...(withOcc ? ['occluded_l', 'occluded_r'] : []),
  ].join(',');
  const rows = series.frames.map((f) => {
    const base = [cell(f.t), cell(f.eyeL), cell(f.eyeR), cell(f.mouthL), cell(f.mouthR)];
    if (withYaw) base.push(cell(f.yaw));
    if (withRoll) base.push(cell(f.roll));
    if (withOcc) base.push(f.occludedL ? '1' : '0', f.occludedR ? '1' : '0');
    return base.join(',');
  });
  return `${[head, ...rows].join('\n')}\n`;
}

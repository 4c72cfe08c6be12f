import { describe, expect, it } from 'vitest';
import { formatSignalCsv, parseSignalCsv } from '../../src/signals/csv';
import { DEFAULT_SCENARIO, generateScenario } from '../../src/signals/synthetic';
import { InputError } from '../../src/validation';

function issuesOf(text: string) {
  try {
    parseSignalCsv(text);
  } catch (e) {
    if (e instanceof InputError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('signal CSV', () => {
  it('round-trips a generated series exactly, no-face frames included', () => {
    const { series } = generateScenario({ ...DEFAULT_SCENARIO, durationS: 8, noFaceStretches: 1, seed: 5 });
    const text = formatSignalCsv(series);
    expect(text.split('\n')[0]).toBe('t,eye_l,eye_r,mouth_l,mouth_r');
    const back = parseSignalCsv(text);
    expect(back.frames).toEqual(series.frames);
    expect(back.frames.some((f) => f.eyeL === null)).toBe(true);
  });

  it('reads empty cells as no face, keeps the yaw and roll columns and ignores other extra columns', () => {
    const s = parseSignalCsv(
      't,eye_l,eye_r,mouth_l,mouth_r,yaw,conf,roll\n0,0.3,0.31,0.01,0.02,4.5,0.9,-7.25\n0.04,,,,,,,\r\n',
    );
    expect(s.frames).toEqual([
      { t: 0, eyeL: 0.3, eyeR: 0.31, mouthL: 0.01, mouthR: 0.02, yaw: 4.5, roll: -7.25 },
      { t: 0.04, eyeL: null, eyeR: null, mouthL: null, mouthR: null, yaw: null, roll: null },
    ]);
    expect(parseSignalCsv(formatSignalCsv(s)).frames).toEqual(s.frames);
  });

  it('names the column when the header is wrong or short', () => {
    expect(issuesOf('t,eye_r,eye_l,mouth_l,mouth_r\n0,1,1,0,0\n')).toEqual([
      expect.stringMatching(/^line 1, column 2: expected "eye_l", got "eye_r"/),
      expect.stringMatching(/^line 1, column 3: expected "eye_r", got "eye_l"/),
    ]);
    expect(issuesOf('t,eye_l,eye_r\n')[0]).toMatch(/^line 1, column 4: expected "mouth_l", got nothing/);
    expect(issuesOf('')[0]).toMatch(/^line 1: empty file/);
  });

  it('names line and column of a non-numeric cell, a short row and a time that does not increase', () => {
    const text =
      't,eye_l,eye_r,mouth_l,mouth_r\n0,0.3,0.3,0,0\n0.1,0.3,abc,0,0\n0.2,0.3\n0.2,0.3,0.3,0,0\n0.15,0.3,0.3,0,0\n';
    expect(issuesOf(text)).toEqual([
      'line 3, column eye_r: expected a number or an empty cell (no face), got "abc"',
      'line 4: expected at least 5 cells, got 2',
      expect.stringMatching(/^line 6, column t: must increase/),
    ]);
    expect(issuesOf('t,eye_l,eye_r,mouth_l,mouth_r\n,0.3,0.3,0,0\n')[0]).toMatch(
      /^line 2, column t: required/,
    );
    expect(issuesOf('t,eye_l,eye_r,mouth_l,mouth_r\n0,0.3,Infinity,0,0\n')[0]).toMatch(
      /^line 2, column eye_r/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, InputError, parseInput } from '../src/validation';

const schema = z.strictObject({
  imaging: z.strictObject({ mri: z.enum(['not_done', 'normal', 'neurovascular_conflict', 'lesion']) }),
  age: z.number().int().min(0).max(120),
});

function issuesOf(input: unknown) {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseInput', () => {
  it('names the field and the allowed values for a bad enum', () => {
    expect(formatIssues(issuesOf({ imaging: { mri: 'ct' }, age: 40 }))).toBe(
      'imaging.mri: expected one of not_done, normal, neurovascular_conflict, lesion',
    );
  });
  it('reports missing fields, unknown fields and bounds, one issue each', () => {
    const issues = issuesOf({ imaging: {}, age: 200, extra: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['age', 'extra', 'imaging.mri']);
    expect(issues.find((i) => i.path === 'age')?.message).toBe('must be ≤ 120');
    expect(issues.find((i) => i.path === 'extra')?.message).toBe('unknown field');
  });
  it('returns the parsed value for good input', () => {
    expect(parseInput(schema, { imaging: { mri: 'normal' }, age: 61 })).toEqual({
      imaging: { mri: 'normal' },
      age: 61,
    });
  });
});

describe('wrong types', () => {
  it('says what was given rather than calling the field missing', () => {
    const issues = issuesOf({ imaging: { mri: 'normal' }, age: '56' });
    expect(formatIssues(issues)).toBe('age: expected number, got "56"');
  });
});

/** Schemas and helpers shared by the route files. */
import { z } from 'zod';
import { ProblemSchema } from '../http/errors';
import { Uuid } from '../http/uuid';

export { Uuid };
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('Date and time, ISO 8601 with offset');

export const PatientParams = z.strictObject({ patientId: Uuid });

/** Problem responses every API route may give, for the OpenAPI document and response serialization. */
export const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  429: ProblemSchema,
  503: ProblemSchema,
} as const;

export const iso = (d: Date) => d.toISOString();

/** C0 controls other than tab, newline and carriage return, and DEL. */
function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return true;
  }
  return false;
}

/** A free-text field: trimmed, bounded, no control characters other than newlines and tabs. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasControlChars(s), 'must not contain control characters');

export const jsonText = (v: unknown) => JSON.stringify(v);

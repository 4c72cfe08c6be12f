/**
 * Schemas and helpers shared by the route files, and the shared input rules: what a free text, a key
 * and a date may be. Each rule is written once here and used by every route (and by the FHIR import),
 * so a field cannot be forgotten by one route and checked by another.
 */
import { z } from 'zod';
import { ProblemSchema } from '../http/errors';
import { Uuid } from '../http/uuid';

export { Uuid };

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

/**
 * A stored timestamp as ISO 8601. Never throws: a value no JavaScript Date can hold (PostgreSQL's
 * `infinity`, or a year beyond ±275760 stored by an older version) is returned as its text, so one odd
 * row cannot make a patient's record unreadable.
 */
export const iso = (d: Date): string => {
  if (d instanceof Date && !Number.isNaN(d.getTime())) return d.toISOString();
  return String(d);
};

/**
 * A stored timestamp as ISO 8601 with a four-digit year (0001–9999), as FHIR and most systems require, or
 * undefined for a value outside that (the caller leaves the element out rather than write an invalid one).
 */
export const isoWithin4DigitYears = (d: Date): string | undefined => {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return undefined;
  const year = d.getUTCFullYear();
  return year >= 1 && year <= 9999 ? d.toISOString() : undefined;
};

/** What every stored row of a patient answers besides its own fields: its id, patient, author and time. */
export const storedFields = (r: {
  id: string;
  patient_id: string;
  created_by: string;
  created_at: Date;
}) => ({
  id: r.id,
  patientId: r.patient_id,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
});

/** A snake_case column name in the API's camelCase (`patient_id` → `patientId`), as a type. */
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** A stored row as the API spells it: camelCase names, `createdAt` as ISO 8601. */
export type ApiRow<R> = { [K in keyof R & string as Camel<K>]: R[K] } & { createdAt: string };

// Column names are few: each is converted once (a regex per column of every row answered otherwise).
const camelNames = new Map<string, string>();
const camel = (name: string) => {
  let c = camelNames.get(name);
  if (c === undefined) {
    c = name.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    if (camelNames.size < 1000) camelNames.set(name, c);
  }
  return c;
};

/**
 * A stored row of a patient with its columns named as the API names them (`assessed_on` → `assessedOn`,
 * the mapping every collection's response follows) and `created_at` as ISO 8601. The route's response
 * schema says what is sent: a column it does not name is dropped when the response is serialized.
 */
export function apiRow<R extends { created_at: Date }>(r: R): ApiRow<R> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[camel(k)] = v;
  out.createdAt = iso(r.created_at);
  return out as ApiRow<R>;
}

export const jsonText = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------------------------------------------
// Strings. Free text may hold tab, newline and carriage return; nothing else below U+0020, no DEL, no
// C1 control (U+0080–U+009F), and no unpaired surrogate (PostgreSQL refuses NUL in text and \u0000 or a
// lone surrogate in jsonb; the other controls are refused because no clinic writes them and they hide
// text in logs, terminals and exports). Keys (object keys, ids, codes, versions) allow no control at all.

/** A control character: C0 (except tab, newline, carriage return where `allowNewlines`), DEL or C1. */
function isControl(c: number, allowNewlines: boolean): boolean {
  if (c < 0x20) return !(allowNewlines && (c === 0x09 || c === 0x0a || c === 0x0d));
  return c >= 0x7f && c <= 0x9f;
}

function stringProblem(s: string, allowNewlines: boolean): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isControl(c, allowNewlines)) return allowNewlines ? TEXT_RULE_MESSAGE : KEY_RULE_MESSAGE;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate must be followed by a low one; a low one must follow a high one.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return SURROGATE_MESSAGE;
    }
  }
  return undefined;
}

export const TEXT_RULE_MESSAGE = 'must not contain control characters (tab and newline are allowed)';
export const KEY_RULE_MESSAGE = 'must not contain control characters';
export const SURROGATE_MESSAGE = 'must be valid Unicode text (an unpaired surrogate was found)';

/** Why a free-text value breaks the shared rule, or undefined when it keeps it. */
export const textProblem = (s: string): string | undefined => stringProblem(s, true);

/** Why a key breaks the shared rule, or undefined when it keeps it. */
export const keyProblem = (s: string): string | undefined => stringProblem(s, false);

/** A free-text field: bounded, no control characters other than tab and newlines. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const p = textProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });

/** A key, identifier, code or version string: bounded, at least one character, no control characters. */
export const key = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((s, ctx) => {
      const p = keyProblem(s);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });

// ---------------------------------------------------------------------------------------------------
// Dates. Every date a route accepts has a range: from 1900-01-01 to today + 1 day for things that
// happened (one day ahead of the server's UTC date for time zones), to today + 2 years for treatment
// episodes (a planned operation). Dates outside are refused with a 400 naming the field, so nothing is
// stored that PostgreSQL, JavaScript or FHIR would read back differently (year 0001, 9999-12-31 with an
// offset that rolls into year 10000, BC dates).

export const EARLIEST_DATE = '1900-01-01';
const DAY_MS = 86_400_000;

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The latest day a thing that happened may carry: today (UTC) + 1 day. */
export const latestPastDate = (now = Date.now()) => utcDay(now + DAY_MS);
/** The latest day a treatment episode may carry: today (UTC) + 2 years. */
export const latestEpisodeDate = (now = Date.now()) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return utcDay(d.getTime());
};

function dateWithin(latest: () => string) {
  return z.iso.date({ abort: true }).superRefine((v, ctx) => {
    if (v < EARLIEST_DATE) ctx.addIssue({ code: 'custom', message: `must be ${EARLIEST_DATE} or later` });
    else {
      const max = latest();
      if (v > max) ctx.addIssue({ code: 'custom', message: `must be ${max} or earlier` });
    }
  });
}

/** A day something happened (birth, onset, diary day, assessment, follow-up). */
export const PastDate = dateWithin(latestPastDate).describe(
  `Calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to today + 1 day`,
);
/** A treatment episode's start or end day (may be planned up to two years ahead). */
export const EpisodeDate = dateWithin(latestEpisodeDate).describe(
  `Calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to today + 2 years`,
);
/** A date bound in a query (from, to): any day in the range a stored date can have. */
export const QueryDate = dateWithin(latestEpisodeDate).describe(
  `Calendar date, YYYY-MM-DD, from ${EARLIEST_DATE} to today + 2 years`,
);

const MAX_OFFSET_MINUTES = 14 * 60; // UTC+14:00 (Line Islands) is the widest offset in use

function dateTimeWithin(latestMs: () => number, latestText: string) {
  return z.iso.datetime({ offset: true, abort: true }).superRefine((v, ctx) => {
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(v);
    if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES) {
      ctx.addIssue({ code: 'custom', message: 'time-zone offset must be within ±14:00' });
      return;
    }
    const ms = Date.parse(v);
    if (Number.isNaN(ms) || ms < Date.parse(`${EARLIEST_DATE}T00:00:00Z`)) {
      ctx.addIssue({ code: 'custom', message: `must be ${EARLIEST_DATE} or later` });
    } else if (ms > latestMs()) {
      ctx.addIssue({ code: 'custom', message: `must not be later than ${latestText}` });
    }
  });
}

/** A moment something happened: ISO 8601 with an offset of at most ±14:00, 1900-01-01 to now + 1 day. */
export const PastDateTime = dateTimeWithin(() => Date.now() + DAY_MS, 'now + 1 day').describe(
  `Date and time, ISO 8601 with offset, from ${EARLIEST_DATE} to now + 1 day`,
);
/** A treatment episode's moment (FHIR import): 1900-01-01 to today + 2 years. */
export const EpisodeDateTime = dateTimeWithin(
  () => Date.parse(`${latestEpisodeDate()}T23:59:59.999Z`),
  'today + 2 years',
).describe(`Date and time, ISO 8601 with offset, from ${EARLIEST_DATE} to today + 2 years`);

/** A calendar date's format only (YYYY-MM-DD, a real day, no range). Inputs use PastDate, EpisodeDate or QueryDate. */
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
/** A moment something happened (input): the same rule as PastDateTime. */
export const IsoDateTime = PastDateTime;

/**
 * A stored date in a response, sent as it is. Responses are checked against their schema when sent, so
 * a response schema stricter than what is stored would turn one odd stored value (a BC date, a year
 * beyond 9999 written by hand or by an older version) into an unreadable record; the range is enforced
 * on input instead.
 */
export const StoredDate = z.string().describe('Calendar date, YYYY-MM-DD');

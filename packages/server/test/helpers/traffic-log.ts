/**
 * The debug log of the whole server suite's traffic, and what that traffic said about people.
 *
 * Every app a test world builds (helpers/world.ts) logs at debug level into this file's buffer, and every
 * request injected into it is noted: each id, e-mail and free-text value in its URL, headers and body, and
 * in the answer. After each test file, `log-guard.ts` (a vitest setup file) searches the buffer for every
 * one of them; none may appear. So the check covers everything the suite sends — the authorization
 * matrix, the fuzz test's generated input, the FHIR round trips — not a hand-picked sample.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

const lines: string[] = [];
const secrets = new Set<string>();
const apps: FastifyInstance[] = [];

/** A pino destination: the suite's log. */
export function debugLogger(): { level: 'debug'; stream: Writable } {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { level: 'debug', stream };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
/** Values that say nothing about a person: enum values, codes, dates, numbers, route templates. */
const STRUCTURAL = [
  /^[a-z][a-z0-9_./:-]*$/, // enums, instrument ids and codes, FHIR codes
  /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, // dates and date-times
  /^(GET|POST|PATCH|PUT|DELETE|HEAD) \//, // audit rows' route templates
  /^\/(api|cds-services|docs)\b/, // route templates and the app's own URLs
];
/** Keys whose values are meant for logs (request ids). */
const LOGGABLE_KEYS = new Set(['requestId', 'x-request-id']);
const FIELD_NAME = /^[a-z][A-Za-z0-9]*$/;
const MAX_SECRET = 80;

function note(s: string): void {
  if (UUID.test(s) || EMAIL.test(s)) {
    secrets.add(s).add(s.toLowerCase());
    return;
  }
  if (s.length < 6 || !/\p{L}/u.test(s) || STRUCTURAL.some((r) => r.test(s))) return;
  secrets.add(s.slice(0, MAX_SECRET));
}

/** Notes every id, e-mail and free-text value in a JSON value. */
export function noteValues(v: unknown): void {
  if (typeof v === 'string') note(v);
  else if (Array.isArray(v)) for (const x of v) noteValues(x);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (LOGGABLE_KEYS.has(k)) continue;
      if (!FIELD_NAME.test(k)) note(k); // a key of free text (preference answers), not a schema field
      noteValues(x);
    }
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function noteUrl(url: string): void {
  const [path = '', query = ''] = url.split('?', 2);
  for (const seg of path.split('/')) note(decoded(seg));
  for (const pair of query.split('&')) for (const part of pair.split('=', 2)) note(decoded(part));
}

function noteBody(payload: unknown): void {
  if (payload === undefined || payload === null) return;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
    noteValues(payload);
    return;
  }
  const text = String(payload);
  try {
    noteValues(JSON.parse(text));
  } catch {
    note(text);
  }
}

/** Makes `app.inject` note each request it sends and each answer it gets. */
export function recordTraffic(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (o: InjectOptions) => Promise<LightMyRequestResponse>;
  const recorded = async (opts: InjectOptions | string): Promise<LightMyRequestResponse> => {
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const url = typeof o.url === 'string' ? o.url : (o.path as string | undefined);
    if (url) noteUrl(url);
    for (const [k, v] of Object.entries(o.headers ?? {}))
      if (!LOGGABLE_KEYS.has(k) && typeof v === 'string') note(v);
    noteBody(o.payload ?? o.body);
    const res = await inject(o);
    // The OpenAPI document describes the routes; it carries no one's data.
    if (/json/.test(String(res.headers['content-type'])) && !url?.startsWith('/docs')) noteBody(res.body);
    return res;
  };
  apps.push(app);
  (app as unknown as { inject: typeof recorded }).inject = recorded;
}

/** How the suite's log reads a value: JSON-escaped, as pino writes strings. */
const asLogged = (s: string) => JSON.stringify(s).slice(1, -1);

/** Every noted value that the log holds, and the sizes of what was searched; then starts afresh. */
export function takeLeaks(): { leaked: string[]; lines: number; secrets: number } {
  const log = lines.join('');
  // The words of route templates (`fhir`, `Bundle`, `patientId`) are logged by design and name no one.
  const routeWords = new Set(apps.flatMap((a) => a.routeTable.flatMap((r) => r.url.split(/[/:{}]/))));
  const leaked = [...secrets].filter((s) => !routeWords.has(s) && log.includes(asLogged(s)));
  const out = { leaked, lines: lines.length, secrets: secrets.size };
  lines.length = 0;
  secrets.clear();
  apps.length = 0;
  return out;
}

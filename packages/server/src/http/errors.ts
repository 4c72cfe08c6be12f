/**
 * The one catalogue of API errors. Every error response is `application/problem+json` (RFC 9457) with
 * a stable `code`, the HTTP status and title from this table, and — for bad input — `issues` naming
 * each field at fault (`body.severity`, `params.patientId`, …).
 */
import type { InputIssue } from '@hemispasm/core';
import { z } from 'zod';

export const ERRORS = {
  validation_failed: { status: 400, title: 'The request has invalid or missing fields' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  bad_request: { status: 400, title: 'The request is malformed' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  bad_credentials: { status: 401, title: 'Email or password is wrong' },
  invalid_token: { status: 401, title: 'Missing or invalid bearer JWT (CDS Hooks: signed by a trusted EHR)' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token (X-CSRF-Token header)' },
  forbidden: { status: 403, title: 'You may not access this resource' },
  not_found: { status: 404, title: 'No such resource' },
  method_not_allowed: { status: 405, title: 'This method is not allowed here' },
  conflict: { status: 409, title: 'The request conflicts with existing data' },
  precondition_failed: { status: 412, title: 'A precondition of the request failed' },
  prefetch_missing: { status: 412, title: 'The prefetched FHIR data this CDS service needs was not sent' },
  body_too_large: { status: 413, title: 'The request body is too large' },
  uri_too_long: { status: 414, title: 'The URL is too long' },
  unsupported_media_type: { status: 415, title: 'Send the body as application/json' },
  range_not_satisfiable: { status: 416, title: 'The requested range cannot be served' },
  rate_limited: { status: 429, title: 'Too many sign-in attempts; wait and try again' },
  internal: { status: 500, title: 'Internal server error' },
  audit_unavailable: {
    status: 503,
    title: 'The audit trail cannot be written: nothing was stored or shown; try again later',
  },
  keys_unavailable: { status: 503, title: "The EHR's signing keys could not be fetched (JWKS URL)" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly issues: InputIssue[];
  readonly detail: string | undefined;
  constructor(code: ErrorCode, opts: { issues?: InputIssue[]; detail?: string } = {}) {
    super(opts.detail ?? ERRORS[code].title);
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.issues = opts.issues ?? [];
    this.detail = opts.detail;
  }
}

/** An ApiError about one field, e.g. `fieldError('not_found', 'body.episodeId', 'no such episode')`. */
export const fieldError = (code: ErrorCode, path: string, message: string): ApiError =>
  new ApiError(code, { issues: [{ path, message }] });

export const ProblemSchema = z
  .object({
    type: z.string().describe('URI naming the error kind: urn:hemispasm:error:<code>'),
    code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]),
    status: z.number().int(),
    title: z.string(),
    detail: z.string().optional(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per field at fault; path is dotted and starts with body, params or querystring'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export function problemBody(e: ApiError, requestId?: string): Problem {
  return {
    type: `urn:hemispasm:error:${e.code}`,
    code: e.code,
    status: e.statusCode,
    title: ERRORS[e.code].title,
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.issues.length ? { issues: e.issues } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * Turns every failure into a problem+json response from the catalogue: our own ApiErrors, Fastify's
 * body-parsing errors (malformed JSON, too large, wrong media type), PostgreSQL errors that mean "this
 * input cannot be stored" (a constraint the schema checks but a route did not, a character or date the
 * database refuses), other plugins' 4xx errors (static files: a forbidden path, an unsatisfiable range),
 * a URL that is not validly percent-encoded — and anything else into a logged 500 that never carries
 * internals to the client. What is logged of an error is decided in one place, `log-redaction.ts`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, type ErrorCode, problemBody } from './errors';
import { isDatabaseError, loggableError } from './log-redaction';
import { PRE_ROUTING_HEADERS } from './security-headers';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
  FST_ERR_BAD_URL: 'bad_request',
};

// PostgreSQL SQLSTATEs that mean "your data clashes with stored data" or "this value cannot be stored",
// not "the server broke".
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23503': 'conflict', // foreign_key_violation
  '23514': 'validation_failed', // check_violation
  '22P02': 'validation_failed', // invalid_text_representation
  '22007': 'validation_failed', // invalid_datetime_format
  '22008': 'validation_failed', // datetime_field_overflow
  '22009': 'validation_failed', // invalid_time_zone_displacement_value
  '22021': 'validation_failed', // character_not_in_repertoire (a NUL byte in text)
  '22P05': 'validation_failed', // untranslatable_character (\u0000 in jsonb)
  '22003': 'validation_failed', // numeric_value_out_of_range
  '22001': 'validation_failed', // string_data_right_truncation
};
const PG_DETAIL: Record<string, string> = {
  '22021': 'a text contains a character that cannot be stored (a NUL byte)',
  '22P05': 'a text contains a character that cannot be stored (\\u0000)',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22009': 'a time-zone offset is out of range',
  '22003': 'a number is out of range',
};

/** Other plugins' 4xx errors (e.g. @fastify/static, @fastify/send), by status. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'body_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  416: 'range_not_satisfiable',
  429: 'rate_limited',
};

export function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_ERR_BAD_URL') {
    return new ApiError('bad_request', { detail: 'The URL is not validly percent-encoded' });
  }
  if (typeof code === 'string' && code in FASTIFY_CODES) {
    return new ApiError(FASTIFY_CODES[code]!, { detail: (err as Error).message });
  }
  if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) {
    return new ApiError('malformed_json', { detail: err.message });
  }
  if (isDatabaseError(err)) {
    const mapped = PG_CODES[err.code];
    if (!mapped) return undefined;
    const pgErr = err as { constraint?: string; column?: string };
    const field = pgErr.column ?? pgErr.constraint;
    return new ApiError(mapped, {
      issues: field ? [{ path: field, message: 'rejected by the database' }] : [],
      ...(PG_DETAIL[err.code] ? { detail: PG_DETAIL[err.code] } : {}),
    });
  }
  const status = (err as { statusCode?: unknown; status?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(STATUS_CODES[status] ?? 'bad_request');
  }
  return undefined;
}

function routeOf(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions?.url ?? '(no route)'}`;
}

function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const api = toApiError(err);
  if (!api) {
    req.log.error({ error: loggableError(err, routeOf(req)) }, 'unhandled error');
    const internal = new ApiError('internal');
    return reply.code(500).type('application/problem+json').send(problemBody(internal, req.id));
  }
  // A catalogue error of the 5xx kind is deliberate (503 audit_unavailable, keys_unavailable): answered
  // as itself, so a client knows to retry, and logged as an error by its code.
  if (api.statusCode >= 500) req.log.error({ code: api.code, route: routeOf(req) }, 'request failed');
  else req.log.info({ code: api.code }, 'request rejected');
  return reply.code(api.statusCode).type('application/problem+json').send(problemBody(api, req.id));
}

/**
 * Fastify's framework errors (a URL it cannot decode) happen before routing and bypass the error
 * handler; this answers them in the same problem format.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  reply.headers(PRE_ROUTING_HEADERS);
  void sendProblem(req, reply, err);
}

export interface ErrorHandlingOptions {
  spaFallback?: boolean;
  /**
   * Checks the session and policy a write route left to its statement (http/guard.ts `authorize`), so
   * that a request failing before its statement ran is refused as it would have been by the guard hooks
   * (a revoked session with a bad body: 401, not 400); its refusal replaces the error.
   */
  authorize?: (req: FastifyRequest) => Promise<void>;
}

export function installErrorHandling(app: FastifyInstance, opts: ErrorHandlingOptions = {}): void {
  app.setErrorHandler(async (err, req, reply) => {
    if (req.deferredGuard && opts.authorize) {
      try {
        await opts.authorize(req);
      } catch (refusal) {
        return sendProblem(req, reply, refusal);
      }
    }
    return sendProblem(req, reply, err);
  });
  app.setNotFoundHandler((req, reply) => {
    // Single-page web app: a GET for a page (not /api, wants HTML) gets index.html and routes itself.
    if (
      opts.spaFallback &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      return reply.type('text/html').sendFile('index.html');
    }
    const e = new ApiError('not_found', { detail: `No route ${req.method} ${req.url.split('?')[0]}` });
    return reply.code(404).type('application/problem+json').send(problemBody(e, req.id));
  });
}

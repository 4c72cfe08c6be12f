/**
 * Turns every failure into a problem+json response from the catalogue: our own ApiErrors, Fastify's
 * body-parsing errors (malformed JSON, too large, wrong media type), PostgreSQL constraint errors
 * (a constraint the schema checks but a route did not) — and anything else into a logged 500 that
 * never carries internals to the client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, type ErrorCode, problemBody } from './errors';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type',
};

// PostgreSQL SQLSTATEs that mean "your data clashes with stored data", not "the server broke".
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'conflict', // unique_violation
  '23503': 'conflict', // foreign_key_violation
  '23514': 'validation_failed', // check_violation
  '22P02': 'validation_failed', // invalid_text_representation
  '22007': 'validation_failed', // invalid_datetime_format
  '22008': 'validation_failed', // datetime_field_overflow
};

export function toApiError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && code in FASTIFY_CODES) {
    return new ApiError(FASTIFY_CODES[code]!, { detail: (err as Error).message });
  }
  if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) {
    return new ApiError('malformed_json', { detail: err.message });
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && code in PG_CODES) {
    const pgErr = err as { constraint?: string; column?: string };
    const field = pgErr.column ?? pgErr.constraint;
    return new ApiError(PG_CODES[code]!, {
      issues: field ? [{ path: field, message: 'rejected by the database' }] : [],
    });
  }
  return undefined;
}

export function installErrorHandling(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler((err, req, reply) => {
    const api = toApiError(err);
    if (!api) {
      req.log.error({ err }, 'unhandled error');
      const internal = new ApiError('internal');
      return reply.code(500).type('application/problem+json').send(problemBody(internal, req.id));
    }
    if (api.statusCode >= 500) req.log.error({ err }, api.code);
    else req.log.info({ code: api.code }, 'request rejected');
    return reply.code(api.statusCode).type('application/problem+json').send(problemBody(api, req.id));
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

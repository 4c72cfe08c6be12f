/**
 * The one place that decides what of an error reaches the logs. Patient data must never be logged, and
 * errors are where it hides: a database error carries the SQL text, its parameters (patient ids, names,
 * e-mails, free text) and a detail quoting the offending values; a parser error quotes the input.
 *
 * - A database error (it has a SQLSTATE and a severity) is logged as its SQLSTATE code, the constraint it
 *   names (a schema name, never a value) and the route template — nothing else.
 * - Any other error as its class name, its code (system and Fastify codes are identifiers) and its stack
 *   frames without the message line. The message is kept only for JavaScript's own programming errors
 *   (TypeError, ReferenceError, RangeError), whose messages describe code, not data.
 *
 * Every `req.log.*` call that logs an error (the error handler, the audit writer, housekeeping) goes
 * through `loggableError`; nothing passes an error object to pino directly (pino would serialize it whole).
 */

export interface LoggableError {
  kind: 'database' | 'error';
  /** SQLSTATE for a database error; `code` of a system or Fastify error. */
  code?: string;
  /** The constraint a database error names (a schema name such as `users_email_idx`). */
  constraint?: string;
  /** The route template (`POST /api/patients/:patientId/diary`), never the URL with its ids. */
  route?: string;
  /** Error class, for errors that are not database errors. */
  name?: string;
  message?: string;
  /** Stack frames only ("at …" lines): where, not what. */
  stack?: string[];
  cause?: LoggableError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Errors whose message V8 writes about the code (`x is not a function`), not about input values. */
const CODE_MESSAGES = new Set(['TypeError', 'ReferenceError', 'RangeError']);
const IDENTIFIER = /^[\w.-]{1,100}$/;

/** A database error from node-postgres or PGlite: a SQLSTATE code and a severity. */
export function isDatabaseError(err: unknown): err is { code: string; constraint?: unknown } {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && SQLSTATE.test(e.code) && typeof e.severity === 'string';
}

function frames(stack: unknown): string[] | undefined {
  if (typeof stack !== 'string') return undefined;
  const out = stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
  return out.length ? out.slice(0, 15) : undefined;
}

export function loggableError(err: unknown, route?: string, depth = 0): LoggableError {
  if (isDatabaseError(err)) {
    const constraint = typeof err.constraint === 'string' ? err.constraint : undefined;
    return {
      kind: 'database',
      code: err.code,
      ...(constraint && IDENTIFIER.test(constraint) ? { constraint } : {}),
      ...(route ? { route } : {}),
    };
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    stack?: unknown;
    cause?: unknown;
  };
  const name = typeof e.name === 'string' && IDENTIFIER.test(e.name) ? e.name : typeof err;
  const code = typeof e.code === 'string' && IDENTIFIER.test(e.code) ? e.code : undefined;
  const stack = frames(e.stack);
  return {
    kind: 'error',
    name,
    ...(code ? { code } : {}),
    ...(route ? { route } : {}),
    ...(CODE_MESSAGES.has(name) && typeof e.message === 'string' ? { message: e.message.slice(0, 300) } : {}),
    ...(stack ? { stack } : {}),
    ...(e.cause !== undefined && depth < 3 ? { cause: loggableError(e.cause, undefined, depth + 1) } : {}),
  };
}

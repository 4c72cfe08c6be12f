/**
 * Read-only analytics (clinic outcomes, cohort queries, exports) on a streaming replica when
 * DATABASE_READ_URL names one; everything else — every write, the audit trail, sessions, and the
 * records a clinician is editing — stays on the primary.
 *
 * Read-your-own-writes: a replica applies the primary's changes a little later (milliseconds on a LAN,
 * more under load), so a user who has just written must not read from it:
 *  - within a request, only GET requests ever read from the replica: a request that writes reads
 *    everything (before and after its write) from the primary;
 *  - across requests, every successful write answers with a short-lived cookie (`hemispasm_last_write`,
 *    READ_YOUR_WRITES_SECONDS), and a request that carries it reads from the primary — the way Rails'
 *    DatabaseSelector keeps the last write time in the session. The server keeps no state; a tampered
 *    cookie can only send its own reads to the primary or to a replica that is slightly behind.
 * When the replica cannot be reached, or it cancels a query that conflicts with recovery, the read is
 * repeated on the primary and a warning is logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from './database';

export const LAST_WRITE_COOKIE = 'hemispasm_last_write';
export const READ_YOUR_WRITES_SECONDS = 5;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

declare module 'fastify' {
  interface FastifyInstance {
    /** The read replica for analytics, when DATABASE_READ_URL is set. */
    readReplica: Db | undefined;
  }
}

export function installReadRouting(
  app: FastifyInstance,
  opts: { replica: Db | undefined; secureCookies: boolean },
): void {
  app.decorate('readReplica', opts.replica);
  if (!opts.replica) return;
  app.addHook('onSend', async (req, reply, payload) => {
    if (!SAFE_METHODS.has(req.method) && req.actor && reply.statusCode < 400) {
      reply.setCookie(LAST_WRITE_COOKIE, String(Date.now()), {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        maxAge: READ_YOUR_WRITES_SECONDS,
      });
    }
    return payload;
  });
}

/** The replica this request may read analytics from, or undefined: read from the primary. */
export function replicaFor(req: FastifyRequest): Db | undefined {
  const replica = req.server.readReplica;
  if (!replica || !SAFE_METHODS.has(req.method)) return undefined;
  const lastWrite = Number(req.cookies[LAST_WRITE_COOKIE]);
  if (Number.isFinite(lastWrite) && Date.now() - lastWrite < READ_YOUR_WRITES_SECONDS * 1000)
    return undefined;
  return replica;
}

/** Connection failures, a standby shutting down or starting, and queries cancelled by recovery. */
function replicaUnavailable(e: unknown): boolean {
  // node-postgres reports a connection lost mid-query without a code.
  if (e instanceof Error && /^Connection terminated|not queryable/.test(e.message)) return true;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '40001'].includes(code) ||
    code.startsWith('08') || // connection exceptions
    code.startsWith('57P') // admin shutdown, crash shutdown, cannot connect now
  );
}

/** Runs a read-only analytics query on the replica when this request may use it, else on the primary. */
export async function readAnalytics<T>(
  req: FastifyRequest,
  primary: Db,
  query: (db: Db) => Promise<T>,
): Promise<T> {
  const replica = replicaFor(req);
  if (!replica) return query(primary);
  try {
    return await query(replica);
  } catch (e) {
    if (!replicaUnavailable(e)) throw e;
    req.log.warn({ code: (e as { code: string }).code }, 'read replica unavailable: read from the primary');
    return query(primary);
  }
}

/**
 * Housekeeping of the sign-in tables: expired sessions and sign-in counters whose window has passed are
 * deleted when the server starts and every hour. One statement (two data-modifying parts), safe to run
 * from several server instances at once: each deletes what has expired, and a row already deleted by
 * another is simply not there.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import { loggableError } from '../http/log-redaction';
import { LOGIN_WINDOW_MINUTES } from './login-limit';

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface PurgeResult {
  sessions: number;
  counters: number;
}

export async function purgeExpired(db: Db): Promise<PurgeResult> {
  const { rows } = await sql<PurgeResult>`
    WITH s AS (DELETE FROM sessions WHERE expires_at <= now() RETURNING 1),
    c AS (
      DELETE FROM login_attempts
      WHERE window_start <= now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES}::int)
        AND (next_at IS NULL OR next_at <= now())
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM s)::int AS sessions, (SELECT count(*) FROM c)::int AS counters`.execute(db);
  return rows[0]!;
}

/** Purges once when the app is ready, then every `intervalMs` until it closes. */
export function installPurge(app: FastifyInstance, db: Db, intervalMs = PURGE_INTERVAL_MS): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const r = await purgeExpired(db);
      if (r.sessions || r.counters) app.log.info(r, 'purged expired sessions and sign-in counters');
    } catch (err) {
      app.log.warn({ error: loggableError(err, 'purge') }, 'purge of expired sessions failed');
    }
  };
  app.addHook('onReady', async () => {
    await run();
    timer = setInterval(run, intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

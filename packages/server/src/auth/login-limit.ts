/**
 * Login rate limit kept in the database (table login_attempts), so it holds across restarts and across
 * several server instances. Failures are counted per email and per client address in a fixed window;
 * once a key reaches its limit, further attempts are refused until the window ends — even with the
 * right password, so guessing gains nothing.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

function keys(email: string, ip: string): Array<{ key: string; max: number }> {
  return [
    { key: `email:${email.toLowerCase()}`, max: MAX_FAILURES_PER_EMAIL },
    { key: `ip:${ip}`, max: MAX_FAILURES_PER_IP },
  ];
}

/** Seconds until the caller may try again, or 0 when login attempts are allowed. */
export async function loginBlockedFor(db: Db, email: string, ip: string): Promise<number> {
  const ks = keys(email, ip);
  const rows = await db
    .selectFrom('login_attempts')
    .select([
      'key',
      'failures',
      sql<number>`ceil(extract(epoch from (window_start + make_interval(mins => ${LOGIN_WINDOW_MINUTES}) - now())))::int`.as(
        'remaining',
      ),
    ])
    .where(
      'key',
      'in',
      ks.map((k) => k.key),
    )
    .execute();
  let wait = 0;
  for (const r of rows) {
    const max = ks.find((k) => k.key === r.key)?.max ?? 0;
    if (r.failures >= max && r.remaining > 0) wait = Math.max(wait, r.remaining);
  }
  return wait;
}

export async function recordLoginFailure(db: Db, email: string, ip: string): Promise<void> {
  for (const { key } of keys(email, ip)) {
    // One atomic upsert per key: a new window starts when the old one has passed.
    await sql`
      INSERT INTO login_attempts (key, window_start, failures) VALUES (${key}, now(), 1)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_attempts.window_start + make_interval(mins => ${LOGIN_WINDOW_MINUTES}) <= now()
                        THEN 1 ELSE login_attempts.failures + 1 END,
        window_start = CASE WHEN login_attempts.window_start + make_interval(mins => ${LOGIN_WINDOW_MINUTES}) <= now()
                        THEN now() ELSE login_attempts.window_start END`.execute(db);
  }
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', `email:${email.toLowerCase()}`).execute();
}

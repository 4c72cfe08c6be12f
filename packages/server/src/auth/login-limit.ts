/**
 * Sign-in limits kept in the database (table login_attempts), so they hold across restarts and across
 * several server instances. Every attempt is counted BEFORE its password is checked, by one statement
 * that increments the counters and returns them: parallel guesses each get their own count, so no more
 * than the limit are ever checked (reading a limit first and counting after the slow hash let 200
 * parallel guesses all through).
 *
 * Three counters per attempt:
 * - per (e-mail, client address): MAX_ATTEMPTS_PER_PAIR in a LOGIN_WINDOW_MINUTES window, then refused
 *   until the window ends — even with the right password, so guessing gains nothing;
 * - per client address: MAX_ATTEMPTS_PER_ADDRESS in the window (one address guessing many accounts);
 * - per e-mail across addresses: FREE_ATTEMPTS_PER_ACCOUNT, then a growing delay between checked
 *   attempts (1 s, 2 s, 4 s … at most MAX_ACCOUNT_DELAY_S) instead of a lock. Guessing one account from
 *   many addresses is slowed to about one try a minute, and nobody can lock a colleague out: whatever
 *   others send, their own attempt is checked after at most a minute's wait.
 * An attempt refused by the first two is not counted against the account. A successful sign-in gives its
 * attempt back to the address and clears the (e-mail, address) and account counters.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_ATTEMPTS_PER_PAIR = 5;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
export const FREE_ATTEMPTS_PER_ACCOUNT = 5;
export const MAX_ACCOUNT_DELAY_S = 60;

export type AttemptVerdict =
  | { allowed: true }
  | { allowed: false; retryAfterS: number; limit: 'pair' | 'address' | 'account' };

function keysOf(email: string, ip: string) {
  const e = email.toLowerCase();
  return { pair: `pair:${e}|${ip}`, addr: `addr:${ip}`, account: `account:${e}` };
}

interface CountRow {
  pair_attempts: number;
  pair_wait: number | null;
  addr_attempts: number;
  addr_wait: number | null;
  account_passed: boolean;
  account_wait: number | null;
}

/** Counts one sign-in attempt (one statement) and says whether its password may be checked. */
export async function countSignInAttempt(db: Db, email: string, ip: string): Promise<AttemptVerdict> {
  const k = keysOf(email, ip);
  const win = sql`make_interval(mins => ${LOGIN_WINDOW_MINUTES}::int)`;
  const expired = sql`a.window_start + ${win} <= now()`;
  const counted = (key: string) => sql`
    INSERT INTO login_attempts AS a (key, window_start, failures) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${expired} THEN 1 ELSE a.failures + 1 END,
      window_start = CASE WHEN ${expired} THEN now() ELSE a.window_start END
    RETURNING a.failures, a.window_start`;
  const waitOf = (cte: string) =>
    sql`(SELECT ceil(extract(epoch FROM window_start + ${win} - now()))::int FROM ${sql.table(cte)})`;
  const { rows } = await sql<CountRow>`
    WITH pair AS (${counted(k.pair)}),
    addr AS (${counted(k.addr)}),
    account AS (
      INSERT INTO login_attempts AS a (key, window_start, failures)
      SELECT ${k.account}, now(), 1
      WHERE (SELECT failures FROM pair) <= ${MAX_ATTEMPTS_PER_PAIR}::int
        AND (SELECT failures FROM addr) <= ${MAX_ATTEMPTS_PER_ADDRESS}::int
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${expired} THEN 1 ELSE a.failures + 1 END,
        window_start = CASE WHEN ${expired} THEN now() ELSE a.window_start END,
        next_at = CASE
          WHEN ${expired} OR a.failures + 1 < ${FREE_ATTEMPTS_PER_ACCOUNT}::int THEN NULL
          -- after attempt n ≥ FREE the next waits 2^(n − FREE) s: 1 s, 2 s, 4 s … capped
          ELSE now() + make_interval(secs => least(
            power(2, least(a.failures + 1 - ${FREE_ATTEMPTS_PER_ACCOUNT}::int, 20)),
            ${MAX_ACCOUNT_DELAY_S}::int))
        END
      -- The gate: while the delay runs, the attempt is refused and changes nothing.
      WHERE ${expired} OR a.next_at IS NULL OR a.next_at <= now()
      RETURNING a.failures
    )
    SELECT
      (SELECT failures FROM pair) AS pair_attempts, ${waitOf('pair')} AS pair_wait,
      (SELECT failures FROM addr) AS addr_attempts, ${waitOf('addr')} AS addr_wait,
      EXISTS (SELECT 1 FROM account) AS account_passed,
      (SELECT ceil(extract(epoch FROM next_at - now()))::int FROM login_attempts WHERE key = ${k.account})
        AS account_wait`.execute(db);
  const r = rows[0]!;
  const atLeast1 = (s: number | null) => Math.max(1, s ?? 1);
  if (r.pair_attempts > MAX_ATTEMPTS_PER_PAIR)
    return { allowed: false, retryAfterS: atLeast1(r.pair_wait), limit: 'pair' };
  if (r.addr_attempts > MAX_ATTEMPTS_PER_ADDRESS)
    return { allowed: false, retryAfterS: atLeast1(r.addr_wait), limit: 'address' };
  if (!r.account_passed)
    return {
      allowed: false,
      retryAfterS: Math.min(MAX_ACCOUNT_DELAY_S, atLeast1(r.account_wait)),
      limit: 'account',
    };
  return { allowed: true };
}

/** After a successful sign-in: the address gets its attempt back; the pair and account start afresh. */
export async function signInSucceeded(db: Db, email: string, ip: string): Promise<void> {
  const k = keysOf(email, ip);
  await sql`
    WITH cleared AS (DELETE FROM login_attempts WHERE key IN (${k.pair}, ${k.account}) RETURNING 1)
    UPDATE login_attempts SET failures = greatest(failures - 1, 0) WHERE key = ${k.addr}`.execute(db);
}

/**
 * Group commit of one-row inserts. The compiled one-row write statements (routes/records.ts,
 * `compiledOnce`) of one shape that reach the server in the same turn of the event loop go to the
 * database as ONE statement: each request's statement is a renamed copy of the shape's CTEs (its own
 * guard, change and audit row, its own parameters) and its final SELECT is tagged with the request's
 * index, so every request still gets exactly the rows of its own statement — or none when its own guard
 * refused it. PostgreSQL runs the whole batch atomically, so nothing changes for a request but the number
 * of statements, commits and round trips (on a 2-core machine, the per-statement work of PostgreSQL and
 * the socket writes that wake its backends are most of a write's cost: `npm run bench server`).
 *
 * A batch that fails (one request's row breaks a constraint, a deadlock, an audit row refused) stored
 * nothing; each of its requests is then sent again alone, so each gets the answer it would have got alone
 * and no request fails for another's input. A batch whose connection fails is not sent again (whether it
 * committed is unknown; a write must never be stored twice): its requests fail as lone statements would.
 * A request alone in its turn is sent as it always was.
 *
 * Batch sizes are powers of two up to `MAX_BATCH` so that each shape has few statement texts (each is
 * prepared once per connection, db/database.ts PREPARED_MARK).
 */
import { CompiledQuery } from 'kysely';
import type { Db } from '../db/database';

export const MAX_BATCH = 8;
/** The column that tells a batch's rows apart (the request's index in the batch). */
const BATCH_INDEX = 'hemispasm_batch_index';
/** The CTE names of a write statement; each copy in a batch gets them with its index appended. */
const CTE_NAME = /\bhemispasm_(guard|change|audit)\b/g;
const PARAMETER = /\$(\d+)/g;

/** A write statement's text split where a batch needs it (see `splitWriteStatement`). */
export interface WriteStatementText {
  /** What comes before `WITH` (the prepared-statement mark). */
  head: string;
  /** The CTE list, without `WITH`. */
  ctes: string;
  /** The final SELECT over the CTEs. */
  select: string;
  /** How many parameters ($1…$n) the statement has. */
  parameterCount: number;
}

/**
 * Splits a compiled write statement `<head>WITH <ctes> <select>`, where `select` (its final SELECT, which
 * has no parameters) is given, and `parameterCount` its compiled parameters; undefined if the text is not of
 * that form or its placeholders are not exactly $1…$parameterCount (it is then never batched: renumbering
 * a `$` that is not a placeholder would change the statement).
 */
export function splitWriteStatement(
  sql: string,
  select: string,
  parameterCount: number,
): WriteStatementText | undefined {
  const withAt = sql.indexOf('WITH ');
  if (withAt < 0 || !sql.endsWith(select) || select.includes('$')) return undefined;
  const ctes = sql.slice(withAt + 'WITH '.length, sql.length - select.length).trimEnd();
  const used = new Set([...ctes.matchAll(PARAMETER)].map((m) => Number(m[1])));
  const dollars = ctes.split('$').length - 1;
  const placeholders = [...ctes.matchAll(PARAMETER)].length;
  if (dollars !== placeholders || used.size !== parameterCount) return undefined;
  for (let i = 1; i <= parameterCount; i++) if (!used.has(i)) return undefined;
  return { head: sql.slice(0, withAt), ctes, select, parameterCount };
}

/** The text of a batch of `n` copies of `s`: copy k's CTEs and parameters renumbered, its rows tagged k. */
export function batchSql(s: WriteStatementText, n: number): string {
  const copies: string[] = [];
  const selects: string[] = [];
  for (let k = 0; k < n; k++) {
    const rename = (text: string) => text.replace(CTE_NAME, (name) => `${name}_${k}`);
    copies.push(rename(s.ctes).replace(PARAMETER, (_, i: string) => `$${Number(i) + k * s.parameterCount}`));
    selects.push(rename(s.select).replace(/^\s*SELECT\b/, `SELECT ${k} AS ${BATCH_INDEX},`));
  }
  return `${s.head}WITH ${copies.join(',\n')}\n${selects.join('\nUNION ALL ')}`;
}

type Rows = { rows: Record<string, unknown>[] };

/**
 * PostgreSQL's error response to the statement (a SQLSTATE code and a severity): the statement was refused
 * as a whole and nothing of it committed. Anything else (a connection lost mid-statement) leaves it unknown.
 */
export function refusedByDatabase(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

interface Pending {
  parameters: readonly unknown[];
  resolve: (r: Rows) => void;
  reject: (e: unknown) => void;
}

interface Queue {
  text: WriteStatementText;
  /** The statement of one request, as it is sent alone. */
  single: string;
  pending: Pending[];
}

export interface InsertBatcher {
  /**
   * Runs `query` (a compiled write statement whose text is `text`, keyed by `key`) with the other requests
   * of the same key in this turn of the event loop; resolves with this request's rows.
   */
  run(key: string, query: CompiledQuery, text: WriteStatementText): Promise<Rows>;
}

export function createInsertBatcher(db: Db): InsertBatcher {
  /** The requests waiting for this turn's flush, by shape. */
  const queues = new Map<string, Queue>();
  /**
   * Each shape's batch texts by size, built once (several kilobytes each; at most log2(MAX_BATCH) sizes),
   * kept as long as the shape's split text is (records.ts keeps it with the compiled shape).
   */
  const texts = new WeakMap<WriteStatementText, Map<number, string>>();
  const execute = (sqlText: string, parameters: readonly unknown[]) =>
    db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sqlText, [...parameters]));

  async function sendAlone(q: Queue, p: Pending): Promise<void> {
    try {
      p.resolve(await execute(q.single, p.parameters));
    } catch (err) {
      p.reject(err);
    }
  }

  async function send(q: Queue, batch: Pending[]): Promise<void> {
    if (batch.length === 1) return sendAlone(q, batch[0]!);
    let result: Rows;
    try {
      let bySize = texts.get(q.text);
      if (!bySize) {
        bySize = new Map();
        texts.set(q.text, bySize);
      }
      let text = bySize.get(batch.length);
      if (!text) {
        text = batchSql(q.text, batch.length);
        bySize.set(batch.length, text);
      }
      result = await execute(
        text,
        batch.flatMap((p) => p.parameters),
      );
    } catch (err) {
      if (!refusedByDatabase(err)) {
        // The connection failed: whether the batch committed is unknown, so it is never sent again (a
        // write must not be stored twice); each request fails as a lone statement would.
        for (const p of batch) p.reject(err);
        return;
      }
      // PostgreSQL refused the statement, so nothing of it was stored: each request alone gets its own answer.
      await Promise.all(batch.map((p) => sendAlone(q, p)));
      return;
    }
    const byRequest: Record<string, unknown>[][] = batch.map(() => []);
    for (const row of result.rows) {
      const k = Number(row[BATCH_INDEX]);
      delete row[BATCH_INDEX];
      byRequest[k]?.push(row);
    }
    for (const [k, p] of batch.entries()) p.resolve({ rows: byRequest[k]! });
  }

  function flush(key: string): void {
    const q = queues.get(key);
    queues.delete(key);
    if (!q) return;
    let rest = q.pending;
    while (rest.length) {
      // The largest power of two that fits, at most MAX_BATCH.
      let n = 1;
      while (n * 2 <= Math.min(rest.length, MAX_BATCH)) n *= 2;
      void send(q, rest.slice(0, n));
      rest = rest.slice(n);
    }
  }

  return {
    run(key, query, text) {
      return new Promise<Rows>((resolve, reject) => {
        let q = queues.get(key);
        if (!q) {
          q = { text, single: query.sql, pending: [] };
          queues.set(key, q);
          setImmediate(() => flush(key));
        }
        q.pending.push({ parameters: query.parameters, resolve, reject });
      });
    },
  };
}

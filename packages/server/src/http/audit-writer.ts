/**
 * Stores audit rows. A write's row goes in the write's own transaction through {@link insertAuditRows}
 * (routes/records.ts). The rows of reads and refused attempts go through the writer below, with
 * natural batching (like a database's group commit): a row written while no insert is in flight goes
 * at once, alone; rows that arrive while one is in flight wait for it and then go together in one
 * multi-row INSERT. Each caller's promise settles only when its own row is stored,
 * so a response still leaves only after its audit row is written, and nothing outlives the request
 * in memory (the server stays stateless). Under load this turns N audit statements into a few, which is
 * most of the audit trail's cost; at low load it adds no delay.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { AuditLogTable } from '../db/schema';

export type AuditRow = Insertable<AuditLogTable>;

interface Pending {
  row: AuditRow;
  done: (err?: unknown) => void;
}

/** The one statement that stores audit rows, in `db` or in a transaction. */
export async function insertAuditRows(db: Db, rows: readonly AuditRow[]): Promise<void> {
  await db.insertInto('audit_log').values(rows).execute();
}

/** Rows per INSERT at most (keeps the statement's parameter count far below PostgreSQL's 65,535). */
const MAX_BATCH = 500;

export function createAuditWriter(db: Db): (row: AuditRow) => Promise<void> {
  let queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, MAX_BATCH);
        queue = queue.slice(batch.length);
        try {
          await insertAuditRows(
            db,
            batch.map((p) => p.row),
          );
          for (const p of batch) p.done();
        } catch (err) {
          for (const p of batch) p.done(err);
        }
      }
    } finally {
      flushing = false;
    }
  }

  return (row) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ row, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!flushing) void flush();
    });
}

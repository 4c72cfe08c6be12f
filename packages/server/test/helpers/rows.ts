/** What the tests read back from the database: how many rows a table has, a request's audit rows. */
import { sql } from 'kysely';
import type { Db } from '../../src/db/database';
import type { Database } from '../../src/db/schema';

export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** The audit rows of the request whose X-Request-Id was `requestId`. */
export function auditRowsOf(db: Db, requestId: unknown) {
  return db.selectFrom('audit_log').selectAll().where('request_id', '=', String(requestId)).execute();
}

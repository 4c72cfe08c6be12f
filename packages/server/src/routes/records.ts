/**
 * The one path by which routes read and write a patient's records:
 * - `list`: the addressed patient's rows of one table, newest first, optionally filtered;
 * - `insert` / `insertMany`: rows of the addressed patient, by the signed-in user;
 * - `write`: any other change (an update, a delete, several tables).
 * Every write runs in one transaction that also stores the request's audit row (http/audit.ts), so a
 * record and its audit row commit together or not at all; if the audit row cannot be stored, nothing
 * is kept and the request fails with 503 `audit_unavailable`.
 */
import type { FastifyRequest } from 'fastify';
import { type InsertObject, type Kysely, type Selectable, sql } from 'kysely';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { auditRowOf, logAuditFailure } from '../http/audit';
import { insertAuditRows } from '../http/audit-writer';
import { ApiError } from '../http/errors';
import { requireActor, requirePatient } from '../http/guard';

/** Tables of rows that belong to one patient and record who created them. */
export type PatientTable = {
  [K in keyof Database]: Database[K] extends { patient_id: string; created_by: string } ? K : never;
}[keyof Database];

type Column<T extends PatientTable> = keyof Database[T] & string;

export interface ListOptions<T extends PatientTable> {
  /** Sort keys, each newest (largest) first. */
  newestFirst: readonly Column<T>[];
  limit?: number;
  /** Filters; one whose value is undefined is left out (an optional query parameter). */
  where?: ReadonlyArray<readonly [Column<T>, '=' | '>=' | '<=', string | undefined]>;
}

/** What a route gives for a new row: everything but the patient and the author, which come from the request. */
export type NewRow<T extends PatientTable> = Omit<InsertObject<Database, T>, 'patient_id' | 'created_by'>;

export interface Records {
  list<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    opts: ListOptions<T>,
  ): Promise<Selectable<Database[T]>[]>;
  insert<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    row: NewRow<T>,
  ): Promise<Selectable<Database[T]>>;
  insertMany<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    rows: readonly NewRow<T>[],
  ): Promise<Selectable<Database[T]>[]>;
  /** Runs `change` in a transaction that also stores the audit row of the request answering `status`. */
  write<R>(req: FastifyRequest, status: number, change: (trx: Db) => Promise<R>): Promise<R>;
}

// Kysely cannot check a query over a table chosen by a type parameter; the public signatures above do.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export function createRecords(db: Db): Records {
  const write: Records['write'] = async (req, status, change) => {
    const result = await db.transaction().execute(async (trx) => {
      const out = await change(trx);
      const row = auditRowOf(req, status);
      if (row) {
        try {
          await insertAuditRows(trx, [row]);
        } catch (err) {
          logAuditFailure(req, err);
          throw new ApiError('audit_unavailable');
        }
      }
      return out;
    });
    req.auditedStatus = status;
    return result;
  };

  const insertMany: Records['insertMany'] = async (req, table, rows) => {
    const patientId = requirePatient(req).id;
    const createdBy = requireActor(req).userId;
    const values = rows.map((r) => ({ ...r, patient_id: patientId, created_by: createdBy }));
    const stored = await write(req, 201, (trx) =>
      (trx as unknown as AnyDb).insertInto(table).values(values).returningAll().execute(),
    );
    return stored as Selectable<Database[typeof table]>[];
  };

  return {
    async list(req, table, opts) {
      let q = (db as unknown as AnyDb)
        .selectFrom(table)
        .selectAll()
        .where('patient_id', '=', requirePatient(req).id);
      for (const [column, op, value] of opts.where ?? []) {
        if (value !== undefined) q = q.where(sql.ref(column), op, value);
      }
      for (const column of opts.newestFirst) q = q.orderBy(column, 'desc');
      if (opts.limit !== undefined) q = q.limit(opts.limit);
      return (await q.execute()) as Selectable<Database[typeof table]>[];
    },
    async insert(req, table, row) {
      const [stored] = await insertMany(req, table, [row]);
      return stored!;
    },
    insertMany,
    write,
  };
}

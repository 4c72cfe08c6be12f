/**
 * The one path by which routes read and write a patient's records:
 * - `list`: the addressed patient's rows of one table, newest first, optionally filtered;
 * - `insert` / `insertMany`: rows of the addressed patient, by the signed-in user;
 * - `change`: any other single statement (an update or a delete … RETURNING);
 * - `write`: a change that needs several statements (read then write, several tables).
 * Every write stores the request's audit row (http/audit.ts) atomically with its change, so a record and
 * its audit row commit together or not at all; if the audit row cannot be stored, nothing is kept and the
 * request fails with 503 `audit_unavailable`.
 *
 * One round trip per write where one statement does: `insert`, `insertMany` and `change` send the change
 * and the audit row as ONE statement — a data-modifying CTE, `WITH change AS (INSERT … RETURNING *),
 * audit AS (INSERT INTO audit_log …) SELECT * FROM change` — which PostgreSQL runs atomically on its own,
 * instead of BEGIN, the change, the audit row and COMMIT (four round trips; `write` still does that).
 * The audit row is stored only when the change returned a row: an update or delete that matched nothing
 * keeps nothing, and the route's 404 is audited by http/audit.ts like any refused request.
 */
import type { FastifyRequest } from 'fastify';
import {
  type Compilable,
  type InsertObject,
  type Kysely,
  type OperationNodeSource,
  type Selectable,
  sql,
} from 'kysely';
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
  /**
   * Runs one data-modifying statement with RETURNING and the audit row of the request answering
   * `status` as one statement; the rows it returned (none: nothing changed, no audit row stored).
   */
  change<R>(req: FastifyRequest, status: number, query: Statement<R>, opts?: ChangeOptions): Promise<R[]>;
  /** Runs `change` in a transaction that also stores the audit row of the request answering `status`. */
  write<R>(req: FastifyRequest, status: number, change: (trx: Db) => Promise<R>): Promise<R>;
}

/** An insert, update or delete … RETURNING built with Kysely (not executed). */
export type Statement<R> = Compilable<R> & OperationNodeSource;

export interface ChangeOptions {
  /** The audit row names the patient the statement returns (column `id`): a patient being created. */
  auditPatientFromResult?: boolean;
}

const AUDIT_COLUMNS = [
  'actor_user_id',
  'actor_role',
  'clinic_id',
  'patient_id',
  'action',
  'resource',
  'route',
  'status',
  'ip',
  'request_id',
] as const;

/** A failure of the audit row's part of a combined statement (e.g. a constraint of audit_log). */
function isAuditFailure(err: unknown): boolean {
  const e = err as { table?: unknown; message?: unknown } | null;
  return e?.table === 'audit_log' || (typeof e?.message === 'string' && /"audit_log"/.test(e.message));
}

// Kysely cannot check a query over a table chosen by a type parameter; the public signatures above do.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export interface RecordsOptions {
  /**
   * How `insert`, `insertMany` and `change` send a write: `statement` (the default) as one statement with
   * its audit row; `transaction` as BEGIN, the change, the audit row, COMMIT — the write path before, kept
   * only so that `npm run bench server` measures both side by side in one run.
   */
  writes?: 'statement' | 'transaction';
}

/** Thrown inside the transaction of a change that matched nothing, to store nothing (not even the audit row). */
const NOTHING_CHANGED = Symbol('nothing changed');

export function createRecords(db: Db, options: RecordsOptions = {}): Records {
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

  async function change<R>(
    req: FastifyRequest,
    status: number,
    query: Statement<R>,
    opts: ChangeOptions = {},
  ): Promise<R[]> {
    if (options.writes === 'transaction') return changeInTransaction(req, status, query, opts);
    const audit = auditRowOf(req, status);
    if (!audit) return (await db.executeQuery(query.compile())).rows;
    const values = AUDIT_COLUMNS.map((c) =>
      c === 'patient_id' && opts.auditPatientFromResult
        ? sql`(SELECT id FROM change LIMIT 1)`
        : c === 'status'
          ? sql`${audit[c]}::smallint`
          : sql`${audit[c] ?? null}`,
    );
    let result: { rows: R[] };
    try {
      result = await sql<R>`WITH change AS (${query}),
        audit AS (INSERT INTO audit_log (${sql.join(AUDIT_COLUMNS.map((c) => sql.ref(c)))})
          SELECT ${sql.join(values)} WHERE EXISTS (SELECT 1 FROM change))
        SELECT * FROM change`.execute(db);
    } catch (err) {
      if (!isAuditFailure(err)) throw err;
      logAuditFailure(req, err);
      throw new ApiError('audit_unavailable');
    }
    if (result.rows.length > 0) req.auditedStatus = status;
    return result.rows;
  }

  async function changeInTransaction<R>(
    req: FastifyRequest,
    status: number,
    query: Statement<R>,
    opts: ChangeOptions,
  ): Promise<R[]> {
    try {
      return await write(req, status, async (trx) => {
        const { rows } = await trx.executeQuery(query.compile());
        if (rows.length === 0) throw NOTHING_CHANGED;
        if (opts.auditPatientFromResult) req.auditPatientId = (rows[0] as { id: string }).id;
        return rows;
      });
    } catch (e) {
      if (e === NOTHING_CHANGED) return [];
      throw e;
    }
  }

  const insertMany: Records['insertMany'] = async (req, table, rows) => {
    const patientId = requirePatient(req).id;
    const createdBy = requireActor(req).userId;
    const values = rows.map((r) => ({ ...r, patient_id: patientId, created_by: createdBy }));
    const stored = await change(
      req,
      201,
      (db as unknown as AnyDb).insertInto(table).values(values).returningAll(),
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
    change,
    write,
  };
}

/**
 * The one path by which routes read and write a patient's records:
 * - `list`: the addressed patient's rows of one table, newest first, optionally filtered;
 * - `insert` / `insertMany`: rows of the addressed patient, by the signed-in user (one row may carry a
 *   requirement its own statement checks: another row it depends on);
 * - `insertInto`: a row of another table (a new patient), by the signed-in user;
 * - `change`: an update or a delete … RETURNING;
 * - `write`: a change that needs several statements (several tables: the FHIR import), in one transaction
 *   whose first statement is the guard on a `guardInStatement` route.
 * Every write stores the request's audit row (http/audit.ts) atomically with its change, so a record and
 * its audit row commit together or not at all; if the audit row cannot be stored, nothing is kept and the
 * request fails with 503 `audit_unavailable`.
 *
 * One round trip per write: `insert`, `insertMany`, `insertInto` and `change` send ONE statement, a
 * data-modifying CTE that PostgreSQL runs atomically on its own:
 *
 *   WITH hemispasm_guard  AS (SELECT <the caller> FROM sessions JOIN users … WHERE <live session, CSRF, policy>),
 *        hemispasm_change AS (INSERT … SELECT … WHERE EXISTS (SELECT 1 FROM hemispasm_guard) RETURNING * | UPDATE/DELETE …),
 *        hemispasm_audit  AS (INSERT INTO audit_log SELECT <guard's caller>, … WHERE EXISTS (SELECT 1 FROM hemispasm_change))
 *   SELECT <the caller>, hemispasm_change.* FROM hemispasm_change CROSS JOIN hemispasm_guard g
 *
 * (The CTE names are prefixed so that a batch of such statements, routes/insert-batches.ts, can rename them
 * per request without touching anything else.) Compiled one-row inserts of one shape that arrive in the same
 * turn of the event loop are sent together as one statement (insert-batches.ts), each request keeping its
 * own guard, row, audit row and answer.
 *
 * `guard` checks what the guard hooks check for other routes (http/guard.ts: session cookie's hash, not
 * expired, user not disabled, X-CSRF-Token, the route's policy for the addressed patient, as SQL from
 * policy/access-sql.ts); when the hooks have already checked them (a route not marked `guardInStatement`,
 * or the benchmark's `two-trips` mode) it is the known caller as constants. When the statement stores
 * nothing, `authorize` (one more query, on that path only) finds the refusal the hooks would have given
 * — 401, 403 (audited by http/audit.ts like any refused request) or 404 — or, for an update or delete
 * that matched no row, lets the route answer its 404. So a revoked session writes nothing and no audit
 * row, and the audit row always names the caller the statement itself found.
 */
import type { FastifyRequest } from 'fastify';
import {
  type Compilable,
  CompiledQuery,
  type InsertObject,
  type Kysely,
  type OperationNodeSource,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { Actor } from '../auth/sessions';
import { type Db, PREPARED_MARK } from '../db/database';
import type { Database } from '../db/schema';
import { type AuditedRequest, auditedRequest, logAuditFailure } from '../http/audit';
import { insertAuditRows } from '../http/audit-writer';
import { ApiError } from '../http/errors';
import { authorize, requireActor } from '../http/guard';
import { isPatientScoped } from '../policy/access';
import { policyCondition } from '../policy/access-sql';
import { createInsertBatcher, splitWriteStatement, type WriteStatementText } from './insert-batches';

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

/** The signed-in caller's id and clinic inside a write statement (a row value or an update's SET). */
export const ACTOR_USER_ID: RawBuilder<string> = sql<string>`(SELECT user_id FROM hemispasm_guard)`;
export const ACTOR_CLINIC_ID: RawBuilder<string> = sql<string>`(SELECT clinic_id FROM hemispasm_guard)`;
/** True when the statement's guard passed; records adds it to every update and delete. */
const GUARD_PASSED: RawBuilder<SqlBool> = sql<SqlBool>`EXISTS (SELECT 1 FROM hemispasm_guard)`;

export interface Records {
  list<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    opts: ListOptions<T>,
  ): Promise<Selectable<Database[T]>[]>;
  /**
   * Inserts one row of the addressed patient; with `requirement`, only if its condition holds in the
   * same statement (a row of another table the new row depends on), else its `refused` answers.
   */
  insert<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    row: NewRow<T>,
    requirement?: Requirement,
  ): Promise<Selectable<Database[T]>>;
  insertMany<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    rows: readonly NewRow<T>[],
  ): Promise<Selectable<Database[T]>[]>;
  /**
   * Inserts one row of any table (answering `status`), its values free to use ACTOR_USER_ID and
   * ACTOR_CLINIC_ID; returns the `returning` columns of the stored row.
   */
  insertInto<T extends keyof Database, C extends keyof Selectable<Database[T]> & string>(
    req: FastifyRequest,
    status: number,
    table: T,
    row: InsertObject<Database, T>,
    opts: { returning: readonly C[] } & ChangeOptions,
  ): Promise<Pick<Selectable<Database[T]>, C>>;
  /**
   * Runs an update or delete … RETURNING (which records makes conditional on the guard) and the audit row
   * of the request answering `status` as one statement; the rows it returned (none: nothing changed, no
   * audit row stored).
   */
  change<R>(req: FastifyRequest, status: number, query: Guardable<R>): Promise<R[]>;
  /**
   * Runs `change` in a transaction that also stores the audit row of the request answering `status`; for
   * a `guardInStatement` route the session, CSRF and policy check is the transaction's first statement.
   */
  write<R>(req: FastifyRequest, status: number, change: (trx: Db) => Promise<R>): Promise<R>;
  /**
   * Checks now what a `guardInStatement` route left to its statement (http/guard.ts): for a route that
   * must read before it writes, before the read.
   */
  authorize(req: FastifyRequest): Promise<void>;
}

/** An insert, update or delete … RETURNING built with Kysely (not executed). */
export type Statement<R> = Compilable<R> & OperationNodeSource;
/** An update or delete … RETURNING built with Kysely, to which a condition can be added. */
export interface Guardable<R> extends Statement<R> {
  where(expression: RawBuilder<SqlBool>): Statement<R>;
}

/**
 * What a new row depends on besides its caller — another row of the same patient that must exist, a date
 * it must not precede — checked by the insert statement itself (one round trip, and no window between a
 * read and the write). When the statement stores nothing and the caller is allowed, `refused` finds out
 * why (it may query, on that path only) and throws the route's answer (e.g. 404 naming the body field).
 */
export interface Requirement {
  condition: RawBuilder<SqlBool>;
  refused: () => Promise<never>;
}

/** The columns of a new row and, optionally, what it requires (see {@link Requirement}). */
export class RequiringRow<Row> {
  constructor(
    readonly row: Row,
    readonly requirement: Requirement,
  ) {}
}

export interface ChangeOptions {
  /** The audit row names the patient the statement returns (column `id`): a patient being created. */
  auditPatientFromResult?: boolean;
}

/** The audit columns the statement fills from the request; the actor's come from `guard`. */
const REQUEST_COLUMNS = ['patient_id', 'action', 'resource', 'route', 'status', 'ip', 'request_id'] as const;

/** The caller's columns the statement returns with its rows (prefixed, to never clash with a table's). */
const CALLER = {
  user_id: 'userId',
  role: 'role',
  clinic_id: 'clinicId',
  patient_id: 'patientId',
  email: 'email',
  display_name: 'displayName',
  csrf_token: 'csrfToken',
  token_hash: 'sessionHash',
} as const;
const CALLER_PREFIX = 'hemispasm_guard_';
/** The guard's columns the statement returns: the caller and the addressed patient's clinic. */
const GUARD_COLUMNS = [...Object.keys(CALLER), 'patient_clinic_id'];

/** A failure of the audit row's part of a combined statement (e.g. a constraint of audit_log). */
function isAuditFailure(err: unknown): boolean {
  const e = err as { table?: unknown; message?: unknown } | null;
  return e?.table === 'audit_log' || (typeof e?.message === 'string' && /"audit_log"/.test(e.message));
}

// Kysely cannot check a query over a table chosen by a type parameter; the public signatures above do.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** The patient a patient-scoped route addresses (its id validated by the route's params schema). */
function addressedPatient(req: FastifyRequest): string | null {
  const policy = req.routeOptions.config.policy;
  if (!policy || !isPatientScoped(policy)) return null;
  if (req.patient) return req.patient.id;
  const id = (req.params as { patientId?: string }).patientId;
  if (!id) throw new Error(`route ${req.routeOptions.url} has a patient policy but no :patientId`);
  return id.toLowerCase();
}

/**
 * The statement's `guard`: the caller, if the session, CSRF token and policy pass (one row), else no row.
 * A request the hooks already checked: its known caller as constants.
 */
function guardQuery(req: FastifyRequest, inputs = guardInputs(req)): RawBuilder<unknown> {
  const [first, second, third] = inputs;
  if (!req.deferredGuard) {
    return sql`SELECT ${first}::uuid AS user_id, ${second}::text AS role, ${third}::uuid AS clinic_id`;
  }
  const policy = req.routeOptions.config.policy;
  const condition = policy && policyCondition(policy);
  if (!condition) throw new Error(`route ${req.routeOptions.url}: policy ${policy} cannot be checked in SQL`);
  // Every column of CALLER, and the addressed patient's clinic.
  return sql`SELECT u.id AS user_id, u.role, u.clinic_id, u.patient_id, u.email, u.display_name,
      s.csrf_token, s.token_hash, p.clinic_id AS patient_clinic_id
    FROM sessions s JOIN users u ON u.id = s.user_id
      LEFT JOIN patients p ON p.id = ${third}::uuid
    WHERE s.token_hash = ${first} AND s.expires_at > now() AND NOT u.disabled
      AND s.csrf_token = ${second} AND ${condition}`;
}

/**
 * The values `guardQuery` sends: the session's hash, the CSRF token and the addressed patient, or (the
 * hooks have checked the caller) the caller's id, role and clinic.
 */
function guardInputs(req: FastifyRequest): readonly [unknown, unknown, unknown] {
  const deferred = req.deferredGuard;
  if (deferred) return [deferred.tokenHash, deferred.csrfToken, addressedPatient(req)];
  const a = requireActor(req);
  return [a.userId, a.role, a.clinicId];
}

/** The audit row's request columns as sent (REQUEST_COLUMNS, in order; see {@link auditSql}). */
function auditInputs(fields: AuditedRequest): unknown[] {
  return REQUEST_COLUMNS.map((c) => fields[c] ?? null);
}

/** The audit row's request columns in the statement, from `auditInputs` (or their slots). */
function auditSql(inputs: readonly unknown[], fromResult: boolean | undefined): RawBuilder<unknown> {
  return sql.join(
    REQUEST_COLUMNS.map((c, i) =>
      c === 'patient_id'
        ? fromResult
          ? sql`(SELECT id FROM hemispasm_change LIMIT 1)`
          : sql`${inputs[i]}::uuid`
        : c === 'status'
          ? sql`${inputs[i]}::smallint`
          : sql`${inputs[i]}`,
    ),
  );
}

/**
 * Compiled once per shape: the SQL text of a one-row insert statement (route, caller check, table, columns),
 * with where each of its parameters comes from in the request's list of values (guard, row, audit). Kysely
 * builds and compiles a statement of several kilobytes on every call otherwise, as much server CPU as a
 * tenth of a write. Built with a `Slot` in place of every value, so the order is read off the compiled
 * parameters, never assumed; `null`: the shape has a parameter that is not a slot, so it is never cached.
 */
class Slot {
  constructor(readonly index: number) {}
}
interface CompiledShape {
  sql: string;
  order: number[];
  /** The text split for batches of requests of this shape; undefined: never batched. */
  batch: WriteStatementText | undefined;
}
const compiledShapes = new Map<string, CompiledShape | null>();
const SHAPE_LIMIT = 500;
/**
 * `INSERT INTO table (…) SELECT … FROM (VALUES …) WHERE <guard passed>`: an insert that stores nothing
 * unless the guard passed. The first VALUES row (dropped by `keep`) is the table's own columns, typed
 * `(NULL::table).column`, so PostgreSQL types each parameter as its column, as it does in a plain VALUES.
 */
function guardedInsert(
  table: string,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] | '*',
  requirement?: Requirement,
): RawBuilder<unknown> {
  const first = rows[0];
  if (!first) throw new Error('insert of no rows');
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  for (const r of rows) {
    const keys = Object.keys(r).filter((c) => r[c] !== undefined);
    if (keys.length !== columns.length || keys.some((c) => !(c in first))) {
      throw new Error(`insert into ${table}: every row must give the same columns`);
    }
  }
  const t = sql.table(table);
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const typed = sql`(false, ${sql.join(columns.map((c) => sql`(NULL::${t}).${sql.ref(c)}`))})`;
  const values = rows.map((r) => sql`(true, ${sql.join(columns.map((c) => sql`${r[c]}`))})`);
  const ret = returning === '*' ? sql`*` : sql.join(returning.map((c) => sql.ref(c)));
  return sql`INSERT INTO ${t} (${cols}) SELECT ${cols}
    FROM (VALUES ${sql.join([typed, ...values])}) AS v (hemispasm_keep, ${cols})
    WHERE v.hemispasm_keep AND ${GUARD_PASSED}${requirement ? sql` AND ${requirement.condition}` : sql``}
    RETURNING ${ret}`;
}

/** The caller a statement's guard found (its columns named with `prefix`) becomes the request's actor. */
function adoptCaller(req: FastifyRequest, row: Record<string, unknown>, prefix: string): void {
  const actor: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(CALLER)) actor[field] = row[prefix + column];
  req.actor = actor as unknown as Actor;
  const patientClinicId = row[`${prefix}patient_clinic_id`];
  const patientId = addressedPatient(req);
  if (patientId && typeof patientClinicId === 'string')
    req.patient = { id: patientId, clinicId: patientClinicId };
  req.deferredGuard = undefined;
}

/**
 * A one-row insert whose SQL text is fixed by `shape` (table, columns, the caller's id or clinic where a
 * column takes it, returning): `build` gives the statement over `values` (its row's values, in order) or
 * over slots in their place.
 */
class OneRowInsert {
  constructor(
    readonly shape: string,
    readonly values: unknown[],
    readonly build: (values: readonly unknown[]) => RawBuilder<unknown>,
  ) {}
}

const isSqlSource = (v: unknown): boolean =>
  typeof (v as { toOperationNode?: unknown } | null)?.toOperationNode === 'function';

/** The insert of one row as a `OneRowInsert`, or the plain statement when a value is other SQL. */
function oneRowInsert(
  table: string,
  row: Record<string, unknown>,
  returning: readonly string[] | '*',
): OneRowInsert | RawBuilder<unknown> {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined);
  const marks: string[] = [];
  const values: unknown[] = [];
  for (const c of columns) {
    const v = row[c];
    if (v === ACTOR_USER_ID || v === ACTOR_CLINIC_ID)
      marks.push(`${c}=${v === ACTOR_USER_ID ? 'user' : 'clinic'}`);
    else if (isSqlSource(v)) return guardedInsert(table, [row], returning);
    else {
      marks.push(c);
      values.push(v);
    }
  }
  const shape = `${table} (${marks.join(', ')}) returning ${returning === '*' ? '*' : returning.join(', ')}`;
  return new OneRowInsert(shape, values, (vs) => {
    let i = 0;
    const r: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c];
      r[c] = v === ACTOR_USER_ID || v === ACTOR_CLINIC_ID ? v : vs[i++];
    }
    return guardedInsert(table, [r], returning);
  });
}

export interface RecordsOptions {
  /** One-row inserts compiled once per shape (`Slot`); false only for the benchmark. */
  compileOnce?: boolean;
  /**
   * Compiled one-row inserts of one shape arriving together sent as one statement
   * (routes/insert-batches.ts); false only for the benchmark.
   */
  batchInserts?: boolean;
}

export function createRecords(db: Db, opts: RecordsOptions = {}): Records {
  const compileOnceEnabled = opts.compileOnce ?? true;
  const batcher = compileOnceEnabled && (opts.batchInserts ?? true) ? createInsertBatcher(db) : undefined;
  /**
   * The statement of a one-row insert from its compiled shape (see `Slot`): compiled on the first call
   * of a shape, then only its parameters are filled in. Undefined: the shape is not cacheable.
   */
  function compiledOnce(
    req: FastifyRequest,
    guardIn: readonly unknown[],
    auditIn: unknown[],
    insert: OneRowInsert,
    statement: (g: readonly unknown[], change: OperationNodeSource, a: unknown[]) => RawBuilder<unknown>,
    finalSelect: () => RawBuilder<unknown>,
  ):
    | { key: string; query: CompiledQuery<Record<string, unknown>>; batch: WriteStatementText | undefined }
    | undefined {
    const key = `${req.method} ${req.routeOptions.url} ${req.deferredGuard ? 'in-statement' : 'hooks'} ${insert.shape}`;
    const values = [...guardIn, ...insert.values, ...auditIn];
    let shape = compiledShapes.get(key);
    if (shape === undefined) {
      const slots = values.map((_, i) => new Slot(i));
      const rowEnd = guardIn.length + insert.values.length;
      const c = statement(
        slots.slice(0, guardIn.length),
        insert.build(slots.slice(guardIn.length, rowEnd)),
        slots.slice(rowEnd),
      ).compile(db);
      shape = c.parameters.every((p) => p instanceof Slot)
        ? {
            sql: c.sql,
            order: c.parameters.map((p) => (p as Slot).index),
            batch: splitWriteStatement(c.sql, finalSelect().compile(db).sql, c.parameters.length),
          }
        : null;
      if (compiledShapes.size < SHAPE_LIMIT) compiledShapes.set(key, shape);
    }
    if (!shape) return undefined;
    const query = CompiledQuery.raw(
      shape.sql,
      shape.order.map((i) => values[i]),
    ) as CompiledQuery<Record<string, unknown>>;
    return { key, query, batch: shape.batch };
  }

  const authorizeNow = (req: FastifyRequest) => authorize(db, req);

  /** Thrown inside `write`'s transaction when its guard found no caller: rolls back, then `authorize` answers. */
  const refusedInTransaction = Symbol('refused');

  const write: Records['write'] = async (req, status, change) => {
    // A `guardInStatement` route: the guard is the transaction's first statement (no query before the
    // transaction; a refused caller rolls it back and gets the hooks' answer); otherwise the hooks have
    // checked the caller.
    const deferred = !!req.deferredGuard;
    let result: Awaited<ReturnType<typeof change>>;
    try {
      result = await db.transaction().execute(async (trx) => {
        if (deferred) {
          const { rows } = await sql<Record<string, unknown>>`${guardQuery(req)}`.execute(trx);
          if (!rows[0]) throw refusedInTransaction;
          adoptCaller(req, rows[0], '');
        }
        const out = await change(trx);
        const fields = auditedRequest(req, status);
        const actor = requireActor(req);
        if (fields) {
          try {
            await insertAuditRows(trx, [
              { actor_user_id: actor.userId, actor_role: actor.role, clinic_id: actor.clinicId, ...fields },
            ]);
          } catch (err) {
            logAuditFailure(req, err);
            throw new ApiError('audit_unavailable');
          }
        }
        return out;
      });
    } catch (err) {
      if (err !== refusedInTransaction) throw err;
      await authorizeNow(req);
      throw new Error(`route ${req.routeOptions.url}: the guard refused an allowed write`);
    }
    req.auditedStatus = status;
    return result;
  };

  /** Runs `change` (a statement over `guard`) with its guard and audit row as one statement. */
  async function guarded<R>(
    req: FastifyRequest,
    status: number,
    change: OperationNodeSource | OneRowInsert,
    opts: ChangeOptions & { kind: 'insert' | 'change'; rows?: number; requirement?: Requirement },
  ): Promise<R[]> {
    const fields = auditedRequest(req, status);
    if (!fields) throw new Error(`route ${req.routeOptions.url} writes patient data but is not audited`);
    const deferred = !!req.deferredGuard;
    const statement = (guardIn: readonly unknown[], changeSql: OperationNodeSource, auditIn: unknown[]) => {
      // Prepared once per connection on PostgreSQL (db/database.ts): a batch's text varies with its size.
      const prepared = opts.rows === undefined || opts.rows === 1 ? sql.raw(PREPARED_MARK) : sql``;
      return sql<
        Record<string, unknown>
      >`${prepared} WITH hemispasm_guard AS (${guardQuery(req, guardIn as [unknown, unknown, unknown])}),
        hemispasm_change AS (${changeSql}),
        hemispasm_audit AS (INSERT INTO audit_log (actor_user_id, actor_role, clinic_id, ${sql.join(REQUEST_COLUMNS.map((c) => sql.ref(c)))})
          SELECT g.user_id, g.role, g.clinic_id, ${auditSql(auditIn, opts.auditPatientFromResult)} FROM hemispasm_guard g WHERE EXISTS (SELECT 1 FROM hemispasm_change))
        ${finalSelect()}`;
    };
    // The statement's last part: the caller (when the statement checked it) and the stored rows. It has no
    // parameters, so a batch of statements (routes/insert-batches.ts) can find where it starts.
    const finalSelect = () => {
      const caller = deferred
        ? sql`${sql.join(GUARD_COLUMNS.map((c) => sql`g.${sql.ref(c)} AS ${sql.ref(CALLER_PREFIX + c)}`))},`
        : sql``;
      return sql`SELECT ${caller} hemispasm_change.* FROM hemispasm_change CROSS JOIN hemispasm_guard g`;
    };
    let result: { rows: Record<string, unknown>[] };
    try {
      const guardIn = guardInputs(req);
      const auditIn = auditInputs(fields);
      const compiled =
        change instanceof OneRowInsert && compileOnceEnabled
          ? compiledOnce(req, guardIn, auditIn, change, statement, finalSelect)
          : undefined;
      // The statement is built only when no compiled shape serves it (building it is the work saved).
      result = compiled
        ? batcher && compiled.batch
          ? await batcher.run(compiled.key, compiled.query, compiled.batch)
          : await db.executeQuery<Record<string, unknown>>(compiled.query)
        : await statement(
            guardIn,
            change instanceof OneRowInsert ? change.build(change.values) : change,
            auditIn,
          ).execute(db);
    } catch (err) {
      if (!isAuditFailure(err)) throw err;
      logAuditFailure(req, err);
      throw new ApiError('audit_unavailable');
    }
    const rows = result.rows;
    if (rows.length === 0) {
      // Refused (the hooks' answer, with one more query), a requirement not met (the route's answer)
      // or, for an update or delete, nothing matched.
      await authorizeNow(req);
      if (opts.requirement) await opts.requirement.refused();
      if (opts.kind === 'insert')
        throw new Error(`route ${req.routeOptions.url}: the guard refused an allowed insert`);
      return [];
    }
    if (deferred) {
      adoptCaller(req, rows[0]!, CALLER_PREFIX);
      for (const r of rows) for (const c of GUARD_COLUMNS) delete r[CALLER_PREFIX + c];
    }
    req.auditedStatus = status;
    return rows as R[];
  }

  async function insertRows<T extends PatientTable>(
    req: FastifyRequest,
    table: T,
    rows: readonly NewRow<T>[],
    requirement?: Requirement,
  ): Promise<Selectable<Database[T]>[]> {
    const patientId = addressedPatient(req);
    const values = rows.map((r) => ({ ...r, patient_id: patientId, created_by: ACTOR_USER_ID }));
    const statement =
      values.length === 1 && !requirement
        ? oneRowInsert(table, values[0]!, '*')
        : guardedInsert(table, values, '*', requirement);
    const stored = await guarded(req, 201, statement, {
      kind: 'insert',
      rows: rows.length,
      ...(requirement ? { requirement } : {}),
    });
    return stored as Selectable<Database[T]>[];
  }
  const insertMany: Records['insertMany'] = (req, table, rows) => insertRows(req, table, rows);

  return {
    async list(req, table, opts) {
      await authorizeNow(req);
      let q = (db as unknown as AnyDb)
        .selectFrom(table)
        .selectAll()
        .where('patient_id', '=', addressedPatient(req));
      for (const [column, op, value] of opts.where ?? []) {
        if (value !== undefined) q = q.where(sql.ref(column), op, value);
      }
      for (const column of opts.newestFirst) q = q.orderBy(column, 'desc');
      if (opts.limit !== undefined) q = q.limit(opts.limit);
      return (await q.execute()) as Selectable<Database[typeof table]>[];
    },
    async insert(req, table, row, requirement) {
      const [stored] = await insertRows(req, table, [row], requirement);
      return stored!;
    },
    insertMany,
    async insertInto(req, status, table, row, opts) {
      const [stored] = await guarded(req, status, oneRowInsert(table, row, opts.returning), {
        ...opts,
        kind: 'insert',
      });
      return stored as Pick<Selectable<Database[typeof table]>, (typeof opts.returning)[number]>;
    },
    change: (req, status, query) => guarded(req, status, query.where(GUARD_PASSED), { kind: 'change' }),
    write,
    authorize: authorizeNow,
  };
}

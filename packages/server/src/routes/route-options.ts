/**
 * The options object of an API route, written once: its access policy (and audit name, http/route-config.ts)
 * and its OpenAPI tag, summary and schemas, with the problem responses every route may give added to its
 * own. `patientRoute` adds the `:patientId` path parameter of the routes under /patients/{patientId};
 * `patientRows` declares the two routes of a collection of a patient's rows (list newest first, create).
 */
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { Policy } from '../policy/access';
import { PatientParams, problems } from './common';
import type { RouteModule } from './context';
import { type ListOptions, type NewRow, type PatientTable, type Records, RequiringRow } from './records';

/** A request to a route under /patients/{patientId}, its parameter checked. */
export type PatientRequest = FastifyRequest & { params: { patientId: string } };

interface RouteSchemas {
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** The route's own answers by status code (a schema, or one per content type); problems are added. */
  response: Record<number, unknown>;
}

export function routeOptions<const S extends RouteSchemas>(
  config: Policy | FastifyContextConfig,
  tag: string,
  summary: string,
  schema: S,
) {
  return {
    config: typeof config === 'string' ? { policy: config } : config,
    schema: {
      tags: [tag],
      summary,
      ...schema,
      response: { ...schema.response, ...problems },
    },
  };
}

export function patientRoute<const S extends Omit<RouteSchemas, 'params'>>(
  config: Policy | FastifyContextConfig,
  tag: string,
  summary: string,
  schema: S,
) {
  return routeOptions(config, tag, summary, { params: PatientParams, ...schema });
}

/**
 * The collections of a patient's rows, each at /patients/{patientId}/<name>: its OpenAPI tag and its table.
 * What a stored row answers (its schema and mapping) lives with the collection's routes.
 */
export const PATIENT_COLLECTIONS = {
  assessments: { tag: 'assessments', table: 'assessments' },
  diary: { tag: 'diary', table: 'diary_entries' },
  episodes: { tag: 'treatments', table: 'treatment_episodes' },
  'follow-ups': { tag: 'treatments', table: 'follow_ups' },
  decisions: { tag: 'decisions', table: 'decision_records' },
  preferences: { tag: 'decisions', table: 'decision_preferences' },
} as const satisfies Record<string, { tag: string; table: PatientTable }>;
type Collection = keyof typeof PATIENT_COLLECTIONS;
type TableOf<C extends Collection> = (typeof PATIENT_COLLECTIONS)[C]['table'];

/**
 * The two routes every collection of a patient's rows has, declared once: the collection `name` (its
 * path, tag and table in PATIENT_COLLECTIONS), the `item` schema a stored row is answered as, and `dto`:
 *  - `list`: GET the patient's rows through the record helper (policy patient-read), newest first and
 *    filtered by `options` (which may read the query), each answered as `dto`;
 *  - `create`: POST one row: the body is checked by its schema, turned into the row's columns by `columns`
 *    (which may refuse it with an ApiError), stored through the record helper (audit row included) and
 *    answered 201 with the stored row. The route is `guardInStatement` (http/guard.ts): the insert checks
 *    the session and policy itself, so `columns` runs before the caller is checked and reads nothing; a
 *    row that depends on another (a follow-up's episode) returns a `RequiringRow`, whose condition the
 *    same insert checks (records.ts, one statement).
 */
export function patientRows<C extends Collection, Item extends z.ZodType, T extends TableOf<C> = TableOf<C>>(
  api: Parameters<RouteModule>[0],
  records: Records,
  name: C,
  item: Item,
  dto: (row: Selectable<Database[T]>) => z.output<Item>,
) {
  const { tag } = PATIENT_COLLECTIONS[name];
  const table = PATIENT_COLLECTIONS[name].table as T;
  const path = `/patients/:patientId/${name}`;
  return {
    list<Query extends z.ZodType = z.ZodNever>(
      summary: string,
      options: ListOptions<T> | ((query: z.output<Query>) => ListOptions<T>),
      querystring?: Query,
    ): void {
      api.get(
        path,
        patientRoute('patient-read', tag, summary, {
          ...(querystring ? { querystring } : {}),
          response: { 200: z.array(item) },
        }),
        async (req) => {
          const o = typeof options === 'function' ? options(req.query as z.output<Query>) : options;
          return (await records.list(req, table, o)).map(dto);
        },
      );
    },
    create<Body extends z.ZodType>(
      config: Policy | FastifyContextConfig,
      summary: string,
      body: Body,
      columns: (body: z.output<Body>, req: PatientRequest) => NewRow<T> | RequiringRow<NewRow<T>>,
    ): void {
      // Typed without the zod provider: the generic body and item are checked by the route's schemas.
      (api as FastifyInstance).post(
        path,
        patientRoute(
          { ...(typeof config === 'string' ? { policy: config } : config), guardInStatement: true },
          tag,
          summary,
          { body, response: { 201: item } },
        ),
        async (req, reply) => {
          const r = req as PatientRequest;
          const cols = columns(r.body as z.output<Body>, r);
          const row =
            cols instanceof RequiringRow
              ? await records.insert(r, table, cols.row, cols.requirement)
              : await records.insert(r, table, cols);
          return reply.code(201).send(dto(row));
        },
      );
    },
  };
}

/**
 * The options object of an API route, written once: its access policy (and audit name, http/route-config.ts)
 * and its OpenAPI tag, summary and schemas, with the problem responses every route may give added to its
 * own. `patientRoute` adds the `:patientId` path parameter of the routes under /patients/{patientId};
 * `listRoute` is the whole "list this patient's rows, newest first" route.
 */
import type { FastifyContextConfig } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import type { Policy } from '../policy/access';
import { PatientParams, problems } from './common';
import type { RouteModule } from './context';
import type { ListOptions, PatientTable, Records } from './records';

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
 * GET `path` under /patients/{patientId} (policy patient-read): the patient's rows of `table` through the
 * record helper — newest first, filtered by `list` (which may read the query) — each answered as `dto`.
 */
export function listRoute<T extends PatientTable, Item extends z.ZodType, Query extends z.ZodType>(
  api: Parameters<RouteModule>[0],
  records: Records,
  spec: {
    path: string;
    tag: string;
    summary: string;
    querystring?: Query;
    item: Item;
    table: T;
    list: ListOptions<T> | ((query: z.output<Query>) => ListOptions<T>);
    dto: (row: Selectable<Database[T]>) => z.output<Item>;
  },
): void {
  const { list, querystring } = spec;
  api.get(
    spec.path,
    patientRoute('patient-read', spec.tag, spec.summary, {
      ...(querystring ? { querystring } : {}),
      response: { 200: z.array(spec.item) },
    }),
    async (req) => {
      const options = typeof list === 'function' ? list(req.query as z.output<Query>) : list;
      return (await records.list(req, spec.table, options)).map(spec.dto);
    },
  );
}

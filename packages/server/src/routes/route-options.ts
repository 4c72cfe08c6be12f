/**
 * The options object of an API route, written once: its access policy (and audit name, http/route-config.ts)
 * and its OpenAPI tag, summary and schemas, with the problem responses every route may give added to its
 * own. `patientRoute` adds the `:patientId` path parameter of the routes under /patients/{patientId}.
 */
import type { FastifyContextConfig } from 'fastify';
import type { z } from 'zod';
import type { Policy } from '../policy/access';
import { PatientParams, problems } from './common';

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

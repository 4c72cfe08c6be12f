/**
 * Request validation with zod for every route part (body, params, querystring), reporting each issue
 * under its part — `body.severity: must be ≤ 10`, `params.patientId: …` — with the core's wording.
 */
import { issuesFromZod, joinPath } from '@hemispasm/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ApiError } from './errors';

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = httpPart ?? 'body';
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const issues = issuesFromZod(r.error).map((i) => ({
      path: joinPath(part, i.path),
      message: i.message,
    }));
    return { error: new ApiError('validation_failed', { issues }) };
  };
};

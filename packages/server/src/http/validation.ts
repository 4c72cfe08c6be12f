/**
 * Request validation with zod for every route part (body, params, querystring), reporting each issue
 * under its part — `body.severity: must be ≤ 10`, `params.patientId: …` — with the core's wording.
 */
import { issuesFromZod, joinPath } from '@hemispasm/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ApiError } from './errors';

/**
 * A zod validator compiler whose issue paths are the part's dotted path (`body.entry.2.birthDate`), passed
 * through `spell` (the FHIR routes write `body.entry[2].birthDate`).
 */
export function validatorCompiler(
  spell: (path: string) => string = (p) => p,
): FastifySchemaCompiler<z.ZodType> {
  return ({ schema, httpPart }) => {
    const part = httpPart ?? 'body';
    return (data: unknown) => {
      const r = schema.safeParse(data);
      if (r.success) return { value: r.data };
      const issues = issuesFromZod(r.error).map((i) => ({
        path: spell(joinPath(part, i.path)),
        message: i.message,
      }));
      return { error: new ApiError('validation_failed', { issues }) };
    };
  };
}

export const zodValidatorCompiler = validatorCompiler();

/**
 * Request validation for the FHIR routes: the server's zod validation, with paths written the way FHIR
 * tools write them — `body.entry[2].resource.birthDate` rather than `body.entry.2.resource.birthDate`.
 */
import { issuesFromZod, joinPath } from '@hemispasm/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../http/errors';

/** `entry.2.resource.component.0.code` → `entry[2].resource.component[0].code` (FHIR has no numeric keys). */
export const fhirPath = (dotted: string) => dotted.replace(/\.(\d+)(?=\.|$)/g, '[$1]');

export const fhirValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = httpPart ?? 'body';
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const issues = issuesFromZod(r.error).map((i) => ({
      path: fhirPath(joinPath(part, i.path)),
      message: i.message,
    }));
    return { error: new ApiError('validation_failed', { issues }) };
  };
};

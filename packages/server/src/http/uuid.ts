/**
 * The one UUID rule of the API, used by the route schemas, the request guard, the audit trail and the
 * FHIR exchange: the RFC 9562 text form as zod checks it (versions 1–8 with the RFC variant, plus the
 * nil and max UUIDs). Every id the database generates (`gen_random_uuid()`, version 4) passes it.
 */
import { z } from 'zod';

export const Uuid = z.uuid();

export function isUuid(value: unknown): value is string {
  return Uuid.safeParse(value).success;
}

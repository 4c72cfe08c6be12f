/** What every API route declares besides its schema: its access policy and, optionally, what it audits. */
import type { Actor } from '../auth/sessions';
import type { PatientRef, Policy } from '../policy/access';

export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route (the server refuses to start otherwise). */
    policy?: Policy;
    /** Audit-log resource name; patient-scoped routes are always audited (default: last path word). */
    audit?: string;
  }
  interface FastifyRequest {
    actor?: Actor;
    /** The patient addressed by `:patientId`, after the policy allowed access. */
    patient?: PatientRef;
    /** The patient's clinic as fetched with the session (null: no such patient). */
    patientLookup?: { id: string; clinicId: string | null };
    /** For routes that create or address a patient without `:patientId` (POST /api/patients). */
    auditPatientId?: string;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

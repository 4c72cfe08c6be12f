/** What every API route declares besides its schema: its access policy and, optionally, what it audits. */
import type { Actor } from '../auth/sessions';
import type { PatientRef, Policy } from '../policy/access';

export interface RouteEntry {
  method: string;
  url: string;
  policy: Policy;
}

/** A request whose session and policy its write statement checks (http/guard.ts). */
export interface DeferredGuard {
  /** SHA-256 of the session cookie, as stored. */
  tokenHash: string;
  /** The X-CSRF-Token header ('' when absent: matches no session). */
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route (the server refuses to start otherwise). */
    policy?: Policy;
    /** Audit-log resource name; patient-scoped routes are always audited (default: last path word). */
    audit?: string;
    /**
     * A write route whose one statement checks the session, CSRF token and policy itself
     * (http/guard.ts, routes/records.ts): set by the routes that write through `records` alone.
     */
    guardInStatement?: boolean;
  }
  interface FastifyRequest {
    actor?: Actor;
    /** Set while the session and policy of a `guardInStatement` request are still unchecked. */
    deferredGuard?: DeferredGuard;
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

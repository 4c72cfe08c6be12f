/**
 * The audit trail: one append-only row for every request that touched patient data — reads, writes
 * and refused attempts — with who (user, role, clinic), which patient, what (action, resource, route
 * template), the outcome status, when, from where (client address) and the request id.
 *
 * One mechanism, two moments:
 * - a write stores its audit row in its own statement or transaction (routes/records.ts), built from
 *   `auditedRequest` and the caller that statement checked: both commit or neither does, so a crash can
 *   never leave a record without its audit row;
 * - everything else (reads, refused attempts) is recorded here, in onSend, before the response leaves.
 * If the row cannot be stored the request fails with 503 `audit_unavailable`: a write keeps nothing,
 * and a read releases nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { isPatientScoped } from '../policy/access';
import { type AuditRow, createAuditWriter } from './audit-writer';
import { ApiError, problemBody } from './errors';
import { loggableError } from './log-redaction';
import { isUuid } from './uuid';

const ACTIONS = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
} as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** The status the audit row stored with the request's write says (see routes/records.ts). */
    auditedStatus?: number;
  }
}

function resourceOf(url: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const words = url.split('/').filter((w) => w && !w.startsWith(':'));
  return words.at(-1) ?? 'unknown';
}

/** What a request's audit row holds besides its actor. */
export type AuditedRequest = Omit<AuditRow, 'actor_user_id' | 'actor_role' | 'clinic_id'>;

/**
 * The request's audit row without its actor, if it answers with `status`; undefined for requests that
 * are not audited. A write statement that checks the session itself takes the actor from it (records.ts).
 */
export function auditedRequest(req: FastifyRequest, status: number): AuditedRequest | undefined {
  const cfg = req.routeOptions.config;
  if (!cfg.policy || !(isPatientScoped(cfg.policy) || cfg.audit)) return undefined;
  const rawPatient = (req.params as Record<string, string | undefined> | undefined)?.patientId;
  const patientId = req.patient?.id ?? req.auditPatientId ?? null;
  return {
    // A refused attempt on a well-formed id still records which record was tried.
    patient_id: patientId ?? (isUuid(rawPatient) ? rawPatient.toLowerCase() : null),
    action: ACTIONS[req.method as keyof typeof ACTIONS] ?? 'read',
    resource: resourceOf(req.routeOptions.url ?? '', cfg.audit),
    route: `${req.method} ${req.routeOptions.url}`,
    status,
    ip: req.ip,
    request_id: req.id,
  };
}

/** The request's audit row if it answers with `status`; undefined for requests that are not audited. */
export function auditRowOf(req: FastifyRequest, status: number): AuditRow | undefined {
  // Requests refused before we knew who was calling (no session) name nobody; skip them.
  const actor = req.actor;
  if (!actor || status === 401) return undefined;
  const fields = auditedRequest(req, status);
  if (!fields) return undefined;
  return { actor_user_id: actor.userId, actor_role: actor.role, clinic_id: actor.clinicId, ...fields };
}

/** Logged when the audit trail cannot be written, through the one redaction point (never the error's text). */
export function logAuditFailure(req: FastifyRequest, err: unknown): void {
  req.log.error({ error: loggableError(err, `${req.method} ${req.routeOptions.url}`) }, 'AUDIT WRITE FAILED');
}

export function installAudit(app: FastifyInstance, db: Db): void {
  const write = createAuditWriter(db);
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload) => {
    // Already stored with the request's write, for the status it answers with.
    if (req.auditedStatus === reply.statusCode) return payload;
    const row = auditRowOf(req, reply.statusCode);
    if (!row) return payload;
    try {
      await write(row);
      return payload;
    } catch (err) {
      logAuditFailure(req, err);
      reply.code(503).type('application/problem+json');
      return JSON.stringify(problemBody(new ApiError('audit_unavailable'), req.id));
    }
  });
}

/**
 * Writes the audit trail: one append-only row for every request that touched patient data — reads,
 * writes and refused attempts — with who (user, role, clinic), which patient, what (action, resource,
 * route template), the outcome status, when, from where (client address) and the request id.
 * Written before the response leaves (onSend), so nothing is released that was not recorded first;
 * a failure to write it is logged loudly.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { isPatientScoped } from '../policy/access';
import { createAuditWriter } from './audit-writer';
import { loggableError } from './log-redaction';

const ACTIONS = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
} as const;

function shouldAudit(req: FastifyRequest, reply: FastifyReply): boolean {
  const cfg = req.routeOptions.config;
  if (!cfg.policy) return false;
  if (!(isPatientScoped(cfg.policy) || cfg.audit)) return false;
  // Requests refused before we knew who was calling (no session) name nobody; skip them.
  return !!req.actor && reply.statusCode !== 401;
}

function resourceOf(url: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const words = url.split('/').filter((w) => w && !w.startsWith(':'));
  return words.at(-1) ?? 'unknown';
}

export function installAudit(app: FastifyInstance, db: Db): void {
  const write = createAuditWriter(db);
  app.addHook('onSend', async (req, reply, payload) => {
    if (!shouldAudit(req, reply)) return payload;
    const actor = req.actor!;
    const rawPatient = (req.params as Record<string, string | undefined> | undefined)?.patientId;
    const patientId = req.patient?.id ?? req.auditPatientId ?? null;
    try {
      await write({
        actor_user_id: actor.userId,
        actor_role: actor.role,
        clinic_id: actor.clinicId,
        // A refused attempt on a well-formed id still records which record was tried.
        patient_id: patientId ?? (rawPatient && /^[0-9a-f-]{36}$/i.test(rawPatient) ? rawPatient : null),
        action: ACTIONS[req.method as keyof typeof ACTIONS] ?? 'read',
        resource: resourceOf(req.routeOptions.url ?? '', req.routeOptions.config.audit),
        route: `${req.method} ${req.routeOptions.url}`,
        status: reply.statusCode,
        ip: req.ip,
        request_id: req.id,
      });
    } catch (err) {
      req.log.error(
        { error: loggableError(err, `${req.method} ${req.routeOptions.url}`) },
        'AUDIT WRITE FAILED',
      );
    }
    return payload;
  });
}

/**
 * The request guard of every /api route, in Fastify's hook order:
 *  1. onRequest — who is calling: the session cookie is looked up in the database; a state-changing
 *     request must also carry the session's CSRF token in X-CSRF-Token.
 *  2. preValidation — may they: the route's policy is applied to the addressed patient or user
 *     (loaded here, so a foreign or unknown id is refused before the body is even looked at).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, CSRF_HEADER, findSession, SESSION_COOKIE } from '../auth/sessions';
import type { Db } from '../db/database';
import { decide, isPatientScoped, type PatientRef, type PolicyTarget } from '../policy/access';
import { ApiError, fieldError } from './errors';
import { isUuid } from './uuid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in caller of a route whose policy needs one (the guard has checked the session). */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new ApiError('unauthenticated');
  return req.actor;
}

/** The patient a patient-scoped route addresses, after the policy allowed access to it. */
export function requirePatient(req: FastifyRequest): PatientRef {
  if (!req.patient) throw new Error(`route ${req.routeOptions.url} is not patient-scoped`);
  return req.patient;
}

function idParam(req: FastifyRequest, name: string): string | undefined {
  const v = (req.params as Record<string, string | undefined> | undefined)?.[name];
  if (v === undefined) return undefined;
  if (!isUuid(v)) {
    throw fieldError('validation_failed', `params.${name}`, 'expected a UUID');
  }
  return v.toLowerCase();
}

export function installGuard(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!policy || policy === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    // For a patient route, fetch the patient's clinic with the session (a malformed id is reported
    // later, by the policy step, as a bad parameter).
    const raw = isPatientScoped(policy)
      ? (req.params as Record<string, string | undefined>).patientId
      : undefined;
    const patientId = isUuid(raw) ? raw.toLowerCase() : undefined;
    const found = token ? await findSession(db, token, patientId) : undefined;
    if (!found) throw new ApiError('unauthenticated');
    const { actor } = found;
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new ApiError('csrf_failed');
    }
    req.actor = actor;
    if (patientId && found.patientClinicId !== undefined) {
      req.patientLookup = { id: patientId, clinicId: found.patientClinicId };
    }
  });

  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!policy || policy === 'public') return;
    const target: PolicyTarget = {};
    if (isPatientScoped(policy)) {
      const id = idParam(req, 'patientId');
      if (!id) throw new Error(`route ${req.routeOptions.url} has a patient policy but no :patientId`);
      // onRequest fetched the patient's clinic with the session (same id, lower-cased), so no second query.
      const lookup = req.patientLookup;
      if (lookup?.id !== id)
        throw new Error(`route ${req.routeOptions.url}: patient not looked up with the session`);
      const { clinicId } = lookup;
      if (clinicId === null) throw fieldError('not_found', 'params.patientId', 'no such patient');
      target.patient = { id, clinicId };
    }
    const userId = idParam(req, 'userId');
    if (userId) {
      const u = await db
        .selectFrom('users')
        .select(['id', 'clinic_id'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!u) throw fieldError('not_found', 'params.userId', 'no such user');
      target.user = { id: u.id, clinicId: u.clinic_id };
    }
    if (decide(policy, req.actor, target) === 'deny') throw new ApiError('forbidden');
    if (target.patient) req.patient = target.patient;
  });
}

/**
 * CDS Hooks 2.0, at the root of the server as the specification places it ({baseUrl}/cds-services):
 *   GET  /cds-services                          discovery (public: it holds no patient data)
 *   POST /cds-services/hemispasm-patient-view   the patient-view hook (a JWT signed by the EHR)
 * The service reads the prefetched FHIR data, builds the decision profile from it (src/cds/), runs the
 * core's decision engine and answers cards. It stores nothing about the patient; each call is audited
 * (role `cds-client`), and each JWT id is kept until the token expires to refuse replays.
 */
import { type DecisionResult, InputError, recommend } from '@hemispasm/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cardsFor } from '../cds/cards';
import type { CdsConfig } from '../cds/config';
import { profileFromFhir } from '../cds/decision-profile';
import { createCdsVerifier } from '../cds/jwt';
import { readPrefetch } from '../cds/prefetch';
import {
  CDS_SERVICE,
  CDS_SERVICE_ID,
  CdsDiscovery,
  CdsRequest,
  CdsResponse,
  type CdsResponseBody,
  REQUIRED_PREFETCH,
} from '../cds/service';
import type { Db } from '../db/database';
import { logAuditFailure } from '../http/audit';
import { createAuditWriter } from '../http/audit-writer';
import { ApiError, problemBody } from '../http/errors';
import { problems } from './common';

export interface CdsRouteOptions {
  db: Db;
  /** Undefined: no CDS service is hosted (discovery lists none). */
  config: CdsConfig | undefined;
}

/** A prefetch can hold a patient's whole relevant record: more room than the API's default. */
const CDS_BODY_LIMIT = 4 * 1024 * 1024;

export async function cdsHooksRoutes(app: FastifyInstance, opts: CdsRouteOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = opts;

  r.get(
    '/cds-services',
    {
      schema: {
        tags: ['cds-hooks'],
        summary: 'CDS Hooks discovery: the services this server hosts',
        security: [],
        response: { 200: CdsDiscovery },
      },
    },
    async () => ({ services: config ? [CDS_SERVICE] : [] }),
  );
  if (!config) return;

  const audience = `${config.publicUrl}/cds-services/${CDS_SERVICE_ID}`;
  const verifier = createCdsVerifier(opts.db, config);
  const audit = createAuditWriter(opts.db);
  const authenticated = new WeakSet<FastifyRequest>();
  const route = `POST /cds-services/${CDS_SERVICE_ID}`;

  r.post(
    `/cds-services/${CDS_SERVICE_ID}`,
    {
      bodyLimit: CDS_BODY_LIMIT,
      schema: {
        tags: ['cds-hooks'],
        summary:
          'CDS Hooks patient-view: red flags, ranked options with sources, missing data, decision aid link',
        description:
          `Authorization: Bearer <JWT signed by the EHR>, aud = ${audience}. ` +
          'Prefetch keys: patient, conditions, observations, procedures, medications (see the discovery response).',
        security: [],
        body: CdsRequest,
        response: { 200: CdsResponse, ...problems, 412: problems[400], 503: problems[400] },
      },
      // Who is calling comes first: nothing of the body is read before the JWT is verified.
      onRequest: async (req, reply) => {
        try {
          await verifier.verify(req.headers.authorization, audience);
          authenticated.add(req);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'invalid_token') {
            reply.header('www-authenticate', 'Bearer realm="cds-services", error="invalid_token"');
          }
          throw e;
        }
      },
      onSend: async (req, reply, payload) => {
        if (!authenticated.has(req)) return payload;
        try {
          await audit({
            actor_user_id: null,
            actor_role: 'cds-client',
            clinic_id: null,
            patient_id: null, // the EHR's patient, not one of ours
            action: 'read',
            resource: 'cds-patient-view',
            route,
            status: reply.statusCode,
            ip: req.ip,
            request_id: req.id,
          });
          return payload;
        } catch (err) {
          // As for every audited read: no audit row, no answer (the cards are about a patient).
          logAuditFailure(req, err);
          reply.code(503).type('application/problem+json');
          return JSON.stringify(problemBody(new ApiError('audit_unavailable'), req.id));
        }
      },
    },
    async (req): Promise<CdsResponseBody> => {
      const body = req.body;
      const prefetch = body.prefetch ?? {};
      const absent = REQUIRED_PREFETCH.filter((k) => !(k in prefetch));
      if (absent.length) {
        throw new ApiError('prefetch_missing', {
          detail: 'this service reads only the prefetch; it does not query the FHIR server',
          issues: absent.map((k) => ({
            path: `body.prefetch.${k}`,
            message: `required: ${CDS_SERVICE.prefetch[k]}`,
          })),
        });
      }
      const now = config.now?.() ?? new Date();
      const built = profileFromFhir(readPrefetch(prefetch, body.context.patientId), now);
      if (!built.hfs) {
        // Not a patient with hemifacial spasm in the record: nothing to say (patient-view fires for everyone).
        return { cards: [], extension: { 'org.hemispasm.cds': { hemifacialSpasm: false, ranked: false } } };
      }
      let result: DecisionResult;
      try {
        result = recommend(built.profile);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        throw new ApiError('validation_failed', {
          issues: e.issues.map((i) => ({ path: `body.prefetch (profile.${i.path})`, message: i.message })),
        });
      }
      return {
        cards: cardsFor(built, result, config.publicUrl),
        extension: {
          'org.hemispasm.cds': { hemifacialSpasm: true, ranked: built.essentialMissing.length === 0 },
        },
      };
    },
  );
}

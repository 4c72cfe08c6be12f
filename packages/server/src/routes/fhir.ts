/**
 * FHIR R4 exchange: a patient's record as a `collection` Bundle (`application/fhir+json`), and the
 * import of such a Bundle as a new patient of the caller's clinic — validated at the edge, re-scored
 * with the core, stored in one transaction. The mapping lives in `src/fhir/` (pure functions).
 */
import type { FastifyInstance } from 'fastify';
import { readAnalytics } from '../db/read-routing';
import {
  FhirBundleIn,
  FhirBundleOut,
  type FhirBundleWire,
  FhirImportResult,
  type FhirImportResultBody,
} from '../fhir/bundle-schema';
import { recordToBundle } from '../fhir/export-bundle';
import { planImport } from '../fhir/import-plan';
import { loadPatientRecord } from '../fhir/load-record';
import { storeImport } from '../fhir/store-import';
import { fhirValidatorCompiler } from '../fhir/validation';
import { PatientParams, problems } from './common';
import { type ApiInstance, type RouteContext, typed } from './context';

export const FHIR_JSON = 'application/fhir+json';

async function routes(api: FastifyInstance, ctx: RouteContext): Promise<void> {
  // FHIR clients send application/fhir+json: parsed like application/json (same size limit), here only.
  api.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, api.getDefaultJsonParser('error', 'error'));
  // Issues named the way FHIR tools name elements: body.entry[2].resource.birthDate.
  api.setValidatorCompiler(fhirValidatorCompiler);
  const r = typed(api);

  r.get(
    '/patients/:patientId/fhir',
    {
      config: { policy: 'patient-read', audit: 'fhir-export' },
      schema: {
        tags: ['fhir'],
        summary: "The patient's record as a FHIR R4 Bundle (type collection, application/fhir+json)",
        params: PatientParams,
        response: {
          200: { description: 'FHIR R4 Bundle', content: { [FHIR_JSON]: { schema: FhirBundleOut } } },
          ...problems,
        },
      },
    },
    async (req, reply) => {
      const record = await readAnalytics(req, ctx.db, (db) => loadPatientRecord(db, req.params.patientId));
      const bundle = recordToBundle(record, { now: new Date() });
      // The fhir/r4 interfaces have no index signature; the loose wire schema passes every element through.
      return reply.type(FHIR_JSON).send(bundle as FhirBundleWire);
    },
  );

  r.post(
    '/fhir/Bundle',
    {
      config: { policy: 'clinic-import', audit: 'fhir-import' },
      schema: {
        tags: ['fhir'],
        summary:
          "Import a FHIR R4 Bundle shaped like the export as a new patient of the caller's clinic (clinicians, admins)",
        description:
          'Send application/fhir+json or application/json. Assessments are scored again on the server; ' +
          'incoming scores are ignored. All or nothing: a bad resource anywhere stores nothing, and every ' +
          'issue names its element, e.g. body.entry[2].resource.birthDate.',
        body: FhirBundleIn,
        response: { 201: FhirImportResult, ...problems },
      },
    },
    async (req, reply) => {
      const plan = planImport(req.body, { today: new Date().toISOString().slice(0, 10) });
      const stored = await storeImport(ctx.db, plan, req.actor!);
      req.auditPatientId = stored.patientId;
      const body: FhirImportResultBody = {
        patientId: stored.patientId,
        created: { assessments: stored.assessments, episodes: stored.episodes, followUps: stored.followUps },
        skipped: plan.skipped,
      };
      return reply.code(201).send(body);
    },
  );
}

export function fhirRoutes(api: ApiInstance, ctx: RouteContext): void {
  // Own encapsulation context, so the fhir+json body parser applies to these routes only.
  api.register(async (scope) => routes(scope, ctx));
}

/**
 * FHIR R4 exchange: a patient's record as a `collection` Bundle (`application/fhir+json`), the import
 * of such a Bundle as a new patient of the caller's clinic — validated at the edge (our schema, then the
 * published R4 definitions), re-scored with the core, stored in one transaction — and every instrument
 * as a Questionnaire. The mapping lives in `src/fhir/` (pure functions).
 */
import { getInstrument, INSTRUMENTS, InputError } from '@hemispasm/core';
import { z } from 'zod';
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
import { instrumentQuestionnaire } from '../fhir/questionnaire';
import { r4IssuesAt } from '../fhir/r4-validation';
import { storeImport } from '../fhir/store-import';
import { fhirValidatorCompiler } from '../fhir/validation';
import { ApiError } from '../http/errors';
import { requireActor } from '../http/guard';
import type { RouteModule } from './context';
import { patientRoute, routeOptions } from './route-options';

export const FHIR_JSON = 'application/fhir+json';

const InstrumentParams = z.strictObject({
  instrumentId: z.string().max(100).describe('An instrument id of @hemispasm/core, e.g. smc'),
});
const FhirResourceOut = z
  .looseObject({ resourceType: z.string() })
  .meta({ id: 'FhirResource', description: 'A FHIR R4 resource' });
/** The fhir/r4 interfaces have no index signature; a spread copy has one, and passes every element through. */
const wire = (r: { resourceType: string }): z.input<typeof FhirResourceOut> => ({ ...r });

// A plugin of its own (encapsulated), so the fhir+json body parser and the FHIR-style issue paths apply
// to these routes only.
export const fhirRoutes: RouteModule = async (api, ctx) => {
  // FHIR clients send application/fhir+json: parsed like application/json (same size limit), here only.
  api.addContentTypeParser(FHIR_JSON, { parseAs: 'string' }, api.getDefaultJsonParser('error', 'error'));
  // Issues named the way FHIR tools name elements: body.entry[2].resource.birthDate.
  api.setValidatorCompiler(fhirValidatorCompiler);

  api.get(
    '/patients/:patientId/fhir',
    patientRoute(
      { policy: 'patient-read', audit: 'fhir-export' },
      'fhir',
      "The patient's record as a FHIR R4 Bundle (type collection, application/fhir+json)",
      {
        response: {
          200: { description: 'FHIR R4 Bundle', content: { [FHIR_JSON]: { schema: FhirBundleOut } } },
        },
      },
    ),
    async (req, reply) => {
      const record = await readAnalytics(req, ctx.db, (db) => loadPatientRecord(db, req.params.patientId));
      const bundle = recordToBundle(record, { now: new Date() });
      // The fhir/r4 interfaces have no index signature; the loose wire schema passes every element through.
      return reply.type(FHIR_JSON).send(bundle as FhirBundleWire);
    },
  );

  api.post(
    '/fhir/Bundle',
    routeOptions(
      { policy: 'clinic-import', audit: 'fhir-import', guardInStatement: true },
      'fhir',
      "Import a FHIR R4 Bundle shaped like the export as a new patient of the caller's clinic (clinicians, admins)",
      {
        description:
          'Send application/fhir+json or application/json. Assessments are scored again on the server; ' +
          'incoming scores are ignored. All or nothing: a bad resource anywhere stores nothing, and every ' +
          'issue names its element, e.g. body.entry[2].resource.birthDate.',
        body: FhirBundleIn,
        response: { 201: FhirImportResult },
      },
    ),
    async (req, reply) => {
      // What our schema accepts must also be valid R4: the published definitions have the last word.
      const r4 = await r4IssuesAt('body', req.body);
      if (r4.length) throw new ApiError('validation_failed', { issues: r4 });
      const plan = planImport(req.body, { today: new Date().toISOString().slice(0, 10) });
      const stored = await ctx.records.write(req, 201, async (trx) => {
        const result = await storeImport(trx, plan, requireActor(req));
        req.auditPatientId = result.patientId;
        return result;
      });
      const body: FhirImportResultBody = {
        patientId: stored.patientId,
        created: { assessments: stored.assessments, episodes: stored.episodes, followUps: stored.followUps },
        skipped: plan.skipped,
      };
      return reply.code(201).send(body);
    },
  );

  api.get(
    '/fhir/Questionnaire',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['fhir'],
        summary: 'Every instrument as a FHIR R4 Questionnaire (a searchset Bundle)',
        response: {
          200: { description: 'FHIR R4 Bundle', content: { [FHIR_JSON]: { schema: FhirResourceOut } } },
        },
      },
    },
    async (_req, reply) => {
      const entry = INSTRUMENTS.map((def) => {
        const resource = instrumentQuestionnaire(def);
        return { fullUrl: resource.url, resource, search: { mode: 'match' as const } };
      });
      const bundle = { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
      return reply.type(FHIR_JSON).send(wire(bundle));
    },
  );

  api.get(
    '/fhir/Questionnaire/:instrumentId',
    routeOptions(
      'public',
      'fhir',
      'An instrument as an SDC-style FHIR R4 Questionnaire (wording only where it is shipped and verified; the licensed HFS-7/HFS-30 wording never: neutral labels)',
      {
        params: InstrumentParams,
        response: {
          200: {
            description: 'FHIR R4 Questionnaire',
            content: { [FHIR_JSON]: { schema: FhirResourceOut } },
          },
        },
      },
    ),
    async (req, reply) => {
      let def: ReturnType<typeof getInstrument>;
      try {
        def = getInstrument(req.params.instrumentId);
      } catch (e) {
        if (e instanceof InputError) throw new ApiError('not_found', { detail: e.issues[0]?.message });
        throw e;
      }
      return reply.type(FHIR_JSON).send(wire(instrumentQuestionnaire(def)));
    },
  );
};

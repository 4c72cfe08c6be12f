/**
 * The CDS Hooks 2.0 service hemispasm hosts: its discovery entry (with the prefetch templates it needs)
 * and the request and response shapes, as zod schemas (they validate the request at the edge and
 * document both in the OpenAPI description).
 */
import { z } from 'zod';
import {
  CPT_MVD,
  CPT_TOXIN,
  HS_SYSTEM,
  ICD10_HFS,
  ICD10CM_HFS_BY_SIDE,
  ICD10CM_HFS_UNSPECIFIED,
  SYSTEM,
} from '../fhir/codes';
import type { PrefetchKey } from './prefetch';

export const CDS_SERVICE_ID = 'hemispasm-patient-view';

const hfsCodes = [
  `${SYSTEM.icd10}|${ICD10_HFS.code}`,
  ...[...Object.values(ICD10CM_HFS_BY_SIDE), ICD10CM_HFS_UNSPECIFIED].map((c) => `${c.system}|${c.code}`),
].join(',');

/**
 * What the service asks the EHR to prefetch: the patient; the hemifacial spasm Conditions (by their
 * verified codes); Observations of hemispasm's code systems (instrument scores, decision-profile facts,
 * follow-ups and treatment responses); the HFS Procedures (CPT 64612 / 61458, or hemispasm treatment
 * kind); and MedicationStatements (only those linked to the hemifacial spasm are used: drug codes for
 * its oral treatments are not in our verified evidence, so they cannot be searched for).
 */
export const PREFETCH_TEMPLATES: Record<PrefetchKey, string> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: `Condition?patient={{context.patientId}}&code=${hfsCodes}`,
  observations: `Observation?patient={{context.patientId}}&code=${[
    HS_SYSTEM.instrument,
    HS_SYSTEM.decisionProfile,
    HS_SYSTEM.observation,
  ]
    .map((s) => `${s}|`)
    .join(',')}`,
  procedures: `Procedure?patient={{context.patientId}}&code=${[
    `${CPT_TOXIN.system}|${CPT_TOXIN.code}`,
    `${CPT_MVD.system}|${CPT_MVD.code}`,
    `${HS_SYSTEM.treatmentKind}|`,
  ].join(',')}`,
  medications: 'MedicationStatement?patient={{context.patientId}}',
};

/** The prefetch keys without which the service cannot work (412 Precondition Failed when left out). */
export const REQUIRED_PREFETCH: readonly PrefetchKey[] = ['patient', 'conditions'];

export const CDS_SERVICE = {
  hook: 'patient-view',
  title: 'hemispasm: hemifacial spasm treatment options',
  description:
    'For a patient with hemifacial spasm (ICD-10 G51.3, ICD-10-CM G51.3x): red flags, the five treatment options ' +
    'ranked by an explainable engine with reasons and sources, what the record lacked, and a link to the shared ' +
    'decision aid. It supports, and does not replace, the judgement of a physician.',
  id: CDS_SERVICE_ID,
  prefetch: PREFETCH_TEMPLATES,
  usageRequirements:
    'Send the prefetch (the service does not query the FHIR server; without patient and conditions it answers 412). ' +
    'Every call carries a JWT signed by the EHR (CDS Hooks 2.0 security), audience = this service URL.',
};

export const CdsDiscovery = z
  .object({
    services: z.array(
      z.object({
        hook: z.string(),
        title: z.string().optional(),
        description: z.string(),
        id: z.string(),
        prefetch: z.record(z.string(), z.string()).optional(),
        usageRequirements: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'CdsDiscovery' });

export const CdsRequest = z
  .looseObject({
    hook: z.literal('patient-view'),
    hookInstance: z.string().min(1).max(200).describe('A UUID for this call'),
    fhirServer: z.string().max(2000).optional(),
    fhirAuthorization: z.looseObject({}).optional().describe('Not used: the service reads only the prefetch'),
    context: z.looseObject({
      userId: z.string().min(1).max(300),
      patientId: z.string().min(1).max(64),
      encounterId: z.string().max(64).optional(),
    }),
    prefetch: z
      .record(z.string().max(100), z.unknown())
      .optional()
      .describe(
        `Keys: ${Object.keys(PREFETCH_TEMPLATES).join(', ')} (a resource, a searchset Bundle or null)`,
      ),
  })
  .meta({ id: 'CdsHooksRequest' });
export type CdsRequestBody = z.infer<typeof CdsRequest>;

const Card = z.object({
  uuid: z.string().optional(),
  summary: z.string().max(140),
  detail: z.string().optional(),
  indicator: z.enum(['info', 'warning', 'critical']),
  source: z.object({
    label: z.string(),
    url: z.string().optional(),
    topic: z.object({ system: z.string(), code: z.string(), display: z.string().optional() }).optional(),
  }),
  links: z
    .array(z.object({ label: z.string(), url: z.string(), type: z.enum(['absolute', 'smart']) }))
    .optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});

export const CdsResponse = z
  .object({ cards: z.array(Card), extension: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'CdsHooksResponse' });
export type CdsResponseBody = z.infer<typeof CdsResponse>;

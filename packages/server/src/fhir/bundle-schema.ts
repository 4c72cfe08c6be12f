/**
 * The zod schemas at the edge of the FHIR routes: the Bundle the import accepts (the shape the export
 * writes: strict, so an element the import would silently drop is refused by name) and the Bundle the
 * export returns (documented loosely: its resources are typed by `fhir/r4` in the mappers).
 */
import { SEXES } from '@hemispasm/core';
import { z } from 'zod';
import { EpisodeDate, EpisodeDateTime, PastDate, PastDateTime, text, Uuid } from '../routes/common';

const Uri = z.string().min(1).max(500);
const Code = z.string().min(1).max(200);
/**
 * FHIR dateTime as this server writes it: a full date, or a date and time with an offset; in the ranges
 * of the routes/common.ts date rules (things that happened; treatment episodes up to 2 years ahead).
 */
const DATE_TIME_ERROR = { error: 'expected a date (YYYY-MM-DD) or a date-time with offset, in range' };
const DateTime = z.union([PastDate, PastDateTime], DATE_TIME_ERROR);
const EpisodeDateTimeIn = z.union([EpisodeDate, EpisodeDateTime], DATE_TIME_ERROR);

const Meta = z.strictObject({
  lastUpdated: z.string().max(40).optional(),
  versionId: z.string().max(64).optional(),
  profile: z.array(Uri).max(10).optional(),
});

export const Coding = z.strictObject({
  system: Uri.optional(),
  version: z.string().max(100).optional(),
  code: Code.optional(),
  display: text(1000).optional(),
  userSelected: z.boolean().optional(),
});
export const CodeableConcept = z.strictObject({
  coding: z.array(Coding).max(20).optional(),
  text: text(2000).optional(),
});
const Reference = z.strictObject({
  reference: z.string().max(500).optional(),
  type: Uri.optional(),
  display: text(500).optional(),
});
const Quantity = z.strictObject({
  value: z.number(),
  unit: z.string().max(100).optional(),
  system: Uri.optional(),
  code: Code.optional(),
});
const Annotation = z.strictObject({ text: text(4000) });

const ExtensionValue = {
  url: Uri,
  valueString: text(2000).optional(),
  valueDecimal: z.number().optional(),
  valueInteger: z.number().int().optional(),
  valueBoolean: z.boolean().optional(),
  valueCode: Code.optional(),
};
/**
 * Extensions nest three levels at most (treatment-details → injection → site): a fixed depth rather
 * than a recursive schema, so no body can make validation recurse without bound.
 */
const Extension3 = z.strictObject(ExtensionValue);
const Extension2 = z.strictObject({ ...ExtensionValue, extension: z.array(Extension3).max(20).optional() });
export const Extension = z.strictObject({
  ...ExtensionValue,
  extension: z.array(Extension2).max(60).optional(),
});
export type ExtensionInput = z.infer<typeof Extension2>;

const DomainResource = {
  id: z.string().max(64).optional(),
  meta: Meta.optional(),
  extension: z.array(Extension).max(20).optional(),
};

const PatientIn = z.strictObject({
  resourceType: z.literal('Patient'),
  ...DomainResource,
  name: z
    .array(
      z.strictObject({
        text: text(200).optional(),
        family: text(200).optional(),
        given: z.array(text(200)).max(5).optional(),
      }),
    )
    .min(1)
    .max(5),
  gender: z.enum(SEXES),
  birthDate: PastDate,
  managingOrganization: Reference.optional(),
});

const ConditionIn = z.strictObject({
  resourceType: z.literal('Condition'),
  ...DomainResource,
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  category: z.array(CodeableConcept).max(5).optional(),
  code: CodeableConcept,
  bodySite: z.array(CodeableConcept).max(5).optional(),
  subject: Reference,
  onsetDateTime: DateTime.optional(),
});

const ValueX = {
  valueInteger: z.number().int().optional(),
  valueQuantity: Quantity.optional(),
  valueCodeableConcept: CodeableConcept.optional(),
  valueString: text(2000).optional(),
  valueBoolean: z.boolean().optional(),
};

const ObservationIn = z.strictObject({
  resourceType: z.literal('Observation'),
  ...DomainResource,
  status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected']),
  category: z.array(CodeableConcept).max(5).optional(),
  code: CodeableConcept,
  subject: Reference,
  partOf: z.array(Reference).max(5).optional(),
  effectiveDateTime: DateTime,
  performer: z.array(Reference).max(10).optional(),
  device: Reference.optional(),
  ...ValueX,
  interpretation: z.array(CodeableConcept).max(5).optional(),
  /** An assessment's Observation points at the QuestionnaireResponse with the same answers. */
  derivedFrom: z.array(Reference).max(5).optional(),
  component: z
    .array(
      z.strictObject({
        code: CodeableConcept,
        ...ValueX,
        // FHIR R4 component elements the movement test exports (a movement not made has no value).
        dataAbsentReason: CodeableConcept.optional(),
        interpretation: z.array(CodeableConcept).max(5).optional(),
      }),
    )
    .max(200)
    .optional(),
  note: z.array(Annotation).max(20).optional(),
});

const ProcedureIn = z.strictObject({
  resourceType: z.literal('Procedure'),
  ...DomainResource,
  status: z.enum(['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'unknown']),
  code: CodeableConcept,
  subject: Reference,
  performedDateTime: EpisodeDateTimeIn,
  bodySite: z.array(CodeableConcept).max(5).optional(),
  performer: z
    .array(z.strictObject({ actor: Reference }))
    .max(10)
    .optional(),
  reasonReference: z.array(Reference).max(5).optional(),
  complication: z.array(CodeableConcept).max(30).optional(),
  usedCode: z.array(CodeableConcept).max(10).optional(),
  note: z.array(Annotation).max(20).optional(),
});

const MedicationStatementIn = z.strictObject({
  resourceType: z.literal('MedicationStatement'),
  ...DomainResource,
  status: z.enum(['active', 'completed', 'stopped', 'on-hold', 'intended', 'unknown', 'not-taken']),
  statusReason: z.array(CodeableConcept).max(5).optional(),
  category: CodeableConcept.optional(),
  medicationCodeableConcept: CodeableConcept,
  subject: Reference,
  effectivePeriod: z.strictObject({ start: EpisodeDateTimeIn, end: EpisodeDateTimeIn.optional() }),
  reasonReference: z.array(Reference).max(5).optional(),
  dosage: z
    .array(z.strictObject({ text: text(300) }))
    .max(5)
    .optional(),
  note: z.array(Annotation).max(20).optional(),
});

/** An assessment as its answers to an instrument's Questionnaire (questionnaire = canonical|version). */
const QuestionnaireResponseIn = z.strictObject({
  resourceType: z.literal('QuestionnaireResponse'),
  ...DomainResource,
  questionnaire: Uri,
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  subject: Reference,
  authored: DateTime.optional(),
  author: Reference.optional(),
  item: z
    .array(
      z.strictObject({
        linkId: z.string().min(1).max(100),
        text: text(1000).optional(),
        answer: z
          .array(
            z.strictObject({
              valueCoding: Coding.optional(),
              valueInteger: z.number().int().optional(),
              valueDecimal: z.number().optional(),
            }),
          )
          .max(1)
          .optional(),
      }),
    )
    .max(200)
    .optional(),
});

export const RESOURCE_TYPES = [
  'Patient',
  'Condition',
  'Observation',
  'Procedure',
  'MedicationStatement',
  'QuestionnaireResponse',
];

const ResourceIn = z.discriminatedUnion(
  'resourceType',
  [PatientIn, ConditionIn, ObservationIn, ProcedureIn, MedicationStatementIn, QuestionnaireResponseIn],
  { error: `expected one of ${RESOURCE_TYPES.join(', ')}` },
);

export const FhirBundleIn = z
  .strictObject({
    resourceType: z.literal('Bundle'),
    id: z.string().max(64).optional(),
    meta: Meta.optional(),
    type: z.literal('collection'),
    timestamp: z.string().max(40).optional(),
    entry: z
      .array(
        z.strictObject({
          fullUrl: Uri.describe('urn:uuid:… ; references inside the Bundle point here'),
          resource: ResourceIn,
        }),
      )
      .min(2)
      .max(5000),
  })
  .meta({ id: 'FhirBundleImport' });

export type FhirBundleInput = z.infer<typeof FhirBundleIn>;
export type ResourceInput = z.infer<typeof ResourceIn>;
export type PatientInput = z.infer<typeof PatientIn>;
export type ConditionInput = z.infer<typeof ConditionIn>;
export type ObservationInput = z.infer<typeof ObservationIn>;
export type ProcedureInput = z.infer<typeof ProcedureIn>;
export type MedicationStatementInput = z.infer<typeof MedicationStatementIn>;
export type QuestionnaireResponseInput = z.infer<typeof QuestionnaireResponseIn>;
export type CodeableConceptInput = z.infer<typeof CodeableConcept>;

/** The exported Bundle, for the OpenAPI document and response serialization (resources passed through). */
export const FhirBundleOut = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    type: z.literal('collection'),
    timestamp: z.string(),
    entry: z.array(
      z.looseObject({
        fullUrl: z.string(),
        resource: z.looseObject({ resourceType: z.string(), id: z.string() }),
      }),
    ),
  })
  .meta({ id: 'FhirBundle', description: 'FHIR R4 Bundle (type collection)' });
export type FhirBundleWire = z.input<typeof FhirBundleOut>;

export const FhirImportResult = z
  .object({
    patientId: Uuid,
    created: z.object({
      assessments: z.number().int(),
      episodes: z.number().int(),
      followUps: z.number().int(),
    }),
    skipped: z
      .array(z.object({ path: z.string(), reason: z.string() }))
      .describe('Resources of the Bundle the import does not store (e.g. video measurements), and why'),
  })
  .meta({ id: 'FhirImportResult' });
export type FhirImportResultBody = z.infer<typeof FhirImportResult>;

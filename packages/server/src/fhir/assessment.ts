/**
 * One Observation per assessment (pure): the instrument id as the code (hemispasm instrument code
 * system) with its wording version in an extension, the server-computed score as the value, the band
 * as the interpretation, one component per answered item, the date and who answered; `derivedFrom` points
 * at the QuestionnaireResponse that carries the same answers (questionnaire-response.ts).
 */
import { getInstrument, type InstrumentDefinition } from '@hemispasm/core';
import type { Annotation, CodeableConcept, Observation, ObservationComponent } from 'fhir/r4';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { AssessmentsTable } from '../db/schema';
import { HS_EXTENSION, HS_SYSTEM, SYSTEM } from './codes';
import type { PatientRecord } from './record';
import { performerOf, questionnaireResponseId, ref } from './refs';

/** The parts of the stored InstrumentScore the export uses (written by the server, read defensively). */
const StoredScore = z.looseObject({
  instrumentName: z.string(),
  display: z.string(),
  band: z.object({ id: z.string(), label: z.string() }).nullable(),
  answers: z.record(z.string(), z.number()),
  verification: z.enum(['verified', 'partial', 'unverified']),
  unverified: z.array(z.string()),
});

/** The stored score of an assessment, when it reads as one. */
export function storedScore(a: Selectable<AssessmentsTable>): z.infer<typeof StoredScore> | undefined {
  const parsed = StoredScore.safeParse(a.score);
  return parsed.success ? parsed.data : undefined;
}

export function definitionOf(id: string): InstrumentDefinition | undefined {
  try {
    return getInstrument(id);
  } catch {
    return undefined;
  }
}

export const itemCode = (instrumentId: string, itemId: string) => `${instrumentId}/${itemId}`;

function itemComponent(
  instrumentId: string,
  itemId: string,
  value: number,
  def: InstrumentDefinition | undefined,
): ObservationComponent {
  const item = def?.items.find((i) => i.id === itemId);
  const code: CodeableConcept = {
    coding: [
      {
        system: HS_SYSTEM.instrumentItem,
        code: itemCode(instrumentId, itemId),
        ...(item ? { display: item.label } : {}),
      },
    ],
  };
  if (item?.kind === 'number') return { code, valueQuantity: { value, unit: item.unit } };
  return Number.isInteger(value) ? { code, valueInteger: value } : { code, valueQuantity: { value } };
}

export function toAssessmentObservation(record: PatientRecord, a: Selectable<AssessmentsTable>): Observation {
  const def = definitionOf(a.instrument_id);
  const score = storedScore(a);
  const band = score?.band ?? (a.band_id ? { id: a.band_id, label: a.band_id } : null);
  const bandConcept = (b: { id: string; label: string }): CodeableConcept => ({
    coding: [{ system: HS_SYSTEM.instrumentBand, code: `${a.instrument_id}/${b.id}`, display: b.label }],
    text: b.label,
  });
  const name = score?.instrumentName ?? def?.name ?? a.instrument_id;
  const answers = score?.answers ?? {};
  const notes: Annotation[] = (score?.unverified ?? []).map((text) => ({
    text: `Verification note: ${text}`,
  }));

  const performer = performerOf(record, a.created_by);
  const component = Object.entries(answers).map(([itemId, v]) =>
    itemComponent(a.instrument_id, itemId, v, def),
  );

  let value: Pick<Observation, 'valueInteger' | 'valueQuantity' | 'valueCodeableConcept' | 'valueString'>;
  if (a.total !== null) {
    value = Number.isInteger(a.total) ? { valueInteger: a.total } : { valueQuantity: { value: a.total } };
  } else if (band) {
    value = { valueCodeableConcept: bandConcept(band) };
  } else {
    value = { valueString: score?.display ?? '' };
  }

  return {
    resourceType: 'Observation',
    id: a.id,
    extension: [
      { url: HS_EXTENSION.instrumentVersion, valueString: a.instrument_version },
      ...(score ? [{ url: HS_EXTENSION.scoreVerification, valueCode: score.verification }] : []),
    ],
    status: 'final',
    category: [
      {
        coding: [
          {
            system: SYSTEM.observationCategory,
            code: def?.raterType === 'patient' ? 'survey' : 'exam',
          },
        ],
      },
    ],
    code: {
      coding: [{ system: HS_SYSTEM.instrument, code: a.instrument_id, display: name }],
      text: `${name} (wording version ${a.instrument_version})`,
    },
    subject: ref(record.patient.id),
    effectiveDateTime: a.assessed_on,
    ...(performer.length ? { performer } : {}),
    ...value,
    // The answers as given, beside the score (exported when the instrument is known).
    ...(def ? { derivedFrom: [ref(questionnaireResponseId(a.id))] } : {}),
    ...(a.total !== null && band ? { interpretation: [bandConcept(band)] } : {}),
    ...(component.length ? { component } : {}),
    ...(notes.length ? { note: notes } : {}),
  };
}

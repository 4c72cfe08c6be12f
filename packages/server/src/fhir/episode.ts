/**
 * Treatment episodes as FHIR resources (pure): an oral course is a MedicationStatement; a toxin
 * session (CPT 64612), an MVD (CPT 61458) and an RF neurotomy (no verified CPT code: text only) are
 * Procedures. The side is the patient's anatomical side, as a body site; fields FHIR has no element
 * for travel in the `treatment-details` extension (see extensions.ts).
 */
import type { CodeableConcept, Extension, MedicationStatement, Procedure, ProcedurePerformer } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TreatmentEpisodesTable } from '../db/schema';
import { EpisodeCreate } from '../routes/episodes';
import { CPT_MVD, CPT_TOXIN, coding, HS_EXTENSION, HS_SYSTEM, RF_NEUROTOMY_TEXT, SIDE_TEXT } from './codes';
import { bool, code, complex, dec, int, str } from './extensions';
import type { PatientRecord } from './record';
import { conditionId, ref } from './refs';

export type EpisodeInput = z.infer<typeof EpisodeCreate>;

export const TREATMENT_TEXT = {
  oral_medication: 'Oral medication for hemifacial spasm',
  botulinum_toxin: 'Botulinum toxin injection for hemifacial spasm',
  mvd: 'Microvascular decompression of the facial nerve',
  rf_neurotomy: RF_NEUROTOMY_TEXT,
} as const;

/** The stored row back in the shape the episodes route accepts (validated: the server wrote it). */
export function episodeInputOf(r: Selectable<TreatmentEpisodesTable>): EpisodeInput | undefined {
  const { totalUnits: _computed, ...details } = r.details;
  const parsed = EpisodeCreate.safeParse({
    ...details,
    kind: r.kind,
    startDate: r.start_date,
    ...(r.kind === 'oral_medication' ? { endDate: r.end_date } : {}),
    ...(r.side ? { side: r.side } : {}),
  });
  return parsed.success ? parsed.data : undefined;
}

const kindCoding = (kind: string) => ({ system: HS_SYSTEM.treatmentKind, code: kind });

function sideSite(side: string): CodeableConcept[] {
  return [
    {
      coding: [{ system: HS_SYSTEM.laterality, code: side, display: SIDE_TEXT[side] }],
      text: SIDE_TEXT[side] ?? side,
    },
  ];
}

const texts = (xs: readonly string[]): CodeableConcept[] => xs.map((text) => ({ text }));
const details = (parts: Extension[]): Extension[] =>
  parts.length ? [complex(HS_EXTENSION.treatmentDetails, parts)] : [];

function procedure(
  record: PatientRecord,
  r: Selectable<TreatmentEpisodesTable>,
  codeConcept: CodeableConcept,
  extra: Partial<Procedure>,
): Procedure {
  return {
    resourceType: 'Procedure',
    id: r.id,
    status: 'completed',
    code: codeConcept,
    subject: ref(record.patient.id),
    performedDateTime: r.start_date,
    ...(r.side ? { bodySite: sideSite(r.side) } : {}),
    reasonReference: [ref(conditionId(record.patient.id))],
    ...extra,
  };
}

export function toEpisodeResource(
  record: PatientRecord,
  r: Selectable<TreatmentEpisodesTable>,
): Procedure | MedicationStatement {
  const e = episodeInputOf(r);
  const text = TREATMENT_TEXT[r.kind];
  if (e?.kind === 'oral_medication' || (!e && r.kind === 'oral_medication')) {
    const ms: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: r.id,
      status: e?.stopReason ? 'stopped' : r.end_date ? 'completed' : 'active',
      category: { coding: [kindCoding(r.kind)], text },
      medicationCodeableConcept: { text: e?.drug ?? 'unknown' },
      subject: ref(record.patient.id),
      effectivePeriod: { start: r.start_date, ...(r.end_date ? { end: r.end_date } : {}) },
      reasonReference: [ref(conditionId(record.patient.id))],
    };
    if (e?.kind === 'oral_medication') {
      ms.dosage = [{ text: e.doseSchedule }];
      if (e.stopReason) ms.statusReason = [{ text: e.stopReason }];
      const parts = e.sideEffects.map((s) => str('sideEffect', s));
      if (parts.length) ms.extension = details(parts);
    }
    return ms;
  }
  switch (e?.kind) {
    case 'botulinum_toxin':
      return procedure(
        record,
        r,
        { coding: [coding(CPT_TOXIN), kindCoding(r.kind)], text },
        {
          usedCode: [{ text: e.product }],
          extension: details([
            ...e.injections.map((i) => complex('injection', [str('site', i.site), dec('units', i.units)])),
            dec(
              'totalUnits',
              e.injections.reduce((s, i) => s + i.units, 0),
            ),
          ]),
        },
      );
    case 'mvd': {
      const performer: ProcedurePerformer[] = [{ actor: { type: 'Practitioner', display: e.surgeon } }];
      const m = e.monitoring;
      return procedure(
        record,
        r,
        { coding: [coding(CPT_MVD), kindCoding(r.kind)], text },
        {
          performer,
          ...(e.complications.length ? { complication: texts(e.complications) } : {}),
          extension: details([
            ...e.offendingVessels.map((v) => code('offendingVessel', v)),
            complex('monitoring', [
              bool('lateralSpreadResponse', m.lateralSpreadResponse),
              ...(typeof m.lsrDisappeared === 'boolean' ? [bool('lsrDisappeared', m.lsrDisappeared)] : []),
              bool('brainstemAuditoryEvokedPotentials', m.brainstemAuditoryEvokedPotentials),
            ]),
          ]),
        },
      );
    }
    case 'rf_neurotomy':
      return procedure(
        record,
        r,
        // No verified CPT code exists for RF at the stylomastoid foramen (evidence §5): text only.
        { coding: [kindCoding(r.kind)], text },
        {
          ...(e.complications.length ? { complication: texts(e.complications) } : {}),
          extension: details([
            bool('ctGuided', e.ctGuided),
            str('approach', e.approach),
            str('needle', e.needle),
            dec('temperatureC', e.temperatureC),
            dec('durationS', e.durationS),
            int('immediateHouseBrackmann', e.immediateHouseBrackmann),
          ]),
        },
      );
    default:
      return procedure(record, r, { coding: [kindCoding(r.kind)], text }, {});
  }
}

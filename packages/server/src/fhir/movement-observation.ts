/**
 * A facial-movement test as one Observation (pure): a component per movement (symmetry %, weaker side
 * and 95 % interval as its interpretation text; a movement that was not measured carries a
 * data-absent reason instead of a value), the face at rest, the weaker side, and the House–Brackmann-like
 * band of measured movement symmetry — coded in hemispasm's own system, never as a House–Brackmann grade
 * (SNOMED's HB-grade findings are for a clinician's grading), with the label that says so.
 */
import type { MovementAnalysis, MovementResult } from '@hemispasm/core';
import { romanGrade } from '@hemispasm/core';
import type { Observation, ObservationComponent } from 'fhir/r4';
import type { Selectable } from 'kysely';
import type { VideoMeasurementsTable } from '../db/schema';
import { HS_SYSTEM, hsObservation, quantity, SYSTEM } from './codes';
import type { PatientRecord } from './record';
import { sideComponent, videoObservation } from './video-observation';

const ABSENT: Record<Exclude<MovementResult['status'], 'measured'>, { code: string; text: string }> = {
  missing: { code: 'not-performed', text: 'not made during its prompt' },
  not_recorded: { code: 'not-performed', text: 'its prompt is not in the recording' },
  no_face: { code: 'error', text: 'the face was not seen well enough' },
};

function movementComponent(r: MovementResult, a: MovementAnalysis): ObservationComponent {
  const code = { coding: [hsObservation(r.movement)] };
  if (r.status !== 'measured' || r.symmetryPct === null) {
    const absent = ABSENT[r.status as keyof typeof ABSENT] ?? ABSENT.missing;
    const outOfWindow = a.problems.some((p) => p.movement === r.movement && p.kind === 'out_of_window');
    return {
      code,
      dataAbsentReason: {
        coding: [{ system: SYSTEM.dataAbsentReason, code: absent.code }],
        text: outOfWindow
          ? 'made outside its prompt: the recording does not follow the prompts'
          : absent.text,
      },
    };
  }
  const ci = r.ciPct ? `95 % interval ${r.ciPct[0]}–${r.ciPct[1]} %` : '';
  const side = r.weakerSide ? `weaker side ${r.weakerSide}` : 'neither side clearly weaker';
  return {
    code,
    valueQuantity: quantity(r.symmetryPct, '%', '%'),
    interpretation: [{ text: [side, ci].filter(Boolean).join('; ') }],
  };
}

export function toMovementObservation(
  record: PatientRecord,
  m: Selectable<VideoMeasurementsTable>,
): Observation {
  const a = m.summary as unknown as MovementAnalysis;
  const component: ObservationComponent[] = (a.movements ?? []).map((r) => movementComponent(r, a));
  if (a.rest) {
    component.push(
      {
        code: { coding: [hsObservation('restPalpebralSymmetry')] },
        valueQuantity: quantity(a.rest.palpebralSymmetryPct, '%', '%'),
        interpretation: [{ text: `narrower eye ${a.rest.narrowerEye}` }],
      },
      {
        code: { coding: [hsObservation('restMouthCornerHeightDiff')] },
        valueQuantity: quantity(a.rest.mouthCornerHeightDiffPct, '% of the inter-ocular distance', '%'),
        interpretation: [{ text: `lower corner ${a.rest.lowerCorner}` }],
      },
    );
  }
  component.push(sideComponent('movementWeakerSide', a.weakerSide), {
    code: { coding: [hsObservation('movementFollowsPrompts')] },
    valueBoolean: a.followsPrompts,
  });
  if (a.band) {
    const [best, worst] = a.band.gradeRange;
    component.push(
      {
        code: { coding: [hsObservation('movementFunction')] },
        valueQuantity: quantity(a.band.functionPct, '%', '%'),
        interpretation: [
          { text: `${a.band.side} side; 95 % interval ${a.band.ciPct[0]}–${a.band.ciPct[1]} %` },
        ],
      },
      {
        code: { coding: [hsObservation('movementBand')] },
        valueCodeableConcept: {
          coding: [{ system: HS_SYSTEM.movementBand, code: romanGrade(a.band.grade) }],
          text: `${romanGrade(a.band.grade)} (interval ${romanGrade(best)}–${romanGrade(worst)}): ${a.band.label}`,
        },
      },
    );
  }
  return videoObservation(record, m, {
    code: hsObservation('movementTest'),
    text: 'Facial movement test from a face video',
    analyzer: 'movement',
    component,
    note: `Measured movement symmetry from a face video, not a clinician's House–Brackmann grade. It supports, and does not replace, a clinician's assessment.${m.notes ? ` ${m.notes}` : ''}`,
  });
}

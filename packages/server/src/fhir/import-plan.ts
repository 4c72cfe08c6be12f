/**
 * Reads an imported Bundle (already checked against `FhirBundleIn`) into what the server will store —
 * with no I/O: the patient (side from the HFS Condition), treatment episodes, follow-ups and
 * assessments re-scored by the core. Every problem anywhere in the Bundle is collected and reported
 * together, each at its element (`body.entry[3].resource.effectivePeriod.end`); nothing is stored
 * unless there are none.
 */
import { AFFECTED_SIDES, type AffectedSide, isOneOf } from '@hemispasm/core';
import { ApiError } from '../http/errors';
import type {
  ConditionInput,
  FhirBundleInput,
  FhirImportResultBody,
  PatientInput,
  ResourceInput,
} from './bundle-schema';
import { HS_OBSERVATION_CODE, HS_SYSTEM, ICD10_HFS, ICD10CM_HFS_BY_SIDE, SYSTEM } from './codes';
import type { EpisodeInput } from './episode';
import {
  assessmentFromObservation,
  assessmentFromQuestionnaireResponse,
  type ImportedAssessment,
  sameAssessment,
} from './import-assessment';
import { codingIn, dateOf, Issues } from './import-context';
import { episodeFromResource } from './import-episode';
import { followUpFromObservation, type ImportedFollowUp } from './import-observation';

export type Side = AffectedSide;

export interface ImportPlan {
  patient: {
    name: string;
    birthDate: string;
    sex: PatientInput['gender'];
    affectedSide: Side;
    onsetDate: string | null;
  };
  /** Keyed by the entry's fullUrl, which follow-ups reference. */
  episodes: { key: string; input: EpisodeInput }[];
  followUps: (ImportedFollowUp & { episodeKey: string })[];
  assessments: ImportedAssessment[];
  skipped: FhirImportResultBody['skipped'];
}

const SIDE_BY_ICD10CM = new Map(
  Object.entries(ICD10CM_HFS_BY_SIDE).map(([side, c]) => [c.code, side as Side]),
);

function nameOf(r: PatientInput): string {
  const n = r.name[0]!;
  return (n.text ?? [...(n.given ?? []), n.family ?? ''].join(' ')).trim();
}

function readCondition(r: ConditionInput, p: string, issues: Issues) {
  const icd10 = codingIn(r.code, SYSTEM.icd10);
  const cm = codingIn(r.code, SYSTEM.icd10cm);
  const isHfs = icd10?.code === ICD10_HFS.code || (cm?.code ?? '').startsWith(`${ICD10_HFS.code}`);
  if (!isHfs) {
    issues.add(
      `${p}.code`,
      `expected hemifacial spasm: ICD-10 ${ICD10_HFS.code} (${SYSTEM.icd10}) or an ICD-10-CM G51.3x code`,
    );
  }
  const siteIndex = r.bodySite?.findIndex((b) => !!codingIn(b, HS_SYSTEM.laterality)) ?? -1;
  const site = siteIndex >= 0 ? codingIn(r.bodySite![siteIndex], HS_SYSTEM.laterality) : undefined;
  const sitePath = site ? `${p}.bodySite[${siteIndex}].coding[${site.index}].code` : `${p}.bodySite`;
  const fromSite = site?.code;
  const fromCm = cm?.code ? SIDE_BY_ICD10CM.get(cm.code) : undefined;
  let side: Side | undefined;
  if (fromSite !== undefined && !isOneOf(AFFECTED_SIDES, fromSite)) {
    issues.add(sitePath, `expected one of ${AFFECTED_SIDES.join(', ')}`);
  } else if (fromSite && fromCm && fromSite !== fromCm) {
    issues.add(sitePath, `side ${fromSite} contradicts ICD-10-CM ${cm!.code} (${fromCm})`);
  } else {
    side = fromSite ?? fromCm;
    if (!side) {
      issues.add(
        sitePath,
        `required: the affected side (${HS_SYSTEM.laterality} left/right/bilateral, or ICD-10-CM G51.31/G51.32/G51.33)`,
      );
    }
  }
  return { side, onset: r.onsetDateTime ? dateOf(r.onsetDateTime) : null };
}

export function planImport(bundle: FhirBundleInput, opts: { today: string }): ImportPlan {
  const issues = new Issues();
  const entries = bundle.entry;
  const at = (i: number) => `body.entry[${i}].resource`;

  // Where references may point: an entry's fullUrl, or ResourceType/id.
  const target = new Map<string, number>();
  entries.forEach((e, i) => {
    if (target.has(e.fullUrl)) issues.add(`body.entry[${i}].fullUrl`, 'duplicate fullUrl');
    target.set(e.fullUrl, i);
    if (e.resource.id) target.set(`${e.resource.resourceType}/${e.resource.id}`, i);
  });
  const resolve = (reference: string | undefined) =>
    reference === undefined ? undefined : target.get(reference);

  const ofType = <T extends ResourceInput['resourceType']>(t: T) =>
    entries.flatMap((e, i) =>
      e.resource.resourceType === t
        ? [{ i, r: e.resource as Extract<ResourceInput, { resourceType: T }> }]
        : [],
    );
  const patients = ofType('Patient');
  const conditions = ofType('Condition');
  if (patients.length !== 1) {
    issues.add('body.entry', `expected exactly one Patient, found ${patients.length}`);
  }
  if (conditions.length !== 1) {
    issues.add(
      'body.entry',
      `expected exactly one Condition (the hemifacial spasm), found ${conditions.length}`,
    );
  }
  const patientIndex = patients[0]?.i;

  // Every resource other than the Patient is about the Patient.
  entries.forEach((e, i) => {
    if (e.resource.resourceType === 'Patient') return;
    const ref = e.resource.subject.reference;
    if (patientIndex !== undefined && resolve(ref) !== patientIndex) {
      issues.add(`${at(i)}.subject.reference`, "must reference the Bundle's Patient entry");
    }
  });

  let patient: ImportPlan['patient'] | undefined;
  const pat = patients[0];
  const cond = conditions[0];
  if (pat && cond) {
    const p = at(pat.i);
    const name = nameOf(pat.r);
    if (!name) issues.add(`${p}.name[0]`, 'required: a name (text, or given and family)');
    if (pat.r.birthDate > opts.today) issues.add(`${p}.birthDate`, 'must not be in the future');
    const c = readCondition(cond.r, at(cond.i), issues);
    if (c.onset && c.onset > opts.today)
      issues.add(`${at(cond.i)}.onsetDateTime`, 'must not be in the future');
    if (c.onset && c.onset < pat.r.birthDate) {
      issues.add(`${at(cond.i)}.onsetDateTime`, 'must not be before the birth date');
    }
    if (c.side) {
      patient = {
        name,
        birthDate: pat.r.birthDate,
        sex: pat.r.gender,
        affectedSide: c.side,
        onsetDate: c.onset,
      };
    }
  }

  const episodes: ImportPlan['episodes'] = [];
  const episodeByIndex = new Map<number, EpisodeInput>();
  const fromObservation = new Map<number, ImportedAssessment>();
  const fromResponse = new Map<number, ImportedAssessment>();
  const followUps: { i: number; f: ImportedFollowUp }[] = [];
  const skipped: ImportPlan['skipped'] = [];
  entries.forEach((e, i) => {
    const r = e.resource;
    const p = at(i);
    if (r.resourceType === 'Procedure' || r.resourceType === 'MedicationStatement') {
      const input = episodeFromResource(r, p, issues);
      if (input) {
        episodes.push({ key: e.fullUrl, input });
        episodeByIndex.set(i, input);
      }
    } else if (r.resourceType === 'QuestionnaireResponse') {
      const a = assessmentFromQuestionnaireResponse(r, p, issues);
      if (a) fromResponse.set(i, a);
    } else if (r.resourceType === 'Observation') {
      const hs = codingIn(r.code, HS_SYSTEM.observation);
      if (codingIn(r.code, HS_SYSTEM.instrument)) {
        const a = assessmentFromObservation(r, p, issues);
        if (a) fromObservation.set(i, a);
      } else if (hs?.code === HS_OBSERVATION_CODE.followUp) {
        const f = followUpFromObservation(r, p, issues);
        if (f) followUps.push({ i, f });
      } else if (hs?.code === HS_OBSERVATION_CODE.videoMeasurement) {
        skipped.push({
          path: `entry[${i}]`,
          reason: 'video measurement: the export carries the summary only, not the analysis events it needs',
        });
      } else if (hs?.code === HS_OBSERVATION_CODE.movementTest) {
        skipped.push({
          path: `entry[${i}]`,
          reason:
            'facial movement test: the export carries the symmetry per movement only, not the whole analysis',
        });
      } else {
        issues.add(
          `${p}.code`,
          `expected a hemispasm instrument (${HS_SYSTEM.instrument}), follow-up, video measurement or movement test code`,
        );
      }
    }
  });

  // An assessment may come as its scored Observation, as its QuestionnaireResponse, or as both (the
  // export writes both, the Observation deriving from the response): both are one assessment, and
  // must then agree.
  const assessments: ImportedAssessment[] = [];
  const paired = new Set<number>();
  for (const [i, a] of fromObservation) {
    const derivedFrom =
      (entries[i]!.resource as { derivedFrom?: { reference?: string }[] }).derivedFrom ?? [];
    derivedFrom.forEach((d, k) => {
      const t = resolve(d.reference);
      if (t === undefined || entries[t]!.resource.resourceType !== 'QuestionnaireResponse') return;
      paired.add(t);
      const b = fromResponse.get(t);
      if (b && !sameAssessment(a, b)) {
        issues.add(
          `${at(i)}.derivedFrom[${k}].reference`,
          `the instrument, date or answers differ from the QuestionnaireResponse it derives from (entry[${t}])`,
        );
      }
    });
    assessments.push(a);
  }
  for (const [t, b] of fromResponse) if (!paired.has(t)) assessments.push(b);

  // Follow-ups belong to an episode of this Bundle and are not dated before it started.
  const planned: ImportPlan['followUps'] = [];
  for (const { i, f } of followUps) {
    const ei = resolve(f.episodeRef);
    const episode = ei === undefined ? undefined : episodeByIndex.get(ei);
    const rt = ei === undefined ? undefined : entries[ei]!.resource.resourceType;
    if (ei === undefined || (rt !== 'Procedure' && rt !== 'MedicationStatement')) {
      issues.add(
        `${at(i)}.partOf[0].reference`,
        'must reference a Procedure or MedicationStatement entry of the Bundle',
      );
    } else if (episode) {
      if (f.assessedOn < episode.startDate) {
        issues.add(`${at(i)}.effectiveDateTime`, 'must not be before the treatment episode started');
      } else {
        planned.push({ ...f, episodeKey: entries[ei]!.fullUrl });
      }
    }
  }

  if (issues.list.length || !patient) {
    throw new ApiError('validation_failed', {
      issues: issues.list.length ? issues.list : [{ path: 'body.entry', message: 'no patient to import' }],
    });
  }
  return { patient, episodes, followUps: planned, assessments, skipped };
}

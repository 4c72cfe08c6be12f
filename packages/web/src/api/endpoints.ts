import type { PatientProfileInput } from '@hemispasm/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from './client';
import type { components } from './schema.gen';
import type {
  Assessment,
  ClinicOutcomes,
  DecisionProfile,
  DecisionRecord,
  DiaryEntry,
  Episode,
  FhirBundleImport,
  FhirImportResult,
  FollowUp,
  Measurement,
  MovementMeasurement,
  NewDiaryEntry,
  NewEpisode,
  NewFollowUp,
  NewMeasurement,
  NewMovementMeasurement,
  NewPatient,
  NewPreference,
  Patient,
  Preference,
} from './types';

const path = (patientId: string) => ({ params: { path: { patientId } } });
type S_MeasurementCreateInput = components['schemas']['MeasurementCreateInput'];

/** One kind of the patient's measurements (the server stores spasm self-tests and movement tests together). */
const measurementsOf = (patientId: string, kind: 'spasm' | 'movement') =>
  unwrap(
    client.GET('/api/patients/{patientId}/measurements', {
      params: { path: { patientId }, query: { kind } },
    }),
  );

/** Which page of the patient list: the first (none set), after or before a cursor, or the last. */
export interface PageKey {
  after?: string;
  before?: string;
  last?: true;
}

export interface PatientPageQuery {
  q?: string;
  side?: Patient['affectedSide'];
  sex?: Patient['sex'];
  limit?: number;
}

export interface PatientPage {
  patients: Patient[];
  /** The clinic's patients matching the search and filters, all pages (X-Total-Count). */
  total: number;
  /** The cursor of the following page (Link rel="next"); null at the end. */
  next: string | null;
  /** The page before (Link rel="prev"); null at the start. */
  previous: PageKey | null;
}

/** The URLs of a Link header (RFC 8288) by rel, as their query parameters. */
function linksOf(header: string | null): Record<string, URLSearchParams> {
  const out: Record<string, URLSearchParams> = {};
  for (const m of (header ?? '').matchAll(/<([^>]+)>;\s*rel="(\w+)"/g))
    out[m[2]!] = new URL(m[1]!, 'http://x').searchParams;
  return out;
}

/** Every server route the app uses, in one place; paths and bodies are type-checked against the server. */
export const api = {
  /** One page of the clinic's patients, with the count of all that match and the pages around it. */
  patientPage: async (query: PatientPageQuery, page: PageKey = {}): Promise<PatientPage> => {
    const { last, ...cursor } = page;
    const call = client.GET('/api/patients', {
      params: { query: { ...query, ...cursor, ...(last ? { last: 'true' as const } : {}) } },
    });
    const patients = await unwrap(call);
    const { headers } = (await call).response;
    const links = linksOf(headers.get('link'));
    const before = links.prev?.get('before');
    const previous = links.prev ? (before ? { before } : { last: true as const }) : null;
    return {
      patients,
      total: Number(headers.get('x-total-count') ?? patients.length),
      next: links.next?.get('after') ?? null,
      previous,
    };
  },
  patient: (patientId: string): Promise<Patient> =>
    unwrap(client.GET('/api/patients/{patientId}', path(patientId))),
  createPatient: (body: NewPatient): Promise<Patient> => unwrap(client.POST('/api/patients', { body })),
  assessments: (patientId: string): Promise<Assessment[]> =>
    unwrap(
      client.GET('/api/patients/{patientId}/assessments', { params: { path: { patientId }, query: {} } }),
    ),
  createAssessment: (
    patientId: string,
    body: { instrumentId: string; answers: unknown; assessedOn?: string },
  ): Promise<Assessment> =>
    unwrap(client.POST('/api/patients/{patientId}/assessments', { ...path(patientId), body })),
  diary: (patientId: string): Promise<DiaryEntry[]> =>
    unwrap(client.GET('/api/patients/{patientId}/diary', { params: { path: { patientId }, query: {} } })),
  createDiary: (patientId: string, body: NewDiaryEntry): Promise<DiaryEntry> =>
    unwrap(client.POST('/api/patients/{patientId}/diary', { ...path(patientId), body })),
  episodes: (patientId: string): Promise<Episode[]> =>
    unwrap(client.GET('/api/patients/{patientId}/episodes', path(patientId))),
  createEpisode: (patientId: string, body: NewEpisode): Promise<Episode> =>
    unwrap(client.POST('/api/patients/{patientId}/episodes', { ...path(patientId), body })),
  followUps: (patientId: string): Promise<FollowUp[]> =>
    unwrap(
      client.GET('/api/patients/{patientId}/follow-ups', { params: { path: { patientId }, query: {} } }),
    ),
  createFollowUp: (patientId: string, body: NewFollowUp): Promise<FollowUp> =>
    unwrap(client.POST('/api/patients/{patientId}/follow-ups', { ...path(patientId), body })),
  /** Spasm measurements (self-tests); the movement tests are `movementTests`. */
  measurements: async (patientId: string): Promise<Measurement[]> =>
    (await measurementsOf(patientId, 'spasm')) as Measurement[],
  createMeasurement: async (patientId: string, body: NewMeasurement): Promise<Measurement> =>
    (await unwrap(
      client.POST('/api/patients/{patientId}/measurements', {
        ...path(patientId),
        // The server defaults `kind` to spasm; the body is sent as it is.
        body: body as S_MeasurementCreateInput,
      }),
    )) as Measurement,
  /** Facial-movement tests, newest first. */
  movementTests: async (patientId: string): Promise<MovementMeasurement[]> =>
    (await measurementsOf(patientId, 'movement')) as MovementMeasurement[],
  createMovementTest: async (patientId: string, body: NewMovementMeasurement): Promise<MovementMeasurement> =>
    (await unwrap(
      client.POST('/api/patients/{patientId}/measurements', { ...path(patientId), body }),
    )) as MovementMeasurement,
  decisions: async (patientId: string): Promise<DecisionRecord[]> =>
    (await unwrap(
      client.GET('/api/patients/{patientId}/decisions', path(patientId)),
    )) as unknown as DecisionRecord[],
  // The core's input type leaves defaulted fields optional; the generated type (openapi-typescript marks
  // fields with a default as present) does not. The server fills the defaults when it validates.
  createDecision: async (patientId: string, profile: PatientProfileInput): Promise<DecisionRecord> =>
    (await unwrap(
      client.POST('/api/patients/{patientId}/decisions', {
        ...path(patientId),
        body: { profile: profile as DecisionProfile },
      }),
    )) as unknown as DecisionRecord,
  preferences: (patientId: string): Promise<Preference[]> =>
    unwrap(client.GET('/api/patients/{patientId}/preferences', path(patientId))),
  createPreference: (patientId: string, body: NewPreference): Promise<Preference> =>
    unwrap(client.POST('/api/patients/{patientId}/preferences', { ...path(patientId), body })),
  outcomes: (): Promise<ClinicOutcomes> => unwrap(client.GET('/api/clinic/outcomes')),
  /** The patient's record as a FHIR R4 collection Bundle, the server's bytes as they are (application/fhir+json). */
  exportFhir: (patientId: string): Promise<Blob> =>
    unwrap(client.GET('/api/patients/{patientId}/fhir', { ...path(patientId), parseAs: 'blob' })),
  /**
   * Imports a FHIR R4 Bundle as a new patient of the caller's clinic. The Bundle is what the user chose,
   * unchecked: the server validates every element and names each one at fault.
   */
  importFhirBundle: (bundle: unknown): Promise<FhirImportResult> =>
    unwrap(
      client.POST('/api/fhir/Bundle', {
        body: bundle as FhirBundleImport,
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    ),
};

type ListKey =
  | 'assessments'
  | 'diary'
  | 'episodes'
  | 'followUps'
  | 'measurements'
  | 'movementTests'
  | 'decisions'
  | 'preferences';
type ListOf<K extends ListKey> = Awaited<ReturnType<(typeof api)[K]>>;

/** One patient's list of records; refetched after any write to that patient. */
export function usePatientList<K extends ListKey>(kind: K, patientId: string | null | undefined) {
  return useQuery<ListOf<K>>({
    queryKey: ['patient', patientId, kind],
    queryFn: () => api[kind](patientId!) as Promise<ListOf<K>>,
    enabled: !!patientId,
  });
}

export function usePatientWrite<B, R>(
  kind: ListKey,
  patientId: string | null | undefined,
  fn: (id: string, body: B) => Promise<R>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => fn(patientId!, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['patient', patientId] }),
    meta: { kind },
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, usePatientList } from '../../api/endpoints';

/** Everything the clinician's patient page and visit summary show, fetched in parallel. */
export function usePatientRecord(patientId: string) {
  const patient = useQuery({
    queryKey: ['patient', patientId, 'record'],
    queryFn: () => api.patient(patientId),
  });
  const assessments = usePatientList('assessments', patientId);
  const diary = usePatientList('diary', patientId);
  const measurements = usePatientList('measurements', patientId);
  const movementTests = usePatientList('movementTests', patientId);
  const episodes = usePatientList('episodes', patientId);
  const followUps = usePatientList('followUps', patientId);
  const decisions = usePatientList('decisions', patientId);
  const preferences = usePatientList('preferences', patientId);
  const all = [
    patient,
    assessments,
    diary,
    measurements,
    movementTests,
    episodes,
    followUps,
    decisions,
    preferences,
  ];
  const newest = <T extends { createdAt: string }>(xs: T[] | undefined) =>
    xs?.length ? [...xs].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] : undefined;
  return {
    patient: patient.data,
    assessments: assessments.data ?? [],
    diary: diary.data ?? [],
    measurements: measurements.data ?? [],
    movementTests: movementTests.data ?? [],
    episodes: episodes.data ?? [],
    followUps: followUps.data ?? [],
    latestDecision: newest(decisions.data),
    latestPreference: newest(preferences.data),
    error: all.find((q) => q.error)?.error ?? null,
    loading: all.some((q) => q.isPending),
  };
}

/**
 * The records the app reads and writes: aliases of the types generated from the server's OpenAPI
 * document (schema.gen.ts, by scripts/gen-api-types.ts), narrowed where the server stores a core type
 * as JSON (decision results, spasm analyses) to that core type. Lists of values (kinds, sides, time
 * points, …) are core's vocabularies: import their types from @hemispasm/core.
 */
import type { DecisionResult, MovementAnalysis, SpasmAnalysis } from '@hemispasm/core';
import type { components, paths } from './schema.gen';

type S = components['schemas'];

export type Patient = S['Patient'];
export type NewPatient = NonNullable<
  paths['/api/patients']['post']['requestBody']
>['content']['application/json'];
export type Assessment = S['Assessment'];
export type DiaryEntry = S['DiaryEntry'];
export type NewDiaryEntry = S['DiaryEntryCreate'];
export type Episode = S['Episode'];
export type NewEpisode = S['EpisodeCreate'];
export type FollowUp = S['FollowUp'];
export type NewFollowUp = S['FollowUpCreate'];
export type Measurement = Omit<S['Measurement'], 'analysis'> & { analysis: SpasmAnalysis };
export type MovementMeasurement = Omit<S['MovementMeasurement'], 'analysis'> & { analysis: MovementAnalysis };
export type NewMovementMeasurement = Omit<S['MovementMeasurementCreateInput'], 'analysis'> & {
  analysis: MovementAnalysis;
};
export type DecisionRecord = Omit<S['Decision'], 'result'> & { result: DecisionResult };
export type Preference = S['Preference'];
export type NewPreference = S['PreferenceCreate'];
// `kind` defaults to spasm on the server (openapi-typescript marks a defaulted field as required).
export type NewMeasurement = Omit<S['MeasurementCreateInput'], 'kind'> & { kind?: 'spasm' };
export type DecisionProfile = S['DecisionCreateInput']['profile'];
export type ClinicOutcomes = S['ClinicOutcomes'];
export type KaplanMeierStep = S['KaplanMeierStep'];
export type FhirImportResult = S['FhirImportResult'];
export type FhirBundleImport = S['FhirBundleImport'];
export type MeResponse = S['Me'];
export type Me = MeResponse['user'];

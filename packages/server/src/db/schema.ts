/**
 * Row types of the tables in migrations/*.sql, for Kysely's type-checked queries. Dates (`date`) come
 * back as 'YYYY-MM-DD' strings and timestamps as Date objects on both PGlite and PostgreSQL (see the
 * type parsers in database.ts); jsonb columns are written as JSON text and read as parsed values, typed
 * here as what the server validated before writing them. Columns with a CHECK list are typed with the
 * same list from @hemispasm/core. test/schema-drift.test.ts compares this file with the migrated
 * database (columns, types, nullability, defaults, CHECK lists), so the two cannot drift apart.
 */
import type {
  AffectedSide,
  DecisionResult,
  FollowUpTimePoint,
  HearingClass,
  InstrumentScore,
  OptionId,
  PatientProfile,
  Sex,
  SpasmAnalysis,
  SpasmStatus,
  SureAnswers,
  TreatedSide,
  TreatmentKind,
  UserRole,
} from '@hemispasm/core';
import type { ColumnType, Generated } from 'kysely';
import type { EpisodeDetails } from '../routes/episodes';

/** Read as a Date; written as a Date or an ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Read as the parsed value; written as JSON text (`jsonText`). */
type Json<T> = ColumnType<T, string, string>;
/** The same, for a column with a default (may be left out on insert). */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type Role = UserRole;
export type AuditAction = 'read' | 'create' | 'update' | 'delete';
/** Who an audit row names: a signed-in user's role, or an EHR calling the CDS Hooks service. */
export type AuditActorRole = Role | 'cds-client';

/** Answers as posted to the assessments route (core's answers format, validated before they are stored). */
export interface StoredAnswers {
  instrument?: string;
  version?: string;
  items: Record<string, number>;
}

export interface ClinicsTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface PatientsTable {
  id: Generated<string>;
  clinic_id: string;
  name: string;
  birth_date: string;
  sex: Sex;
  affected_side: AffectedSide;
  onset_date: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  clinic_id: string;
  email: string;
  display_name: string;
  role: Role;
  patient_id: string | null;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  key: string;
  window_start: Timestamp;
  /** Attempts counted in this window (before checking; a successful sign-in gives its attempt back). */
  failures: number;
  /** Account keys: when the next attempt may be checked (migration 0002). */
  next_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AssessmentsTable {
  id: Generated<string>;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  answers: Json<StoredAnswers>;
  score: Json<InstrumentScore>;
  total: number | null;
  band_id: string | null;
  assessed_on: string;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DiaryEntriesTable {
  id: Generated<string>;
  patient_id: string;
  entry_date: string;
  severity: number;
  spasm_episodes: number | null;
  triggers: JsonWithDefault<string[]>;
  notes: string | null;
  toxin_injection: Generated<boolean>;
  toxin_effect_noticed: Generated<boolean>;
  toxin_wearing_off: Generated<boolean>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface TreatmentEpisodesTable {
  id: Generated<string>;
  patient_id: string;
  kind: TreatmentKind;
  start_date: string;
  end_date: string | null;
  side: TreatedSide | null;
  details: Json<EpisodeDetails>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface FollowUpsTable {
  id: Generated<string>;
  patient_id: string;
  episode_id: string;
  time_point: FollowUpTimePoint;
  assessed_on: string;
  spasm_status: SpasmStatus;
  house_brackmann: number | null;
  hearing_class: HearingClass | null;
  complications: JsonWithDefault<string[]>;
  recurrence: Generated<boolean>;
  notes: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DecisionRecordsTable {
  id: Generated<string>;
  patient_id: string;
  profile: Json<PatientProfile>;
  result: Json<DecisionResult>;
  chosen_option: OptionId | null;
  chosen_by: string | null;
  chosen_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DecisionPreferencesTable {
  id: Generated<string>;
  patient_id: string;
  decision_id: string | null;
  preferred_option: OptionId | null;
  values_answers: JsonWithDefault<Record<string, number | string | boolean>>;
  sure: Json<SureAnswers>;
  sure_score: number;
  created_by: string;
  created_at: Generated<Date>;
}

export interface VideoMeasurementsTable {
  id: Generated<string>;
  patient_id: string;
  /** Which analysis `summary` holds (migration 0004): a spasm measurement or a facial-movement test. */
  kind: Generated<'spasm' | 'movement'>;
  recorded_at: Timestamp;
  analyzer_version: string;
  summary: Json<Omit<SpasmAnalysis, 'events'>>;
  events: Json<SpasmAnalysis['events']>;
  notes: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: AuditActorRole | null;
  clinic_id: string | null;
  patient_id: string | null;
  action: AuditAction;
  resource: string;
  route: string;
  status: number;
  ip: string | null;
  request_id: string | null;
}

/**
 * One row per treatment episode, written only by the database's triggers (migration 0010): the cohort
 * filters and the survival observation the clinic outcomes and cohorts aggregate.
 */
export interface EpisodeOutcomesTable {
  episode_id: string;
  clinic_id: string;
  patient_id: string;
  kind: TreatmentKind;
  affected_side: AffectedSide;
  age_years: number;
  smc_grade: number | null;
  complicated: boolean;
  follow_ups: number;
  months: number | null;
  reason: 'failure' | 'recurrence' | null;
  /** Follow-ups per (time point, status): FOLLOW_UP_TIME_POINTS × SPASM_STATUSES, in that order. */
  status_counts: number[];
}

/** CDS Hooks JWT ids seen, until their token expires (replay protection; migration 0007). */
export interface CdsJwtSeenTable {
  issuer: string;
  jti: string;
  expires_at: Timestamp;
  seen_at: Generated<Date>;
}

export interface Database {
  clinics: ClinicsTable;
  patients: PatientsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  assessments: AssessmentsTable;
  diary_entries: DiaryEntriesTable;
  treatment_episodes: TreatmentEpisodesTable;
  follow_ups: FollowUpsTable;
  episode_outcomes: EpisodeOutcomesTable;
  decision_records: DecisionRecordsTable;
  decision_preferences: DecisionPreferencesTable;
  video_measurements: VideoMeasurementsTable;
  audit_log: AuditLogTable;
  cds_jwt_seen: CdsJwtSeenTable;
}

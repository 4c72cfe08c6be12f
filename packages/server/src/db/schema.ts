/**
 * Row types of the tables in migrations/*.sql, for Kysely's type-checked queries. Dates (`date`) come
 * back as 'YYYY-MM-DD' strings and timestamps as Date objects on both PGlite and PostgreSQL (see the
 * type parsers in database.ts); jsonb columns are written as JSON text and read as parsed values.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
type JsonWithDefault<T = unknown> = ColumnType<T, string | undefined, string>;

export type Role = 'admin' | 'clinician' | 'patient';

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
  sex: string;
  affected_side: string;
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
  answers: Json;
  score: Json;
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
  kind: string;
  start_date: string;
  end_date: string | null;
  side: string | null;
  details: Json<Record<string, unknown>>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface FollowUpsTable {
  id: Generated<string>;
  patient_id: string;
  episode_id: string;
  time_point: string;
  assessed_on: string;
  spasm_status: string;
  house_brackmann: number | null;
  hearing_class: string | null;
  complications: JsonWithDefault<string[]>;
  recurrence: Generated<boolean>;
  notes: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DecisionRecordsTable {
  id: Generated<string>;
  patient_id: string;
  profile: Json;
  result: Json;
  chosen_option: string | null;
  chosen_by: string | null;
  chosen_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by: string;
  created_at: Generated<Date>;
}

export interface DecisionPreferencesTable {
  id: Generated<string>;
  patient_id: string;
  decision_id: string | null;
  preferred_option: string | null;
  values_answers: JsonWithDefault<Record<string, unknown>>;
  sure: Json<Record<string, boolean>>;
  sure_score: number;
  created_by: string;
  created_at: Generated<Date>;
}

export interface VideoMeasurementsTable {
  id: Generated<string>;
  patient_id: string;
  recorded_at: Timestamp;
  analyzer_version: string;
  summary: Json<Record<string, unknown>>;
  events: Json<unknown[]>;
  notes: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_role: string | null;
  clinic_id: string | null;
  patient_id: string | null;
  action: 'read' | 'create' | 'update' | 'delete';
  resource: string;
  route: string;
  status: number;
  ip: string | null;
  request_id: string | null;
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
  decision_records: DecisionRecordsTable;
  decision_preferences: DecisionPreferencesTable;
  video_measurements: VideoMeasurementsTable;
  audit_log: AuditLogTable;
  cds_jwt_seen: CdsJwtSeenTable;
}

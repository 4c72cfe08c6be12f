-- hemispasm records schema, version 1.
-- Every statement is safe to re-run (IF NOT EXISTS / OR REPLACE), and the migrator records each file it
-- applied, so running the migrations on an empty database or a second time does no harm.

CREATE TABLE IF NOT EXISTS clinics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id uuid NOT NULL REFERENCES clinics(id),
  name text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  affected_side text NOT NULL CHECK (affected_side IN ('left', 'right', 'bilateral')),
  onset_date date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS patients_clinic_idx ON patients (clinic_id);

CREATE TABLE IF NOT EXISTS users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinic_id uuid NOT NULL REFERENCES clinics(id),
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'clinician', 'patient')),
  patient_id uuid UNIQUE REFERENCES patients(id),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A patient login is linked to exactly one patient record; staff logins to none.
  CONSTRAINT users_patient_link CHECK ((role = 'patient') = (patient_id IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_idx ON users (lower(email));

-- Sessions and login counters live here (not in process memory) so they survive restarts and are
-- shared by every server instance. Only a SHA-256 of the session token is stored.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_user_idx ON sessions (user_id);

CREATE TABLE IF NOT EXISTS login_attempts (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL
);

CREATE TABLE IF NOT EXISTS assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  instrument_id text NOT NULL,
  instrument_version text NOT NULL,
  answers jsonb NOT NULL,
  score jsonb NOT NULL,
  total double precision,
  band_id text,
  assessed_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS assessments_patient_idx ON assessments (patient_id, assessed_on);

CREATE TABLE IF NOT EXISTS diary_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  entry_date date NOT NULL,
  severity smallint NOT NULL CHECK (severity BETWEEN 0 AND 10),
  spasm_episodes integer CHECK (spasm_episodes >= 0),
  triggers jsonb NOT NULL DEFAULT '[]',
  notes text,
  toxin_injection boolean NOT NULL DEFAULT false,
  toxin_effect_noticed boolean NOT NULL DEFAULT false,
  toxin_wearing_off boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS diary_patient_idx ON diary_entries (patient_id, entry_date);

CREATE TABLE IF NOT EXISTS treatment_episodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy')),
  start_date date NOT NULL,
  end_date date,
  side text CHECK (side IN ('left', 'right')),
  details jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS episodes_patient_idx ON treatment_episodes (patient_id, start_date);

CREATE TABLE IF NOT EXISTS follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  episode_id uuid NOT NULL REFERENCES treatment_episodes(id),
  time_point text NOT NULL CHECK (time_point IN ('1w', '1m', '3m', '6m', '12m', 'later')),
  assessed_on date NOT NULL,
  spasm_status text NOT NULL CHECK (spasm_status IN ('resolved', 'improved', 'unchanged', 'worse')),
  house_brackmann smallint CHECK (house_brackmann BETWEEN 1 AND 6),
  hearing_class text CHECK (hearing_class IN ('A', 'B', 'C', 'D')),
  complications jsonb NOT NULL DEFAULT '[]',
  recurrence boolean NOT NULL DEFAULT false,
  notes text,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS follow_ups_patient_idx ON follow_ups (patient_id);
CREATE INDEX IF NOT EXISTS follow_ups_episode_idx ON follow_ups (episode_id);

CREATE TABLE IF NOT EXISTS decision_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  profile jsonb NOT NULL,
  result jsonb NOT NULL,
  chosen_option text,
  chosen_by uuid REFERENCES users(id),
  chosen_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS decisions_patient_idx ON decision_records (patient_id);

-- The patient's own voice from the decision aid: preferred option, values exercise, SURE test.
CREATE TABLE IF NOT EXISTS decision_preferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  decision_id uuid REFERENCES decision_records(id),
  preferred_option text,
  values_answers jsonb NOT NULL DEFAULT '{}',
  sure jsonb NOT NULL,
  sure_score smallint NOT NULL CHECK (sure_score BETWEEN 0 AND 4),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS preferences_patient_idx ON decision_preferences (patient_id);

-- Objective measurements from face video: the analysis summary and its events, never the video.
CREATE TABLE IF NOT EXISTS video_measurements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  recorded_at timestamptz NOT NULL,
  analyzer_version text NOT NULL,
  summary jsonb NOT NULL,
  events jsonb NOT NULL,
  notes text,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS measurements_patient_idx ON video_measurements (patient_id, recorded_at);

-- Append-only audit trail of every read and write of patient data (and refused attempts).
-- No foreign keys: the trail must outlive whatever it mentions.
CREATE TABLE IF NOT EXISTS audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_role text,
  clinic_id uuid,
  patient_id uuid,
  action text NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete')),
  resource text NOT NULL,
  route text NOT NULL,
  status smallint NOT NULL,
  ip text,
  request_id text
);
CREATE INDEX IF NOT EXISTS audit_patient_idx ON audit_log (patient_id, at);
CREATE INDEX IF NOT EXISTS audit_clinic_idx ON audit_log (clinic_id, at);

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

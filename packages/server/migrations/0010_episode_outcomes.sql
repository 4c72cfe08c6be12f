-- Registry scale (issue 12): a per-episode outcome summary, kept up to date by the database itself on every
-- write that changes it, so the clinic outcomes and the cohort endpoint aggregate one narrow row per episode
-- instead of reading every episode and follow-up (src/analytics/episode-outcomes.ts). Re-runnable.
--
-- Maintained by statement-level AFTER triggers (with transition tables): whatever writes an episode, a
-- follow-up (complications included), a patient's birth date, side or clinic, or an SMC assessment — the API
-- routes, the FHIR import, `hemispasm demo` and the registry's COPY — the summary of the episodes it touches is
-- recomputed in the same statement, so it commits or rolls back with the write. A COPY of 100 000 episodes
-- fires the trigger once and recomputes them in one set-based statement.
--
-- The event is issue 8's, exactly as `observationFor` in src/domain/outcomes.ts defines it; test/registry.test.ts
-- compares the figures built from this table with `computeOutcomes` on generated data (writes, updates and
-- deletes included), so the two cannot drift apart silently. Each follow-up gets a sort key (months, time
-- point's rank), the order the pure function walks the follow-ups in; per episode the smallest key of the
-- follow-ups marked as a recurrence, of those at or past the kind's window (MVD 12 months, RF 3: CURVE_DEFINITIONS),
-- of those resolved, of those with the spasm back (unchanged or worse), and the first of all:
--  - MVD and RF, failure or recurrence: the first recurrence, or a failure at the first follow-up at or past the
--    window when no follow-up up to and including it shows the spasm resolved;
--  - botulinum toxin and oral drugs, time to wearing off: the first recurrence or spasm back; a failure when that
--    is the first follow-up and not marked as a recurrence, else a recurrence;
--  - without the event, censored at the last follow-up.
-- Months run from the treatment date to each follow-up's date (days / 30.4375); a follow-up without a date, or
-- dated before the treatment, counts at its nominal time point (1w 0.25, 1m 1, 3m 3, 6m 6, 12m and later 12).

CREATE TABLE IF NOT EXISTS episode_outcomes (
  episode_id uuid PRIMARY KEY REFERENCES treatment_episodes(id) ON DELETE CASCADE,
  clinic_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy')),
  -- The patient's affected side and age (whole years) at the treatment date: cohort filters.
  affected_side text NOT NULL CHECK (affected_side IN ('left', 'right', 'bilateral')),
  age_years smallint NOT NULL,
  -- Baseline SMC grade: the patient's latest SMC assessment on or before the treatment date.
  smc_grade double precision,
  -- Any complication recorded on the episode or one of its follow-ups.
  complicated boolean NOT NULL,
  follow_ups integer NOT NULL,
  -- The survival observation (episodes with follow-ups only): months to the event, or to the last follow-up
  -- when censored (reason null).
  months double precision,
  reason text CHECK (reason IN ('failure', 'recurrence')),
  -- Follow-ups per (time point, status), time points 1w 1m 3m 6m 12m later × statuses resolved improved
  -- unchanged worse, in that order (24 counts; src/analytics/episode-outcomes.ts reads them in the same order).
  status_counts integer[] NOT NULL
);
CREATE INDEX IF NOT EXISTS episode_outcomes_clinic_idx ON episode_outcomes (clinic_id, kind);

-- Recomputes the summary of the given episodes (those that no longer exist are gone by ON DELETE CASCADE).
-- First it locks the episodes' rows (in id order): two transactions writing follow-ups of one episode at once
-- then recompute one after the other, and the second one's next statement (a fresh snapshot: the function is
-- volatile) sees the first one's follow-ups. Without it the second would overwrite the summary with figures
-- that miss the first one's write. NO KEY UPDATE does not conflict with the KEY SHARE locks that inserting a
-- follow-up takes on its episode, so it cannot deadlock with them.
CREATE OR REPLACE FUNCTION episode_outcomes_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $fn$
  SELECT 1 FROM treatment_episodes WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  WITH eps AS (
    SELECT e.id, e.patient_id, e.kind, e.start_date, p.clinic_id, p.affected_side, p.birth_date,
      coalesce(jsonb_typeof(e.details -> 'complications') = 'array'
        AND jsonb_array_length(e.details -> 'complications') > 0, false) AS complicated,
      CASE e.kind WHEN 'mvd' THEN 12 WHEN 'rf_neurotomy' THEN 3 END::float8 AS window_months
    FROM (SELECT DISTINCT id FROM unnest(ids) AS t(id)) t
    JOIN treatment_episodes e ON e.id = t.id JOIN patients p ON p.id = e.patient_id
  ),
  fu AS (
    SELECT f.episode_id, count(*)::int AS n,
      min(m.key) AS first_key,
      min(m.key) FILTER (WHERE f.recurrence) AS recurrence_key,
      min(m.key) FILTER (WHERE f.spasm_status = 'resolved') AS resolved_key,
      min(m.key) FILTER (WHERE f.spasm_status IN ('unchanged', 'worse')) AS back_key,
      min(m.key) FILTER (WHERE m.months >= e.window_months OR m.nominal >= e.window_months) AS window_key,
      max(m.months) AS last_at,
      bool_or(jsonb_array_length(f.complications) > 0) AS complicated,
      ARRAY[
      count(*) FILTER (WHERE f.time_point = '1w' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = '1w' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = '1w' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = '1w' AND f.spasm_status = 'worse'),
      count(*) FILTER (WHERE f.time_point = '1m' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = '1m' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = '1m' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = '1m' AND f.spasm_status = 'worse'),
      count(*) FILTER (WHERE f.time_point = '3m' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = '3m' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = '3m' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = '3m' AND f.spasm_status = 'worse'),
      count(*) FILTER (WHERE f.time_point = '6m' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = '6m' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = '6m' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = '6m' AND f.spasm_status = 'worse'),
      count(*) FILTER (WHERE f.time_point = '12m' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = '12m' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = '12m' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = '12m' AND f.spasm_status = 'worse'),
      count(*) FILTER (WHERE f.time_point = 'later' AND f.spasm_status = 'resolved'),
      count(*) FILTER (WHERE f.time_point = 'later' AND f.spasm_status = 'improved'),
      count(*) FILTER (WHERE f.time_point = 'later' AND f.spasm_status = 'unchanged'),
      count(*) FILTER (WHERE f.time_point = 'later' AND f.spasm_status = 'worse')
      ]::int[] AS status_counts
    FROM eps e JOIN follow_ups f ON f.episode_id = e.id
    CROSS JOIN LATERAL (SELECT CASE f.time_point WHEN '1w' THEN 0.25 WHEN '1m' THEN 1 WHEN '3m' THEN 3
      WHEN '6m' THEN 6 ELSE 12 END::float8 AS nominal) t
    CROSS JOIN LATERAL (SELECT
      CASE WHEN f.assessed_on >= e.start_date THEN (f.assessed_on - e.start_date)::float8 / 30.4375
        ELSE t.nominal END AS months, t.nominal) tm
    CROSS JOIN LATERAL (SELECT tm.months, tm.nominal, ARRAY[tm.months, CASE f.time_point WHEN '1w' THEN 0
      WHEN '1m' THEN 1 WHEN '3m' THEN 2 WHEN '6m' THEN 3 WHEN '12m' THEN 4 ELSE 5 END] AS key) m
    GROUP BY f.episode_id
  ),
  obs AS (
    SELECT e.*, fu.n, fu.last_at, fu.first_key, fu.recurrence_key, fu.complicated AS fu_complicated,
      fu.status_counts,
      least(fu.recurrence_key, CASE
        WHEN e.window_months IS NULL THEN fu.back_key
        WHEN fu.resolved_key IS NULL OR fu.window_key < fu.resolved_key THEN fu.window_key
      END) AS event_key
    FROM eps e LEFT JOIN fu ON fu.episode_id = e.id
  )
  INSERT INTO episode_outcomes AS o (episode_id, clinic_id, patient_id, kind, affected_side, age_years, smc_grade,
    complicated, follow_ups, months, reason, status_counts)
  SELECT id, clinic_id, patient_id, kind, affected_side,
    extract(year FROM age(start_date, birth_date))::smallint,
    (SELECT a.total FROM assessments a
      WHERE a.patient_id = obs.patient_id AND a.instrument_id = 'smc' AND a.assessed_on <= obs.start_date
      ORDER BY a.assessed_on DESC LIMIT 1),
    complicated OR coalesce(fu_complicated, false),
    coalesce(n, 0),
    CASE WHEN n IS NOT NULL THEN coalesce(event_key[1], last_at) END,
    CASE
      WHEN event_key IS NULL THEN NULL
      WHEN event_key = recurrence_key THEN 'recurrence'
      WHEN window_months IS NOT NULL OR event_key = first_key THEN 'failure'
      ELSE 'recurrence'
    END,
    coalesce(status_counts, array_fill(0, ARRAY[24]))
  FROM obs
  ON CONFLICT (episode_id) DO UPDATE SET clinic_id = excluded.clinic_id, patient_id = excluded.patient_id,
    kind = excluded.kind, affected_side = excluded.affected_side, age_years = excluded.age_years,
    smc_grade = excluded.smc_grade, complicated = excluded.complicated, follow_ups = excluded.follow_ups,
    months = excluded.months, reason = excluded.reason, status_counts = excluded.status_counts;
$fn$;

-- The trigger functions: which episodes a statement touched, from its transition tables.
CREATE OR REPLACE FUNCTION episode_outcomes_on_episodes() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM episode_outcomes_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION episode_outcomes_on_follow_ups() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM episode_outcomes_refresh(ARRAY(SELECT episode_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM episode_outcomes_refresh(ARRAY(SELECT episode_id FROM new_rows UNION SELECT episode_id FROM old_rows));
  ELSE
    PERFORM episode_outcomes_refresh(ARRAY(SELECT episode_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;

-- A patient's birth date, side or clinic: their episodes' age, side and clinic.
CREATE OR REPLACE FUNCTION episode_outcomes_on_patients() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM episode_outcomes_refresh(ARRAY(
    SELECT e.id FROM treatment_episodes e JOIN new_rows n ON n.id = e.patient_id
    JOIN old_rows o ON o.id = n.id
    WHERE (n.birth_date, n.affected_side, n.clinic_id) IS DISTINCT FROM (o.birth_date, o.affected_side, o.clinic_id)));
  RETURN NULL;
END
$fn$;

-- An SMC assessment: the baseline grade of the patient's episodes.
CREATE OR REPLACE FUNCTION episode_outcomes_on_assessments() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM episode_outcomes_refresh(ARRAY(SELECT e.id FROM treatment_episodes e
      WHERE e.patient_id IN (SELECT patient_id FROM new_rows WHERE instrument_id = 'smc')));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM episode_outcomes_refresh(ARRAY(SELECT e.id FROM treatment_episodes e
      WHERE e.patient_id IN (SELECT patient_id FROM new_rows WHERE instrument_id = 'smc'
        UNION SELECT patient_id FROM old_rows WHERE instrument_id = 'smc')));
  ELSE
    PERFORM episode_outcomes_refresh(ARRAY(SELECT e.id FROM treatment_episodes e
      WHERE e.patient_id IN (SELECT patient_id FROM old_rows WHERE instrument_id = 'smc')));
  END IF;
  RETURN NULL;
END
$fn$;

DROP TRIGGER IF EXISTS episode_outcomes_insert ON treatment_episodes;
CREATE TRIGGER episode_outcomes_insert AFTER INSERT ON treatment_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_episodes();
DROP TRIGGER IF EXISTS episode_outcomes_update ON treatment_episodes;
CREATE TRIGGER episode_outcomes_update AFTER UPDATE ON treatment_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_episodes();

DROP TRIGGER IF EXISTS episode_outcomes_insert ON follow_ups;
CREATE TRIGGER episode_outcomes_insert AFTER INSERT ON follow_ups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_follow_ups();
DROP TRIGGER IF EXISTS episode_outcomes_update ON follow_ups;
CREATE TRIGGER episode_outcomes_update AFTER UPDATE ON follow_ups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_follow_ups();
DROP TRIGGER IF EXISTS episode_outcomes_delete ON follow_ups;
CREATE TRIGGER episode_outcomes_delete AFTER DELETE ON follow_ups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_follow_ups();

DROP TRIGGER IF EXISTS episode_outcomes_update ON patients;
CREATE TRIGGER episode_outcomes_update AFTER UPDATE ON patients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_patients();

DROP TRIGGER IF EXISTS episode_outcomes_insert ON assessments;
CREATE TRIGGER episode_outcomes_insert AFTER INSERT ON assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_assessments();
DROP TRIGGER IF EXISTS episode_outcomes_update ON assessments;
CREATE TRIGGER episode_outcomes_update AFTER UPDATE ON assessments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_assessments();
DROP TRIGGER IF EXISTS episode_outcomes_delete ON assessments;
CREATE TRIGGER episode_outcomes_delete AFTER DELETE ON assessments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION episode_outcomes_on_assessments();

-- The episodes recorded before this migration.
SELECT episode_outcomes_refresh(ARRAY(SELECT id FROM treatment_episodes));

-- Registry scale (issue 12): indexes for a clinic of 100 000 patients. Re-runnable.
-- test/registry-plans.test.ts checks with EXPLAIN that the queries below use them.

-- Patient list: keyset pagination in name order within a clinic (WHERE clinic_id = $1 AND (name, id) > ($2, $3)
-- ORDER BY name, id LIMIT n) reads only the rows of one page. Replaces the clinic-only index.
CREATE INDEX IF NOT EXISTS patients_clinic_name_idx ON patients (clinic_id, name, id);
DROP INDEX IF EXISTS patients_clinic_idx;

-- Name search anywhere in the name (lower(name) LIKE '%q%'): trigram index. The extension is database-wide:
-- it goes to schema public (named in full below), never into an installation's own schema, where dropping
-- that schema would take the extension and every other schema's trigram index with it.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX IF NOT EXISTS patients_name_trgm_idx ON patients USING gin (lower(name) public.gin_trgm_ops);

-- Cohorts: the baseline SMC grade of a patient is their latest SMC assessment on or before a treatment.
CREATE INDEX IF NOT EXISTS assessments_patient_instrument_idx ON assessments (patient_id, instrument_id, assessed_on);

-- hemispasm records schema: the last columns holding a value of a fixed list get their CHECK, like the
-- others in 0001 (the lists are @hemispasm/core's OPTION_IDS and USER_ROLES; an audit row may also name
-- 'cds-client', an EHR calling the CDS Hooks service; test/schema-drift.test.ts compares every CHECK
-- list with the column's type in src/db/schema.ts). Re-runnable.

ALTER TABLE decision_records DROP CONSTRAINT IF EXISTS decision_records_chosen_option_check;
ALTER TABLE decision_records ADD CONSTRAINT decision_records_chosen_option_check
  CHECK (chosen_option IN ('observation', 'oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy'));

ALTER TABLE decision_preferences DROP CONSTRAINT IF EXISTS decision_preferences_preferred_option_check;
ALTER TABLE decision_preferences ADD CONSTRAINT decision_preferences_preferred_option_check
  CHECK (preferred_option IN ('observation', 'oral_medication', 'botulinum_toxin', 'mvd', 'rf_neurotomy'));

ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_actor_role_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_role_check
  CHECK (actor_role IN ('admin', 'clinician', 'patient', 'cds-client'));

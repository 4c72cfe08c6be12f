-- Facial-movement test results (issue 11) are stored beside the spasm measurements, in the same table:
-- `kind` says which analysis a row holds (`summary` then holds the whole MovementAnalysis and `events` is
-- empty). Rows from before this migration are spasm measurements. Re-runnable.
ALTER TABLE video_measurements ADD COLUMN IF NOT EXISTS kind text NOT NULL DEFAULT 'spasm';
ALTER TABLE video_measurements DROP CONSTRAINT IF EXISTS video_measurements_kind_check;
ALTER TABLE video_measurements ADD CONSTRAINT video_measurements_kind_check CHECK (kind IN ('spasm', 'movement'));
CREATE INDEX IF NOT EXISTS measurements_patient_kind_idx ON video_measurements (patient_id, kind, recorded_at);

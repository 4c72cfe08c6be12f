-- Sign-in limits counted before the password is checked (issue 9): every attempt is counted by one
-- statement that increments and returns the counters, so parallel guesses cannot all pass a limit that
-- was read before they were counted. Keys: `pair:<email>|<address>` and `addr:<address>` (fixed windows),
-- `account:<email>` (across addresses: a growing delay between attempts rather than a lock, so nobody can
-- lock a colleague out). Rows of the earlier scheme (`email:…`, `ip:…`) expire and are purged.

-- When the next attempt for an account may be checked (null: no delay yet).
ALTER TABLE login_attempts ADD COLUMN IF NOT EXISTS next_at timestamptz;

-- The hourly purge deletes by these columns.
CREATE INDEX IF NOT EXISTS login_attempts_window_idx ON login_attempts (window_start);
CREATE INDEX IF NOT EXISTS sessions_expires_idx ON sessions (expires_at);

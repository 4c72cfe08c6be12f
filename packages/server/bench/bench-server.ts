/**
 * The server under benchmark, in its own process (so the load generator does not share its event
 * loop): opens the database named by BENCH_DATABASE_URL or a PGlite folder BENCH_PGLITE_DIR, migrates,
 * adds one clinic, clinician and patient, mints a session, listens on a free port and prints one JSON
 * line {port, cookie, csrf, patientId, clinicianId, clinicId, spreadSessions} for the benchmark driver
 * (spreadSessions: one session of each clinician of the clinic-like set, bench/spread.ts). BENCH_WRITES picks
 * the write path (http/guard.ts WritePath): `one-trip` (default), `one-trip-unbatched`,
 * `one-trip-built-per-request` or `two-trips`.
 */
import { buildApp } from '../src/app';
import { createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import type { WritePath } from '../src/http/guard';
import { insertClinicWithClinician, NEVER_SIGNS_IN } from '../test/helpers/clinic-with-clinician';
import { SPREAD_PATIENTS, SPREAD_USERS, spreadId } from './spread';

const url = process.env.BENCH_DATABASE_URL;
const searchPath = process.env.BENCH_SEARCH_PATH;
const database = await openDatabase(
  url
    ? { url, poolSize: 16, ...(searchPath ? { searchPath } : {}) }
    : { dataDir: process.env.BENCH_PGLITE_DIR ?? 'memory://' },
);
await migrate(database.db);
const db = database.db;
const { clinicId, clinicianId } = await insertClinicWithClinician(db, {
  clinic: 'Bench clinic',
  email: `bench-${Date.now()}@bench.test`,
  displayName: 'Bench',
});
const patient = await db
  .insertInto('patients')
  .values({
    clinic_id: clinicId,
    name: 'Bench Patient',
    birth_date: '1960-01-01',
    sex: 'female',
    affected_side: 'left',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const session = await createSession(db, clinicianId);

/**
 * The clinic-like set (PostgreSQL only; the PGlite row does not use it): SPREAD_PATIENTS patients and
 * SPREAD_USERS clinicians, with ids pgbench can name (`spreadId`), made by the first bench server on the
 * schema (the others find them), and one session of each clinician per server.
 */
const spreadMade =
  !url ||
  (await db.selectFrom('patients').select('id').where('id', '=', spreadId('patient', 0)).executeTakeFirst());
if (!spreadMade) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('patients')
      .values(
        Array.from({ length: SPREAD_PATIENTS }, (_, i) => ({
          id: spreadId('patient', i),
          clinic_id: clinicId,
          name: `Spread Patient ${i}`,
          birth_date: '1960-01-01',
          sex: 'female' as const,
          affected_side: 'left' as const,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(
        Array.from({ length: SPREAD_USERS }, (_, i) => ({
          id: spreadId('user', i),
          clinic_id: clinicId,
          email: `spread-${i}@bench.test`,
          display_name: `Spread ${i}`,
          role: 'clinician' as const,
          password_hash: NEVER_SIGNS_IN,
        })),
      )
      .execute();
  });
}
const spreadSessions = [];
for (let i = 0; url && i < SPREAD_USERS; i++) {
  const s = await createSession(db, spreadId('user', i));
  spreadSessions.push({ cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken });
}
const PATHS: readonly WritePath[] = [
  'one-trip',
  'one-trip-unbatched',
  'one-trip-built-per-request',
  'two-trips',
];
const writes: WritePath = PATHS.find((p) => p === process.env.BENCH_WRITES) ?? 'one-trip';
const app = await buildApp({ db, databaseKind: database.kind, webDist: false, logger: false, writes });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(
  `${JSON.stringify({
    port: typeof addr === 'object' && addr ? addr.port : 0,
    cookie: `${SESSION_COOKIE}=${session.token}`,
    csrf: session.csrfToken,
    patientId: patient.id,
    clinicianId,
    clinicId,
    spreadSessions,
  })}\n`,
);
// The driver asks for the CPU time this process spent, to show where the time goes.
process.on('SIGUSR2', () => {
  const u = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (u.user + u.system) / 1000 })}\n`);
});
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

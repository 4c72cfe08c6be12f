/**
 * `npx tsx packages/server/bench/ehr-interop.ts`: what EHR interoperability costs, in process on embedded
 * PGlite — indexing the R4 definitions (once per process), validating an exported Bundle against them,
 * importing a Bundle (our schema, R4, scoring, one transaction), and a CDS Hooks patient-view call (JWT
 * check and replay record, prefetch reading, profile, engine, cards, audit row) — medians and 95th
 * percentiles side by side with the plain export of the same patient. ROUNDS sets the repetitions (50).
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { validateR4 } from '../src/fhir/r4-validation';
import { DEMO_LOGINS, seedDemo } from '../src/seed/demo';
import { EHR_ISSUER, ehrKeys, ehrPatient, hookRequest, PUBLIC_URL, signToken } from '../test/helpers/cds-ehr';

const ROUNDS = Number(process.env.ROUNDS ?? 50);
const ms = (t0: number) => performance.now() - t0;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function timed(n: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    out.push(ms(t0));
  }
  return out;
}

const database = await openDatabase();
await migrate(database.db);
await seedDemo(database.db, { today: new Date('2026-06-15T12:00:00Z') });
const keys = await ehrKeys();
const app = await buildApp({
  db: database.db,
  webDist: false,
  cds: { publicUrl: PUBLIC_URL, issuer: EHR_ISSUER, keys: { jwks: keys.jwks } },
});
const clinician = await database.db
  .selectFrom('users')
  .select(['id', 'clinic_id'])
  .where('email', '=', DEMO_LOGINS.find((l) => l.role === 'clinician')!.email)
  .executeTakeFirstOrThrow();
const session = await createSession(database.db, clinician.id);
const headers = { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken };
const patient = await database.db
  .selectFrom('patients')
  .innerJoin('treatment_episodes', 'treatment_episodes.patient_id', 'patients.id')
  .select('patients.id')
  .where('patients.clinic_id', '=', clinician.clinic_id)
  .where('kind', '=', 'mvd')
  .executeTakeFirstOrThrow();
const exportOnce = () => app.inject({ method: 'GET', url: `/api/patients/${patient.id}/fhir`, headers });
const bundle = (await exportOnce()).json();

const t0 = performance.now();
await validateR4(bundle);
const indexMs = ms(t0);

const rows: [string, number[]][] = [];
rows.push(['export Bundle (GET …/fhir)', await timed(ROUNDS, exportOnce)]);
rows.push(['validate that Bundle against R4', await timed(ROUNDS, async () => validateR4(bundle))]);
rows.push([
  'import it (POST /api/fhir/Bundle)',
  await timed(ROUNDS, () =>
    app.inject({ method: 'POST', url: '/api/fhir/Bundle', headers, payload: bundle }),
  ),
]);
const profile = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../examples/profile-older-high-risk.json', import.meta.url)),
    'utf8',
  ),
);
const request = JSON.stringify(
  hookRequest('p-1', ehrPatient(profile, { patientId: 'p-1', now: new Date() })),
);
const tokens = await Promise.all(Array.from({ length: ROUNDS }, () => signToken(keys)));
let k = 0;
rows.push([
  'CDS patient-view call',
  await timed(ROUNDS, async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/cds-services/hemispasm-patient-view',
      headers: { authorization: `Bearer ${tokens[k++]}`, 'content-type': 'application/json' },
      payload: request,
    });
    if (r.statusCode !== 200) throw new Error(r.body);
  }),
]);

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `inputs: demo MVD patient, Bundle of ${bundle.entry.length} entries (${JSON.stringify(bundle).length} bytes); CDS prefetch of examples/profile-older-high-risk.json (${request.length} bytes); ${ROUNDS} rounds each, one after another`,
);
console.log(`R4 definitions indexed once per process: ${indexMs.toFixed(0)} ms`);
const base = quantile(rows[0]![1], 0.5);
console.log('\n| step | median ms | p95 ms | × export |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, xs] of rows) {
  const med = quantile(xs, 0.5);
  console.log(
    `| ${name} | ${med.toFixed(1)} | ${quantile(xs, 0.95).toFixed(1)} | ${(med / base).toFixed(2)} |`,
  );
}
await app.close();
await database.close();

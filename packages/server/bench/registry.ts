/**
 * How the analytics grow with the registry: for each size (BENCH_REGISTRY_SIZES, default 1000,10000,100000
 * patients) a fresh schema on the PostgreSQL server gets a synthetic registry (COPY, the same seed as
 * `hemispasm demo --patients N`), then the API answers — in process, through the whole app with a
 * clinician's session — the clinic outcomes, a cohort query, the first, a deep and the last page of the
 * patient list (each with its count of matching patients, X-Total-Count), a filtered page (its count reads
 * the clinic's rows) and a name search, each REPEATS times one after another; medians and p95 are
 * reported. The count alone (its SQL, no HTTP) is timed too, with and without parallel workers.
 */
import pg from 'pg';
import { buildApp } from '../src/app';
import { createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { countPatients, patientCountQuery } from '../src/routes/patient-list';
import { seedRegistry } from '../src/seed/registry';
import { insertClinicWithClinician } from '../test/helpers/clinic-with-clinician';

const REPEATS = Number(process.env.BENCH_REGISTRY_REPEATS ?? 20);

export interface RegistryTiming {
  patients: number;
  rows: number;
  seedS: number;
  queries: Array<{ name: string; p50: number; p95: number }>;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export async function benchRegistry(url: string, sizes: number[]): Promise<RegistryTiming[]> {
  const out: RegistryTiming[] = [];
  for (const patients of sizes) {
    const schema = `bench_registry_${patients}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const database = await openDatabase({ url, searchPath: schema, poolSize: 4 });
    try {
      const db = database.db;
      await migrate(db);
      const { clinicId, clinicianId } = await insertClinicWithClinician(db, {
        clinic: 'Registry',
        email: 'doc@registry.bench',
        displayName: 'Dr Bench',
      });
      const started = performance.now();
      const counts = await seedRegistry(
        { kind: 'postgres', url, searchPath: schema },
        { patients, clinicId, createdBy: clinicianId, seed: 1 },
      );
      const seedS = (performance.now() - started) / 1000;
      const session = await createSession(db, clinicianId);
      const app = await buildApp({ db, databaseKind: 'postgres', webDist: false });
      const get = async (path: string) => {
        const r = await app.inject({ url: path, headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
        if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r;
      };
      // A deep page: the cursor of the patient in the middle of the name order.
      const middle = await db
        .selectFrom('patients')
        .select(['name', 'id'])
        .orderBy('name')
        .orderBy('id')
        .offset(Math.floor(patients / 2))
        .limit(1)
        .executeTakeFirstOrThrow();
      const after = Buffer.from(JSON.stringify([middle.name, middle.id])).toString('base64url');
      const queries = [
        ['clinic outcomes', '/api/clinic/outcomes'],
        ['cohort mvd, SMC II, 40–59', '/api/clinic/cohort?kind=mvd&smcGrade=2&ageBand=40-59'],
        ['patient list, first page', '/api/patients?limit=50'],
        ['patient list, middle page', `/api/patients?limit=50&after=${after}`],
        ['patient list, last page', '/api/patients?limit=50&last=true'],
        ['patient list, side=left', '/api/patients?limit=50&side=left'],
        ['name search "ada che"', '/api/patients?limit=50&q=ada%20che'],
      ] as const;
      const counted = Number((await get('/api/patients?limit=1')).headers['x-total-count']);
      if (counted !== patients) throw new Error(`X-Total-Count ${counted}, expected ${patients}`);
      const timings = [];
      for (const [name, path] of queries) {
        await get(path); // warm the plan and the cache
        const ms: number[] = [];
        for (let i = 0; i < REPEATS; i++) {
          const t = performance.now();
          await get(path);
          ms.push(performance.now() - t);
        }
        timings.push({ name, p50: percentile(ms, 50), p95: percentile(ms, 95) });
      }
      // The count alone, as the list runs it (no parallel workers) and as the planner would run it (at
      // 100 000 patients a parallel scan), side by side: what it adds to every page, and why it runs alone.
      for (const [name, count] of [
        ['count alone, as the list runs it', () => countPatients(db, clinicId, {})],
        ['count alone, parallel plan allowed', () => patientCountQuery(db, clinicId, {}).execute()],
      ] as const) {
        await count();
        const ms: number[] = [];
        for (let i = 0; i < REPEATS; i++) {
          const t = performance.now();
          await count();
          ms.push(performance.now() - t);
        }
        timings.push({ name, p50: percentile(ms, 50), p95: percentile(ms, 95) });
      }
      await app.close();
      out.push({ patients, rows: Object.values(counts).reduce((a, b) => a + b, 0), seedS, queries: timings });
    } finally {
      await database.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  return out;
}

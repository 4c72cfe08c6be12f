/**
 * `npm run bench server`: diary-entry writes per second through the whole API (session lookup, policy,
 * validation, insert, audit row) with autocannon at 32 connections, on embedded PGlite and on a
 * PostgreSQL server — side by side with pgbench's single-row insert rate into the same table on the
 * same PostgreSQL (the database's own limit on this machine). Target: ≥ 50 % of that limit with
 * p99 < 50 ms on PostgreSQL.
 *
 * On PostgreSQL both write paths of routes/records.ts run side by side — one round trip per write (session,
 * CSRF, policy, insert and audit row in one data-modifying CTE) and the two it replaced (the session lookup
 * of the guard hooks, then the insert and its audit row as one statement) — each through the API and as
 * pgbench scripts of the same SQL, and the patient page is read at 32 connections. Three more pgbench rows
 * bound what any audited write can reach: the same insert into a copy of the table without its foreign keys
 * (their cost), the insert with its audit row and no check (the least a write stores), and the API's
 * statement prepared as the server sends it (-M prepared); the bench prints the multixacts the runs created.
 * The API's writes run batched (writes arriving together as one statement, routes/insert-batches.ts) and
 * unbatched, and pgbench runs 8 of its statements as one, as the server batches them. Clinic-like rows
 * (bench/spread.ts) spread the writes over 1 000 patients by 32 clinicians, each with its own session,
 * for pgbench and the API alike. The runs alternate in BENCH_ROUNDS rounds (3), so a change in the machine's
 * load hits every row alike; the table gives the median over the rounds.
 *
 * PostgreSQL: TEST_DATABASE_URL when set (and PG_BINDIR for pgbench), otherwise a throwaway cluster
 * started here exactly as scripts/with-postgres.sh does. BENCH_SECONDS sets each run's length (10);
 * BENCH_SERVER_NODE_ARGS adds Node flags to the server process (e.g. --cpu-prof); BENCH_WRITES=0 skips the
 * write and read runs (growth series only).
 *
 * Then the growth series (bench/registry.ts): outcome, cohort and patient-list answer times at registry
 * sizes BENCH_REGISTRY_SIZES (default 1000,10000,100000 patients; "0" skips it).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashToken } from '../src/auth/sessions';
import { batchSql, MAX_BATCH, splitWriteStatement } from '../src/routes/insert-batches';
import { pgBinDir, startCluster } from '../test/helpers/pg-cluster';
import { benchRegistry, type RegistryTiming } from './registry';
import { SPREAD_PATIENTS, SPREAD_USERS, spreadId, spreadIdSql } from './spread';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const here = fileURLToPath(new URL('.', import.meta.url));

interface Row {
  target: string;
  /** Requests (writes, or reads in the read row) per second. */
  writesPerS: number;
  /** Server CPU milliseconds per write (the API process only). */
  cpuPerWrite: number | null;
  p50: number | null;
  p99: number | null;
  errors: number;
  /** pgbench: its average latency (it reports no percentiles). */
  avgMs?: number;
}

interface Started {
  /** CPU milliseconds the server process has used so far. */
  cpuMs: () => Promise<number>;
  port: number;
  cookie: string;
  csrf: string;
  patientId: string;
  clinicianId: string;
  clinicId: string;
  /** One session of each clinician of the clinic-like set (bench/spread.ts). */
  spreadSessions: Array<{ cookie: string; csrf: string }>;
  stop: () => Promise<void>;
}

function startServer(env: Record<string, string>): Promise<Started> {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server process.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(here, 'bench-server.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    let started = false;
    const cpuWaiters: Array<(ms: number) => void> = [];
    child.stdout.on('data', (c) => {
      buf += String(c);
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (started) {
          cpuWaiters.shift()?.(msg.cpuMs);
          continue;
        }
        started = true;
        resolve({
          ...msg,
          cpuMs: () =>
            new Promise<number>((res) => {
              cpuWaiters.push(res);
              child.kill('SIGUSR2');
            }),
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function loadDiaryWrites(target: string, s: Started): Promise<Row> {
  return load(target, s, 'POST', `/api/patients/${s.patientId}/diary`);
}

/**
 * Clinic-like: each write for a random patient of the spread set by a random one of its clinicians (each
 * with its own session), so writers seldom lock the same rows.
 */
async function loadSpreadDiaryWrites(target: string, s: Started): Promise<Row> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  return load(target, s, 'POST', '/api/patients/spread', (req) => {
    const session = pick(s.spreadSessions);
    req.path = `/api/patients/${spreadId('patient', Math.floor(Math.random() * SPREAD_PATIENTS))}/diary`;
    req.headers = { ...req.headers, cookie: session.cookie, 'x-csrf-token': session.csrf };
    return req;
  });
}

/** The patient page's record (GET /api/patients/:id: session, policy, read, audit row of the read). */
async function loadPatientReads(target: string, s: Started): Promise<Row> {
  return load(target, s, 'GET', `/api/patients/${s.patientId}`);
}

type SetupRequest = (req: autocannon.Request) => autocannon.Request;

async function load(
  target: string,
  s: Started,
  method: 'GET' | 'POST',
  path: string,
  setupRequest?: SetupRequest,
): Promise<Row> {
  const cpuBefore = await s.cpuMs();
  const body = JSON.stringify({
    entryDate: '2026-01-15',
    severity: 5,
    spasmEpisodes: 12,
    triggers: ['stress'],
  });
  const r = await autocannon({
    url: `http://127.0.0.1:${s.port}${path}`,
    method,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(method === 'POST' ? { body } : {}),
    ...(setupRequest ? { requests: [{ method, body, setupRequest }] } : {}),
  });
  const ok = r['2xx'];
  const cpu = (await s.cpuMs()) - cpuBefore;
  return {
    target,
    writesPerS: ok / SECONDS,
    cpuPerWrite: ok ? cpu / ok : null,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

/** One row the API writes, straight into the same table: the database's own single-row limit. */
function singleInsertSql(s: Started): string {
  return `INSERT INTO diary_entries (patient_id, entry_date, severity, spasm_episodes, triggers, created_by)
     VALUES ('${s.patientId}', '2026-01-15', 5, 12, '["stress"]', '${s.clinicianId}');\n`;
}

/** The same row for a random patient of the spread set by a random one of its clinicians (clinic-like). */
function spreadInsertSql(): string {
  return (
    `\\set p random(0, ${SPREAD_PATIENTS - 1})\n\\set u random(0, ${SPREAD_USERS - 1})\n` +
    `INSERT INTO diary_entries (patient_id, entry_date, severity, spasm_episodes, triggers, created_by)
     VALUES (${spreadIdSql('patient', 'p')}, '2026-01-15', 5, 12, '["stress"]', ${spreadIdSql('user', 'u')});\n`
  );
}

/** The same row into a copy of the table without its two foreign keys: what their checks cost. */
const NO_FK_TABLE = 'diary_entries_no_fk';
const noForeignKeyInsertSql = (s: Started) => singleInsertSql(s).replace('diary_entries', NO_FK_TABLE);

/**
 * The same row and its audit row in one statement, with no session or policy check: the least any
 * audited write stores (two rows), so the ceiling of a write that keeps the audit rule.
 */
function insertWithAuditSql(s: Started): string {
  return (
    `WITH change AS (${singleInsertSql(s).replace(/;\n$/, '')} RETURNING id) ` +
    `INSERT INTO audit_log (${AUDIT_COLUMNS}) SELECT '${s.clinicianId}'::uuid, 'clinician', '${s.clinicId}'::uuid, ` +
    `${auditValues(s)} FROM change;\n`
  );
}

const tokenHashOf = (s: Started) => hashToken(decodeURIComponent(s.cookie.split('=')[1] ?? ''));

/** The session lookup with the patient's clinic (auth/sessions.ts findSession), as the server sends it. */
function sessionSql(s: Started): string {
  return (
    `SELECT u.id, u.role, u.clinic_id, u.patient_id, u.email, u.display_name, s.csrf_token, s.token_hash, ` +
    `(SELECT clinic_id FROM patients WHERE id = '${s.patientId}') AS patient_clinic_id ` +
    `FROM sessions s JOIN users u ON u.id = s.user_id ` +
    `WHERE s.token_hash = '${tokenHashOf(s)}' AND s.expires_at > now() AND u.disabled = false;`
  );
}

const DIARY_COLUMNS = 'entry_date, severity, spasm_episodes, triggers, patient_id, created_by';
const AUDIT_COLUMNS =
  'actor_user_id, actor_role, clinic_id, patient_id, action, resource, route, status, ip, request_id';
// The route's colon as chr(58): pgbench would take `:patientId` for one of its variables (-M prepared).
const auditValues = (s: Started) =>
  `'${s.patientId}'::uuid, 'create', 'diary', 'POST /api/patients/' || chr(58) || 'patientId/diary', 201::smallint, '127.0.0.1', 'pgbench'`;

/**
 * One diary write as routes/records.ts sends it: `guard` is the session, CSRF and policy check
 * (`one-trip`) or the caller the guard hooks found, as constants (`two-trips`).
 */
function guardedWriteSql(s: Started, guard: string, returnCaller: boolean): string {
  const typed = DIARY_COLUMNS.split(', ')
    .map((c) => `(NULL::diary_entries).${c}`)
    .join(', ');
  return (
    `WITH hemispasm_guard AS (${guard}), hemispasm_change AS (INSERT INTO diary_entries (${DIARY_COLUMNS}) ` +
    `SELECT ${DIARY_COLUMNS} FROM (VALUES (false, ${typed}), (true, '2026-01-15', 5, 12, '["stress"]', ` +
    `'${s.patientId}', (SELECT user_id FROM hemispasm_guard))) AS v (keep, ${DIARY_COLUMNS}) WHERE v.keep ` +
    `AND EXISTS (SELECT 1 FROM hemispasm_guard) RETURNING *), hemispasm_audit AS (INSERT INTO audit_log ` +
    `(${AUDIT_COLUMNS}) SELECT g.user_id, g.role, g.clinic_id, ${auditValues(s)} FROM hemispasm_guard g ` +
    `WHERE EXISTS (SELECT 1 FROM hemispasm_change)) ${finalSelect(returnCaller)}`
  );
}

/** The last part of a write statement (no parameters), where a batch of them splits it. */
function finalSelect(returnCaller: boolean): string {
  const caller = returnCaller
    ? 'g.user_id AS c1, g.role AS c2, g.clinic_id AS c3, g.patient_id AS c4, g.email AS c5, ' +
      'g.display_name AS c6, g.csrf_token AS c7, g.token_hash AS c8, g.patient_clinic_id AS c9, '
    : '';
  return `SELECT ${caller}hemispasm_change.* FROM hemispasm_change CROSS JOIN hemispasm_guard g`;
}

/** `n` of the API's one-statement writes as ONE statement, as the server batches writes arriving together. */
function batchedStatementSql(s: Started, n: number): string {
  const single = apiStatementsSql(s, 'one-trip').trim().replace(/;$/, '');
  const split = splitWriteStatement(single, finalSelect(true), 0);
  if (!split) throw new Error("the bench write statement does not split like the server's");
  return `${batchSql(split, n)};\n`;
}

/**
 * The SQL the API runs for one diary write, one statement per line as the server sends them:
 * `one-trip` — session, CSRF, policy, insert and audit row in one statement; `two-trips` — the guard
 * hooks' session lookup, then the insert and its audit row in one statement.
 */
function apiStatementsSql(s: Started, writes: 'one-trip' | 'two-trips'): string {
  if (writes === 'two-trips') {
    const known = `SELECT '${s.clinicianId}'::uuid AS user_id, 'clinician'::text AS role, '${s.clinicId}'::uuid AS clinic_id`;
    return [sessionSql(s), `${guardedWriteSql(s, known, false)};`, ''].join('\n');
  }
  const guard =
    'SELECT u.id AS user_id, u.role, u.clinic_id, u.patient_id, u.email, u.display_name, s.csrf_token, ' +
    's.token_hash, p.clinic_id AS patient_clinic_id FROM sessions s JOIN users u ON u.id = s.user_id ' +
    `LEFT JOIN patients p ON p.id = '${s.patientId}'::uuid WHERE s.token_hash = '${tokenHashOf(s)}' ` +
    `AND s.expires_at > now() AND NOT u.disabled AND s.csrf_token = '${s.csrf}' ` +
    "AND ((u.role = 'clinician' AND u.clinic_id = p.clinic_id) OR (u.role = 'patient' AND u.patient_id = p.id))";
  return [`${guardedWriteSql(s, guard, true)};`, ''].join('\n');
}

/** `prepared`: each statement parsed and planned once per connection, as the server sends its writes. */
function pgbench(
  bin: string,
  url: string,
  label: string,
  sqlScript: string,
  mode: 'simple' | 'prepared' = 'simple',
): Row {
  const dir = mkdtempSync(join(tmpdir(), 'hemispasm-pgbench-'));
  const script = join(dir, 'script.sql');
  writeFileSync(script, sqlScript);
  const u = new URL(url);
  const out = execFileSync(
    join(bin, 'pgbench'),
    [
      '-n',
      '-c',
      String(CONNECTIONS),
      '-j',
      String(Math.min(CONNECTIONS, cpus().length)),
      '-T',
      String(SECONDS),
      '-M',
      mode,
      '-f',
      script,
      '-h',
      u.hostname,
      '-p',
      u.port,
      '-U',
      u.username,
      '-r',
      u.pathname.slice(1),
    ],
    { encoding: 'utf8' },
  );
  rmSync(dir, { recursive: true, force: true });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const lat = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? Number.NaN);
  return {
    target: label,
    avgMs: lat,
    writesPerS: tps,
    cpuPerWrite: null,
    p50: null,
    p99: null,
    errors: 0,
  };
}

async function main(): Promise<void> {
  const bin =
    pgBinDir() ??
    (spawnSync('sh', ['-c', 'command -v pgbench'])
      .stdout.toString()
      .trim()
      .replace(/\/pgbench$/, '') ||
      undefined);
  const rows: Row[] = [];
  const notes: string[] = [];
  let pgVersion = 'not available';

  // 1. PostgreSQL: the limit (pgbench), then the API on it.
  const cluster = !process.env.TEST_DATABASE_URL && bin ? await startCluster(bin) : undefined;
  const url = process.env.TEST_DATABASE_URL ?? cluster?.url('postgres');
  let registry: RegistryTiming[] = [];
  try {
    if (url && bin) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      pgVersion = (
        await c.query<{ server_version: string }>('show server_version')
      ).rows[0]!.server_version.split(' ')[0]!;
      const schema = `bench_${Date.now()}`;
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
      if (process.env.BENCH_WRITES !== '0') {
        const env = { BENCH_DATABASE_URL: url, BENCH_SEARCH_PATH: schema };
        const oneTrip = await startServer({ ...env, BENCH_WRITES: 'one-trip' });
        const twoTrips = await startServer({ ...env, BENCH_WRITES: 'two-trips' });
        const builtPerRequest = await startServer({ ...env, BENCH_WRITES: 'one-trip-built-per-request' });
        const unbatched = await startServer({ ...env, BENCH_WRITES: 'one-trip-unbatched' });
        try {
          // pgbench connects with the same search_path through PGOPTIONS.
          process.env.PGOPTIONS = `-c search_path=${schema}`;
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(
            `CREATE TABLE ${schema}.${NO_FK_TABLE} (LIKE ${schema}.diary_entries INCLUDING ALL)`,
          );
          const multixacts = () => nextMultixact(admin);
          const multixactsBefore = await multixacts();
          const apiSql = apiStatementsSql(oneTrip, 'one-trip');
          const runs: Array<() => Promise<Row> | Row> = [
            () => pgbench(bin, url, LIMIT_LABEL, singleInsertSql(oneTrip)),
            () =>
              pgbench(
                bin,
                url,
                'pgbench single-row INSERT, same table without its 2 foreign keys',
                noForeignKeyInsertSql(oneTrip),
              ),
            () =>
              pgbench(
                bin,
                url,
                'pgbench single-row INSERT + its audit row, one statement (no session, no policy)',
                insertWithAuditSql(oneTrip),
              ),
            () =>
              pgbench(bin, url, 'pgbench, API SQL: one statement (session, policy, insert, audit)', apiSql),
            () =>
              pgbench(
                bin,
                url,
                'pgbench, API SQL: one statement, prepared as the server sends it (-M prepared)',
                apiSql,
                'prepared',
              ),
            () => {
              const r = pgbench(
                bin,
                url,
                `pgbench, API SQL: ${MAX_BATCH} writes in one statement as the server batches them, prepared`,
                batchedStatementSql(oneTrip, MAX_BATCH),
                'prepared',
              );
              return { ...r, writesPerS: r.writesPerS * MAX_BATCH };
            },
            () =>
              pgbench(
                bin,
                url,
                'pgbench, API SQL: session, then insert + audit',
                apiStatementsSql(oneTrip, 'two-trips'),
              ),
            () => loadDiaryWrites(`${ONE_TRIP} ${pgVersion}`, oneTrip),
            () => loadDiaryWrites(`${UNBATCHED} ${pgVersion}`, unbatched),
            () => loadDiaryWrites(`${BUILT_PER_REQUEST} ${pgVersion}`, builtPerRequest),
            () => loadDiaryWrites(`${TWO_TRIPS} ${pgVersion}`, twoTrips),
            () => loadPatientReads(`API reads GET /api/patients/:id, PostgreSQL ${pgVersion}`, oneTrip),
            () => pgbench(bin, url, SPREAD_LIMIT_LABEL, spreadInsertSql()),
            () => loadSpreadDiaryWrites(`${SPREAD_BATCHED} ${pgVersion}`, oneTrip),
            () => loadSpreadDiaryWrites(`${SPREAD_UNBATCHED} ${pgVersion}`, unbatched),
          ];
          const byRun: Row[][] = runs.map(() => []);
          for (let round = 0; round < ROUNDS; round++)
            for (const [i, run] of runs.entries()) byRun[i]!.push(await run());
          rows.push(...byRun.map(medianRow));
          const created = (await multixacts()) - multixactsBefore;
          if (!Number.isNaN(created)) {
            notes.push(
              `multixacts created during the write runs: ${created} (every writer's foreign-key checks take a ` +
                'KEY SHARE lock on the same patient and user rows; concurrent lockers share one multixact)',
            );
          }
          await admin.end();
        } finally {
          await oneTrip.stop();
          await twoTrips.stop();
          await builtPerRequest.stop();
          await unbatched.stop();
        }
      }
      const sizes = (process.env.BENCH_REGISTRY_SIZES ?? '1000,10000,100000').split(',').map(Number);
      if (sizes.every((n) => Number.isInteger(n) && n > 0)) registry = await benchRegistry(url, sizes);
    } else {
      console.log(
        'PostgreSQL server binaries not found: PostgreSQL rows skipped (apt-get install postgresql).',
      );
    }
  } finally {
    cluster?.stop();
  }

  // 2. Embedded PGlite in a data folder, as `npm start` runs it.
  const pgliteDir = mkdtempSync(join(tmpdir(), 'hemispasm-bench-pglite-'));
  try {
    const server = await startServer({ BENCH_PGLITE_DIR: pgliteDir });
    try {
      rows.push(await loadDiaryWrites('API on PGlite (embedded, data folder)', server));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }

  const limit = rows.find((r) => r.target.startsWith(LIMIT_LABEL))?.writesPerS;
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
      `node ${process.version}; PostgreSQL ${pgVersion}`,
  );
  console.log(
    `inputs: POST /api/patients/:id/diary (session cookie + CSRF, policy check, zod validation, insert, audit row); ` +
      `${CONNECTIONS} connections, ${SECONDS} s per run; PostgreSQL rows: median of ${ROUNDS} rounds, the runs ` +
      `alternating within each round; load average at the start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const fmt = (n: number | null, d = 1) => (n === null || Number.isNaN(n) ? '—' : n.toFixed(d));
  const header = ['target', 'writes/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU ms/write', '% of pgbench'];
  const lines = rows.map((r) => [
    r.target,
    fmt(r.writesPerS, 0),
    fmt(r.p50),
    fmt(r.p99),
    String(r.errors),
    fmt(r.cpuPerWrite, 2),
    limit ? `${((100 * r.writesPerS) / limit).toFixed(0)} %` : '—',
  ]);
  printTable(header, lines);
  for (const n of notes) console.log(n);
  const api = rows.find((r) => r.target.startsWith(ONE_TRIP));
  const before = rows.find((r) => r.target.startsWith(TWO_TRIPS));
  const perRequest = rows.find((r) => r.target.startsWith(BUILT_PER_REQUEST));
  const single = rows.find((r) => r.target.startsWith(UNBATCHED));
  if (api && single) {
    console.log(
      `writes arriving together batched vs one statement per request (API, PostgreSQL): ` +
        `×${(api.writesPerS / single.writesPerS).toFixed(2)} writes/s, server CPU per write ` +
        `×${fmt((api.cpuPerWrite ?? Number.NaN) / (single.cpuPerWrite ?? Number.NaN), 2)}, ` +
        `p99 ×${fmt((api.p99 ?? Number.NaN) / (single.p99 ?? Number.NaN), 2)}`,
    );
  }
  if (single && perRequest) {
    console.log(
      `statement compiled once per shape vs built per request (API, PostgreSQL): ` +
        `×${(single.writesPerS / perRequest.writesPerS).toFixed(2)} writes/s, server CPU per write ` +
        `×${fmt((single.cpuPerWrite ?? Number.NaN) / (perRequest.cpuPerWrite ?? Number.NaN), 2)}`,
    );
  }
  if (single && before) {
    console.log(
      `one round trip vs two per write, neither batched (API, PostgreSQL): ` +
        `×${(single.writesPerS / before.writesPerS).toFixed(2)} writes/s, ` +
        `p50 ×${fmt((single.p50 ?? Number.NaN) / (before.p50 ?? Number.NaN), 2)}, ` +
        `p99 ×${fmt((single.p99 ?? Number.NaN) / (before.p99 ?? Number.NaN), 2)}`,
    );
  }
  if (api && limit) {
    const ratio = api.writesPerS / limit;
    const met = ratio >= 0.5 && (api.p99 ?? Infinity) < 50;
    console.log(
      `target (PostgreSQL): ≥ 50 % of pgbench with p99 < 50 ms — ${met ? 'MET' : 'NOT MET'} ` +
        `(${(ratio * 100).toFixed(0)} %, p99 ${fmt(api.p99)} ms)`,
    );
  }
  const spreadLimit = rows.find((r) => r.target.startsWith(SPREAD_LIMIT_LABEL))?.writesPerS;
  const spreadApi = rows.find((r) => r.target.startsWith(SPREAD_BATCHED));
  const spreadSingle = rows.find((r) => r.target.startsWith(SPREAD_UNBATCHED));
  if (spreadLimit && spreadApi && spreadSingle) {
    console.log(
      `clinic-like (${SPREAD}): API batched ${((100 * spreadApi.writesPerS) / spreadLimit).toFixed(0)} % of its ` +
        `pgbench limit at p99 ${fmt(spreadApi.p99)} ms (one statement per request: ` +
        `${((100 * spreadSingle.writesPerS) / spreadLimit).toFixed(0)} %, p99 ${fmt(spreadSingle.p99)} ms)`,
    );
  }
  if (registry.length) printRegistry(registry);
}

/** The next multixact id after a checkpoint (NaN when the role may not run CHECKPOINT). */
async function nextMultixact(c: pg.Client): Promise<number> {
  try {
    await c.query('CHECKPOINT');
    const r = await c.query<{ m: string }>(
      'SELECT next_multixact_id::text AS m FROM pg_control_checkpoint()',
    );
    return Number(r.rows[0]!.m);
  } catch {
    return Number.NaN;
  }
}

const LIMIT_LABEL = 'pgbench single-row INSERT (the limit)';
const SPREAD = `spread over ${SPREAD_PATIENTS} patients and ${SPREAD_USERS} clinicians`;
const SPREAD_LIMIT_LABEL = `clinic-like: pgbench single-row INSERT, ${SPREAD} (its limit)`;
const SPREAD_BATCHED = `clinic-like: API writes, batched, ${SPREAD}, PostgreSQL`;
const SPREAD_UNBATCHED = `clinic-like: API writes, one statement per request, ${SPREAD}, PostgreSQL`;
const ONE_TRIP = 'API writes, one round trip, writes arriving together batched, PostgreSQL';
const UNBATCHED = 'API writes, one round trip, one statement per request (before), PostgreSQL';
const TWO_TRIPS = 'API writes, two round trips (session lookup first; before), PostgreSQL';
const BUILT_PER_REQUEST =
  'API writes, one round trip, statement built by Kysely per request (before), PostgreSQL';

/** The median of each figure over the rounds of one run (errors: the total). */
function medianRow(rounds: Row[]): Row {
  const median = (xs: Array<number | null>): number | null => {
    const v = xs.filter((x): x is number => x !== null && !Number.isNaN(x)).sort((a, b) => a - b);
    if (!v.length) return null;
    const m = Math.floor(v.length / 2);
    return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  };
  const avg = median(rounds.map((r) => r.avgMs ?? null));
  return {
    target: `${rounds[0]!.target}${avg === null ? '' : ` (avg ${avg.toFixed(1)} ms)`}`,
    writesPerS: median(rounds.map((r) => r.writesPerS)) ?? Number.NaN,
    cpuPerWrite: median(rounds.map((r) => r.cpuPerWrite)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(row(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const l of lines) console.log(row(l));
}

/** The growth table: one row per query, one column pair per registry size. */
function printRegistry(registry: RegistryTiming[]): void {
  console.log(
    `\nregistry (PostgreSQL, a fresh schema per size): API answer time in ms, median / p95 of ` +
      `${process.env.BENCH_REGISTRY_REPEATS ?? 20} requests one after another (target: p95 < 1000 ms)`,
  );
  const header = ['query', ...registry.map((r) => `${r.patients} patients`)];
  const lines = [
    ['rows seeded (COPY), seconds', ...registry.map((r) => `${r.rows} in ${r.seedS.toFixed(1)} s`)],
    ...registry[0]!.queries.map((q, i) => [
      q.name,
      ...registry.map((r) => `${r.queries[i]!.p50.toFixed(0)} / ${r.queries[i]!.p95.toFixed(0)}`),
    ]),
  ];
  printTable(header, lines);
  const worst = Math.max(...registry.at(-1)!.queries.map((q) => q.p95));
  console.log(
    `largest registry (${registry.at(-1)!.patients} patients): slowest p95 ${worst.toFixed(0)} ms — ` +
      `${worst < 1000 ? 'MET' : 'NOT MET'} (< 1000 ms)`,
  );
}

await main();

/**
 * `npm run bench server`: diary-entry writes per second through the whole API (session lookup, policy,
 * validation, insert, audit row) with autocannon at 32 connections, on embedded PGlite and on a
 * PostgreSQL server — side by side with pgbench's single-row insert rate into the same table on the
 * same PostgreSQL (the database's own limit on this machine). Target: ≥ 50 % of that limit with
 * p99 < 50 ms on PostgreSQL.
 *
 * PostgreSQL: TEST_DATABASE_URL when set (and PG_BINDIR for pgbench), otherwise a throwaway cluster
 * started here exactly as scripts/with-postgres.sh does. BENCH_SECONDS sets each run's length (10);
 * BENCH_SERVER_NODE_ARGS adds Node flags to the server process (e.g. --cpu-prof).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashToken } from '../src/auth/sessions';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const here = fileURLToPath(new URL('.', import.meta.url));

interface Row {
  target: string;
  writesPerS: number;
  /** Server CPU milliseconds per write (the API process only). */
  cpuPerWrite: number | null;
  p50: number | null;
  p99: number | null;
  errors: number;
}

function pgBinDir(): string | undefined {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  return undefined;
}

/** A throwaway cluster like scripts/with-postgres.sh: temp folder, loopback, fsync off. */
function startCluster(bin: string): { url: string; stop: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hemispasm-bench-pg-'));
  const asPg = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asPg.length) {
    spawnSync('sh', ['-c', 'id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres']);
    execFileSync('chown', ['postgres', dir]);
  }
  const run = (cmd: string, args: string[]) => {
    const full = [...asPg, join(bin, cmd), ...args];
    execFileSync(full[0]!, full.slice(1), { stdio: 'ignore' });
  };
  const port = 20000 + Math.floor(Math.random() * 20000);
  run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/log`,
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'hemispasm_bench']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/hemispasm_bench`,
    stop: () => {
      try {
        run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
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
  const cpuBefore = await s.cpuMs();
  const body = JSON.stringify({
    entryDate: '2026-01-15',
    severity: 5,
    spasmEpisodes: 12,
    triggers: ['stress'],
  });
  const r = await autocannon({
    url: `http://127.0.0.1:${s.port}/api/patients/${s.patientId}/diary`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body,
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

/**
 * The SQL the API runs for one diary write, one statement per line as the server sends them: the
 * session lookup with the patient's clinic (auth/sessions.ts findSession), then the insert and its audit
 * row in one transaction (routes/records.ts) — the limit for the API's own database work.
 */
function apiStatementsSql(s: Started): string {
  const token = decodeURIComponent(s.cookie.split('=')[1] ?? '');
  return [
    `SELECT u.id, u.role, u.clinic_id, u.patient_id, u.email, u.display_name, s.csrf_token, s.token_hash, ` +
      `(SELECT clinic_id FROM patients WHERE id = '${s.patientId}') AS patient_clinic_id ` +
      `FROM sessions s JOIN users u ON u.id = s.user_id ` +
      `WHERE s.token_hash = '${hashToken(token)}' AND s.expires_at > now() AND u.disabled = false;`,
    'BEGIN;',
    `INSERT INTO diary_entries (patient_id, entry_date, severity, spasm_episodes, triggers, created_by) ` +
      `VALUES ('${s.patientId}', '2026-01-15', 5, 12, '["stress"]', '${s.clinicianId}') RETURNING *;`,
    `INSERT INTO audit_log (actor_user_id, actor_role, clinic_id, patient_id, action, resource, route, status, ip, request_id) ` +
      `VALUES ('${s.clinicianId}', 'clinician', '${s.clinicId}', '${s.patientId}', 'create', 'diary', ` +
      `'POST /api/patients/:patientId/diary', 201, '127.0.0.1', 'pgbench');`,
    'COMMIT;',
    '',
  ].join('\n');
}

function pgbench(bin: string, url: string, label: string, sqlScript: string): Row {
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
    target: `${label} (avg ${lat.toFixed(1)} ms)`,
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
  let pgVersion = 'not available';

  // 1. PostgreSQL: the limit (pgbench), then the API on it.
  const cluster = !process.env.TEST_DATABASE_URL && bin ? startCluster(bin) : undefined;
  const url = process.env.TEST_DATABASE_URL ?? cluster?.url;
  try {
    if (url && bin) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      pgVersion = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
      const schema = `bench_${Date.now()}`;
      await c.query(`CREATE SCHEMA ${schema}`);
      await c.end();
      const server = await startServer({ BENCH_DATABASE_URL: url, BENCH_SEARCH_PATH: schema });
      try {
        // pgbench connects with the same search_path through PGOPTIONS.
        process.env.PGOPTIONS = `-c search_path=${schema}`;
        rows.push(pgbench(bin, url, 'pgbench single-row INSERT (the limit)', singleInsertSql(server)));
        rows.push(pgbench(bin, url, "pgbench, the API's statements per write", apiStatementsSql(server)));
        rows.push(await loadDiaryWrites(`API on PostgreSQL ${pgVersion}`, server));
      } finally {
        await server.stop();
      }
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

  const limit = rows.find((r) => r.target.startsWith('pgbench single-row'))?.writesPerS;
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
      `node ${process.version}; PostgreSQL ${pgVersion}`,
  );
  console.log(
    `inputs: POST /api/patients/:id/diary (session cookie + CSRF, policy check, zod validation, insert, audit row); ` +
      `${CONNECTIONS} connections, ${SECONDS} s per run, runs one after another`,
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
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(row(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const l of lines) console.log(row(l));
  const api = rows.find((r) => r.target.startsWith('API on PostgreSQL'));
  if (api && limit) {
    const ratio = api.writesPerS / limit;
    const met = ratio >= 0.5 && (api.p99 ?? Infinity) < 50;
    console.log(
      `target (PostgreSQL): ≥ 50 % of pgbench with p99 < 50 ms — ${met ? 'MET' : 'NOT MET'} ` +
        `(${(ratio * 100).toFixed(0)} %, p99 ${fmt(api.p99)} ms)`,
    );
  }
}

await main();

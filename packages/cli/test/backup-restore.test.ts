/**
 * `hemispasm backup` while the server runs, then `hemispasm restore` into a fresh data folder or
 * database: a server on the copy exports the same patient record, byte for byte, as the original
 * (FHIR Bundle, only its export timestamp aside). A restore refuses a target holding data unless
 * --force, and a PGlite folder a server holds.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type ApiClient,
  bootstrapEnv,
  childEnv,
  clinicianWithPatient,
  freshPostgresDatabase,
  runBin,
  type Served,
  SPAWN_TIMEOUT,
  scratchDir,
  startServe,
} from './processes';

const dir = scratchDir('backup');

/** A record with something in every part the FHIR export maps. */
async function recordSomething(doc: ApiClient, patientId: string): Promise<void> {
  const p = `/api/patients/${patientId}`;
  const episode = await doc.json<{ id: string }>(
    'POST',
    `${p}/episodes`,
    {
      kind: 'mvd',
      startDate: '2025-06-02',
      side: 'left',
      surgeon: 'Dr Keen',
      offendingVessels: ['AICA'],
      monitoring: {
        lateralSpreadResponse: true,
        lsrDisappeared: true,
        brainstemAuditoryEvokedPotentials: true,
      },
      complications: ['transient hearing loss'],
    },
    201,
  );
  await doc.json(
    'POST',
    `${p}/follow-ups`,
    {
      episodeId: episode.id,
      timePoint: '3m',
      assessedOn: '2025-09-01',
      spasmStatus: 'resolved',
      houseBrackmann: 1,
    },
    201,
  );
  await doc.json(
    'POST',
    `${p}/assessments`,
    { instrumentId: 'smc', answers: { items: { grade: 2 } }, assessedOn: '2025-05-01' },
    201,
  );
  await doc.json('POST', `${p}/diary`, { entryDate: '2025-05-03', severity: 6, notes: 'bright light' }, 201);
}

/** The FHIR export as sent, with the moment of export (the only part that may differ) blanked. */
async function exportOf(doc: ApiClient, patientId: string): Promise<string> {
  const r = await doc.send('GET', `/api/patients/${patientId}/fhir`);
  expect(r.status).toBe(200);
  return r.text.replace(/"timestamp":"[^"]+"/, '"timestamp":"(export time)"');
}

async function stopAll(...servers: (Served | undefined)[]): Promise<void> {
  for (const s of servers) {
    if (!s) continue;
    s.child.kill('SIGTERM');
    await s.exited;
  }
}

describe('backup and restore [pglite]', () => {
  it(
    'backs up a running server’s folder and restores it into a fresh one: the same record, byte for byte',
    async () => {
      const source = join(dir, 'source');
      const copy = join(dir, 'copy');
      const file = join(dir, 'clinic.backup');
      let original: Served | undefined;
      let restored: Served | undefined;
      try {
        original = await startServe(['--data', source], childEnv(bootstrapEnv));
        const { doc, patientId } = await clinicianWithPatient(original.url);
        await recordSomething(doc, patientId);

        const backup = await runBin(['backup', file, '--data', source]);
        expect(backup.stderr).toBe('');
        expect(backup.code).toBe(0);
        expect(backup.stdout).toMatch(
          /Backed up the pglite database \(from the running server\) to .*clinic\.backup/,
        );

        const intoRunning = await runBin(['restore', file, '--data', source, '--force']);
        expect(intoRunning.code).toBe(2);
        expect(intoRunning.stderr).toContain(`${realpathSync(source)} is in use by process ${original.pid}`);
        expect(intoRunning.stderr).toContain('Stop the server before restoring into its folder');

        const restore = await runBin(['restore', file, '--data', copy]);
        expect(restore.stderr).toBe('');
        expect(restore.code).toBe(0);
        const again = await runBin(['restore', file, '--data', copy]);
        expect(again.code).toBe(2);
        expect(again.stderr).toMatch(/is not empty .*--force/);
        const forced = await runBin(['restore', file, '--data', copy, '--force']);
        expect(forced.code).toBe(0);
        expect(forced.stdout).toContain('its previous data replaced');

        const wrongKind = await runBin(
          ['restore', file],
          childEnv({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' }),
        );
        expect(wrongKind.code).toBe(2);
        expect(wrongKind.stderr).toContain('is a PGlite backup');

        restored = await startServe(['--data', copy]);
        // The sessions table came along too: the same sign-in works on the copy.
        expect(await exportOf(doc.at(restored.url), patientId)).toBe(await exportOf(doc, patientId));
      } finally {
        await stopAll(original, restored);
      }
    },
    SPAWN_TIMEOUT,
  );
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl)(
  pgUrl
    ? 'backup and restore [postgres]'
    : 'backup and restore [postgres: SKIPPED — set TEST_DATABASE_URL or run through scripts/with-postgres.sh]',
  () => {
    it(
      'backs up with pg_dump while the server runs and restores with pg_restore: the same record, byte for byte',
      async () => {
        const source = await freshPostgresDatabase(pgUrl!);
        const target = await freshPostgresDatabase(pgUrl!);
        const file = join(dir, 'clinic.pgdump');
        let original: Served | undefined;
        let restored: Served | undefined;
        try {
          original = await startServe([], childEnv({ ...bootstrapEnv, DATABASE_URL: source.url }));
          const { doc, patientId } = await clinicianWithPatient(original.url);
          await recordSomething(doc, patientId);

          const backup = await runBin(['backup', file], childEnv({ DATABASE_URL: source.url }));
          expect(backup.stderr).toBe('');
          expect(backup.code).toBe(0);
          expect(backup.stdout).toContain('Backed up the postgres database (with pg_dump)');

          const restore = await runBin(['restore', file], childEnv({ DATABASE_URL: target.url }));
          expect(restore.stderr).toBe('');
          expect(restore.code).toBe(0);
          const again = await runBin(['restore', file], childEnv({ DATABASE_URL: target.url }));
          expect(again.code).toBe(2);
          expect(again.stderr).toMatch(/is not empty .*--force/);
          const forced = await runBin(['restore', file, '--force'], childEnv({ DATABASE_URL: target.url }));
          expect(forced.stderr).toBe('');
          expect(forced.code).toBe(0);

          const wrongKind = await runBin(['restore', file, '--data', join(dir, 'pg-into-folder')]);
          expect(wrongKind.code).toBe(2);
          expect(wrongKind.stderr).toContain('is a PostgreSQL (pg_dump) backup');

          restored = await startServe([], childEnv({ DATABASE_URL: target.url }));
          expect(await exportOf(doc.at(restored.url), patientId)).toBe(await exportOf(doc, patientId));
        } finally {
          await stopAll(original, restored);
          await source.drop();
          await target.drop();
        }
      },
      SPAWN_TIMEOUT,
    );
  },
);

/**
 * DATABASE_READ_URL: a primary and a hot standby on loopback (pg_basebackup -R, streaming). With the
 * standby's replay paused, a write on the primary is invisible to analytics read from the standby — which
 * shows those reads really go there — while the writer's own next reads (carrying the last-write cookie)
 * and every non-analytics read come from the primary and see it. When the standby is gone, analytics
 * fall back to the primary.
 */
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import { loadConfig } from '../src/config';
import { LAST_WRITE_COOKIE } from '../src/db/read-routing';
import { type RunningServer, startServer } from '../src/server';
import { mvdEpisode, newPatient, toxinEpisode } from './helpers/bodies';
import { insertClinicWithClinician } from './helpers/clinic-with-clinician';
import { type Cluster, pgBinDir, startCluster, startStandby } from './helpers/pg-cluster';

const bin = pgBinDir();
const SLOW = 300_000;

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(!bin)(
  `read replica (primary + hot standby)${bin ? '' : ' [SKIPPED — no PostgreSQL binaries]'}`,
  () => {
    let primary: Cluster;
    let standby: Cluster;
    let server: RunningServer;
    let session: { token: string; csrfToken: string };
    let patientId = '';

    const call = (method: 'GET' | 'POST', url: string, body?: object, cookies: Record<string, string> = {}) =>
      server.app.inject({
        method,
        url,
        headers: {
          cookie: Object.entries({ [SESSION_COOKIE]: session.token, ...cookies })
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
          [CSRF_HEADER]: session.csrfToken,
        },
        ...(body ? { payload: body } : {}),
      });
    const lastWriteCookie = (r: LightMyRequestResponse): Record<string, string> => {
      const c = r.cookies.find((x) => x.name === LAST_WRITE_COOKIE);
      return c ? { [LAST_WRITE_COOKIE]: c.value } : {};
    };
    const episodesOf = async (kind: string, cookies: Record<string, string> = {}) => {
      const r = await call('GET', '/api/clinic/outcomes', undefined, cookies);
      expect(r.statusCode).toBe(200);
      return (r.json() as { kinds: Array<{ kind: string; episodes: number }> }).kinds.find(
        (k) => k.kind === kind,
      )!.episodes;
    };
    /** Waits until the standby has replayed everything the primary has written so far. */
    const caughtUp = async () => {
      const [head] = await query<{ lsn: string }>(
        primary.url('hemispasm'),
        'SELECT pg_current_wal_lsn() AS lsn',
      );
      const lsn = head?.lsn;
      if (!lsn) throw new Error('the primary gave no WAL position');
      await expect
        .poll(
          async () =>
            (
              await query<{ ok: boolean }>(
                standby.url('hemispasm'),
                `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS ok`,
              )
            )[0]!.ok,
          { timeout: 60_000, interval: 100 },
        )
        .toBe(true);
    };

    beforeAll(async () => {
      primary = await startCluster(bin!);
      await query(primary.url(), 'CREATE DATABASE hemispasm');
      standby = await startStandby(bin!, primary);
      server = await startServer(
        loadConfig(
          { port: '0' },
          {
            DATABASE_URL: primary.url('hemispasm'),
            DATABASE_READ_URL: standby.url('hemispasm'),
            LOG_LEVEL: 'silent',
          },
        ),
        { print: () => {} },
      );
      const db = server.database.db;
      const { clinicianId } = await insertClinicWithClinician(db, {
        clinic: 'Replica clinic',
        email: 'doc@replica.test',
        displayName: 'Dr Replica',
      });
      session = await createSession(db, clinicianId);
    }, SLOW);

    afterAll(async () => {
      await server?.close();
      standby?.stop();
      primary?.stop();
    }, SLOW);

    it('the standby is a streaming hot standby of the primary', async () => {
      expect((await query<{ r: boolean }>(standby.url(), 'SELECT pg_is_in_recovery() AS r'))[0]!.r).toBe(
        true,
      );
      expect(await query(primary.url(), 'SELECT 1 FROM pg_stat_replication')).toHaveLength(1);
    });

    it(
      'analytics read from the standby; the writer reads its own writes from the primary',
      async () => {
        const patient = await call(
          'POST',
          '/api/patients',
          newPatient({ name: 'Replica Patient', birthDate: '1960-01-01', affectedSide: 'left' }),
        );
        expect(patient.statusCode).toBe(201);
        patientId = patient.json().id;
        const mvd = await call('POST', `/api/patients/${patientId}/episodes`, mvdEpisode());
        expect(mvd.statusCode).toBe(201);
        await caughtUp();
        expect(await episodesOf('mvd')).toBe(1);

        // The standby stops applying changes: from now on it lags behind the primary.
        await query(standby.url('hemispasm'), 'SELECT pg_wal_replay_pause()');
        const toxin = await call(
          'POST',
          `/api/patients/${patientId}/episodes`,
          toxinEpisode({ startDate: '2025-09-01' }),
        );
        expect(toxin.statusCode).toBe(201);
        const justWrote = lastWriteCookie(toxin);
        expect(Object.keys(justWrote)).toEqual([LAST_WRITE_COOKIE]);

        // Analytics without the cookie come from the standby, which has not seen the write …
        expect(await episodesOf('botulinum_toxin')).toBe(0);
        const exported = await call('GET', `/api/patients/${patientId}/fhir`);
        expect(exported.statusCode).toBe(200);
        expect(exported.body).not.toContain('2025-09-01');
        // … the writer's own next reads (the browser sends the cookie back) come from the primary …
        expect(await episodesOf('botulinum_toxin', justWrote)).toBe(1);
        expect((await call('GET', `/api/patients/${patientId}/fhir`, undefined, justWrote)).body).toContain(
          '2025-09-01',
        );
        // … and records that are not analytics always do.
        expect((await call('GET', `/api/patients/${patientId}/episodes`)).json()).toHaveLength(2);

        await query(standby.url('hemispasm'), 'SELECT pg_wal_replay_resume()');
        await caughtUp();
        expect(await episodesOf('botulinum_toxin')).toBe(1);
      },
      SLOW,
    );

    it(
      'analytics fall back to the primary when the standby is down',
      async () => {
        standby.stop();
        expect(await episodesOf('botulinum_toxin')).toBe(1);
      },
      SLOW,
    );
  },
);

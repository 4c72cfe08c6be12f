/**
 * A small world for the API tests, built through the database: clinic A (admin, clinician, patients
 * P1 with a login and P2 without) and clinic B (admin, clinician, patient P3 with a login). Sessions
 * are minted directly (no argon2 round per request), and `as(role)` makes requests as that user.
 * The app logs at debug level into the suite's log (helpers/traffic-log.ts), checked after each file.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, buildApp } from '../../src/app';
import { hashPassword } from '../../src/auth/passwords';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../../src/auth/sessions';
import type { CdsConfig } from '../../src/cds/config';
import type { OpenDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import type { DbVariant } from './databases';
import { debugLogger, recordTraffic } from './traffic-log';

export const PASSWORD = 'correct horse battery';

export interface WorldUser {
  id: string;
  email: string;
  role: 'admin' | 'clinician' | 'patient';
  clinicId: string;
}

export interface World {
  app: FastifyInstance;
  database: OpenDatabase;
  clinicA: string;
  clinicB: string;
  users: {
    adminA: WorldUser;
    clinicianA: WorldUser;
    patientA: WorldUser;
    adminB: WorldUser;
    clinicianB: WorldUser;
    patientB: WorldUser;
  };
  patients: { p1: string; p2: string; p3: string };
  /** A request as one of the users (fresh session per user, reused), with the CSRF header set. */
  as(user: WorldUser | 'anonymous'): Requester;
  close(): Promise<void>;
}

export type Requester = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

export interface WorldOptions {
  /** The CDS Hooks service to host (default none). */
  cds?: CdsConfig;
  /** How record writes reach the database (routes/records.ts; default one statement). */
  writes?: AppOptions['writes'];
  /** The database the app is given, from the world's (a test may wrap it, e.g. to count statements). */
  appDb?: (db: AppOptions['db']) => AppOptions['db'];
}

export async function buildWorld(database: OpenDatabase, opts: WorldOptions = {}): Promise<World> {
  const db = database.db;
  await migrate(db);
  const hash = await hashPassword(PASSWORD);
  const clinic = async (name: string) =>
    (await db.insertInto('clinics').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
  const clinicA = await clinic('Clinic A');
  const clinicB = await clinic('Clinic B');
  const patient = async (clinicId: string, name: string, side: 'left' | 'right') =>
    (
      await db
        .insertInto('patients')
        .values({
          clinic_id: clinicId,
          name,
          birth_date: '1960-05-04',
          sex: 'female',
          affected_side: side,
          onset_date: '2019-01-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const p1 = await patient(clinicA, 'Pat One', 'left');
  const p2 = await patient(clinicA, 'Pat Two', 'right');
  const p3 = await patient(clinicB, 'Pat Three', 'left');
  const user = async (
    clinicId: string,
    email: string,
    role: WorldUser['role'],
    patientId: string | null = null,
  ) => {
    const u = await db
      .insertInto('users')
      .values({
        clinic_id: clinicId,
        email,
        display_name: email.split('@')[0]!,
        role,
        patient_id: patientId,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: u.id, email, role, clinicId } satisfies WorldUser;
  };
  const users = {
    adminA: await user(clinicA, 'admin@a.test', 'admin'),
    clinicianA: await user(clinicA, 'doc@a.test', 'clinician'),
    patientA: await user(clinicA, 'pat1@a.test', 'patient', p1),
    adminB: await user(clinicB, 'admin@b.test', 'admin'),
    clinicianB: await user(clinicB, 'doc@b.test', 'clinician'),
    patientB: await user(clinicB, 'pat3@b.test', 'patient', p3),
  };
  // Logging at debug level into the suite's log, which must never hold what the traffic carried.
  const app = await buildApp({
    db: opts.appDb ? opts.appDb(db) : db,
    databaseKind: database.kind,
    webDist: false,
    logger: debugLogger(),
    ...(opts.cds ? { cds: opts.cds } : {}),
    ...(opts.writes ? { writes: opts.writes } : {}),
  });
  recordTraffic(app);
  await app.ready();

  const sessions = new Map<string, { token: string; csrfToken: string }>();
  const as = (u: WorldUser | 'anonymous'): Requester => {
    return async (method, url, body, headers = {}) => {
      const h: Record<string, string> = { ...headers };
      if (u !== 'anonymous') {
        let s = sessions.get(u.id);
        if (!s) {
          s = await createSession(db, u.id);
          sessions.set(u.id, s);
        }
        h.cookie = `${SESSION_COOKIE}=${s.token}`;
        if (!(CSRF_HEADER in h)) h[CSRF_HEADER] = s.csrfToken;
      }
      return app.inject({
        method,
        url,
        headers: h,
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      });
    };
  };
  return {
    app,
    database,
    clinicA,
    clinicB,
    users,
    patients: { p1, p2, p3 },
    as,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The world of one describe block on one database: built before its tests (the returned object is filled
 * in then, so read it inside tests and hooks only) and closed after them.
 */
export function worldFor(variant: DbVariant, opts: WorldOptions = {}): World {
  const w = {} as World;
  beforeAll(async () => {
    Object.assign(w, await buildWorld(await variant.open(), opts));
  });
  afterAll(async () => {
    await w.close?.();
  });
  return w;
}

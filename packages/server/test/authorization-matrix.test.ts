/**
 * Authorization matrix, generated from the server's own route table: every API route × every role
 * (anonymous, admin, clinician, patient) × every target (own patient / another patient of the same
 * clinic / a patient — or user — of another clinic) must give exactly the access the table below
 * expects. The table is the specification, written independently of the policy code: a new route
 * with a new policy kind, or a route whose policy changes, fails here until the table says so; a
 * route without any policy stops the server from starting at all.
 */
import { expect, it } from 'vitest';
import { CSRF_HEADER, createSession, SESSION_COOKIE } from '../src/auth/sessions';
import type { Policy } from '../src/policy/access';
import { describeEachDatabase } from './helpers/databases';
import { type WorldUser, worldFor } from './helpers/world';

type Role = 'anonymous' | 'admin' | 'clinician' | 'patient';
type Target = 'own' | 'otherPatient' | 'otherClinic';
type Row = Record<Target, boolean>;
const all = (v: boolean): Row => ({ own: v, otherPatient: v, otherClinic: v });

/** The specification: who may use a route of each policy kind, on which target. */
const EXPECTED: Record<Policy, Record<Role, Row>> = {
  public: { anonymous: all(true), admin: all(true), clinician: all(true), patient: all(true) },
  'signed-in': { anonymous: all(false), admin: all(true), clinician: all(true), patient: all(true) },
  'patient-read': {
    anonymous: all(false),
    admin: all(false),
    clinician: { own: true, otherPatient: true, otherClinic: false },
    patient: { own: true, otherPatient: false, otherClinic: false },
  },
  'patient-self-report': {
    anonymous: all(false),
    admin: all(false),
    clinician: { own: true, otherPatient: true, otherClinic: false },
    patient: { own: true, otherPatient: false, otherClinic: false },
  },
  'patient-clinical-write': {
    anonymous: all(false),
    admin: all(false),
    clinician: { own: true, otherPatient: true, otherClinic: false },
    patient: all(false),
  },
  'clinic-directory': { anonymous: all(false), admin: all(true), clinician: all(true), patient: all(false) },
  'clinic-create-patient': {
    anonymous: all(false),
    admin: all(false),
    clinician: all(true),
    patient: all(false),
  },
  // FHIR import: creates a new patient in the caller's own clinic; there is no target to refuse.
  'clinic-import': { anonymous: all(false), admin: all(true), clinician: all(true), patient: all(false) },
  'clinic-outcomes': { anonymous: all(false), admin: all(true), clinician: all(true), patient: all(false) },
  // For routes addressing a user (:userId) the target is that user; the other clinic's user is refused.
  'clinic-admin': {
    anonymous: all(false),
    admin: { own: true, otherPatient: true, otherClinic: false },
    clinician: all(false),
    patient: all(false),
  },
};

const ROLES: Role[] = ['anonymous', 'admin', 'clinician', 'patient'];
const TARGETS: Target[] = ['own', 'otherPatient', 'otherClinic'];
const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('authorization matrix', (variant) => {
  const w = worldFor(variant);

  function urlFor(template: string, target: Target): { url: string; addressesUser: boolean } {
    const patient = { own: w.patients.p1, otherPatient: w.patients.p2, otherClinic: w.patients.p3 }[target];
    const user = {
      own: w.users.clinicianA.id,
      otherPatient: w.users.patientA.id,
      otherClinic: w.users.clinicianB.id,
    }[target];
    let addressesUser = false;
    const url = template.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'patientId') return patient;
      if (name === 'userId') {
        addressesUser = true;
        return user;
      }
      return RANDOM_ID; // a sub-record id: allowed callers get 404/400, never 401/403
    });
    return { url, addressesUser };
  }

  function actorFor(role: Role): WorldUser | undefined {
    return {
      anonymous: undefined,
      admin: w.users.adminA,
      clinician: w.users.clinicianA,
      patient: w.users.patientA,
    }[role];
  }

  it('covers every API route, and every route has an expectation', () => {
    const routes = w.app.routeTable;
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const r of routes) expect(EXPECTED[r.policy], `${r.method} ${r.url} (${r.policy})`).toBeDefined();
  });

  it('gives each role exactly the expected access to each route and target', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of w.app.routeTable) {
      for (const role of ROLES) {
        for (const target of TARGETS) {
          const { url, addressesUser } = urlFor(route.url, target);
          const row = EXPECTED[route.policy][role];
          // A clinic-admin route that addresses no user cannot reach another clinic: same as own.
          const allowed = route.policy === 'clinic-admin' && !addressesUser ? row.own : row[target];
          const actor = actorFor(role);
          const headers: Record<string, string> = {};
          if (actor) {
            // A fresh session per request: the matrix includes logout, which ends the session it is given.
            const s = await createSession(w.database.db, actor.id);
            headers.cookie = `${SESSION_COOKIE}=${s.token}`;
            headers[CSRF_HEADER] = s.csrfToken;
          }
          const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
          const res = await w.app.inject({
            method: route.method as 'GET',
            url,
            headers,
            ...(hasBody ? { payload: {} } : {}),
          });
          checked++;
          const denied = res.statusCode === 401 || res.statusCode === 403;
          const expectedStatus = role === 'anonymous' ? 401 : 403;
          if (allowed && denied)
            failures.push(`${role} ${target}: ${route.method} ${url} → ${res.statusCode}, expected allowed`);
          if (!allowed && res.statusCode !== expectedStatus) {
            failures.push(
              `${role} ${target}: ${route.method} ${url} → ${res.statusCode}, expected ${expectedStatus}`,
            );
          }
          if (res.statusCode >= 500)
            failures.push(`${role} ${target}: ${route.method} ${url} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(w.app.routeTable.length * ROLES.length * TARGETS.length);
  });
});

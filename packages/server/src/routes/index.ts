/**
 * Every /api route, one Fastify plugin per resource. Each route declares its access policy in
 * `config.policy`; the guard (http/guard.ts) applies it and the audit trail (http/audit.ts) records it.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { assessmentRoutes } from './assessments';
import { authRoutes } from './auth';
import { cohortRoutes } from './cohort';
import type { RouteContext, RouteModule } from './context';
import { decisionRoutes } from './decisions';
import { diaryRoutes } from './diary';
import { episodeRoutes } from './episodes';
import { fhirRoutes } from './fhir';
import { followUpRoutes } from './follow-ups';
import { measurementRoutes } from './measurements';
import { outcomeRoutes } from './outcomes';
import { patientRoutes } from './patients';
import { createRecords, type RecordsOptions } from './records';
import { userRoutes } from './users';

export type { RouteContext } from './context';

// In the order of the OpenAPI document.
const MODULES: RouteModule[] = [
  authRoutes,
  patientRoutes,
  assessmentRoutes,
  diaryRoutes,
  episodeRoutes,
  followUpRoutes,
  decisionRoutes,
  measurementRoutes,
  outcomeRoutes,
  cohortRoutes,
  userRoutes,
  fhirRoutes,
];

export async function registerApiRoutes(
  api: FastifyInstance,
  opts: {
    db: Db;
    databaseKind: RouteContext['databaseKind'];
    secureCookies: boolean;
    /** How records writes (routes/records.ts); only the benchmark changes it. */
    records?: RecordsOptions;
  },
): Promise<void> {
  const { records, ...context } = opts;
  const ctx: RouteContext = { ...context, records: createRecords(opts.db, records) };
  for (const routes of MODULES) await api.register(routes, ctx);
}

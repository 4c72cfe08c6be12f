/** Every /api route, grouped by resource. Each route declares its access policy in `config.policy`. */
import { assessmentRoutes } from './assessments';
import { authRoutes } from './auth';
import { cohortRoutes } from './cohort';
import type { ApiInstance, RouteContext } from './context';
import { decisionRoutes } from './decisions';
import { diaryRoutes } from './diary';
import { episodeRoutes } from './episodes';
import { fhirRoutes } from './fhir';
import { followUpRoutes } from './follow-ups';
import { measurementRoutes } from './measurements';
import { outcomeRoutes } from './outcomes';
import { patientRoutes } from './patients';
import { userRoutes } from './users';

export type { RouteContext } from './context';

export function registerApiRoutes(api: ApiInstance, ctx: RouteContext): void {
  authRoutes(api, ctx);
  patientRoutes(api, ctx);
  assessmentRoutes(api, ctx);
  diaryRoutes(api, ctx);
  episodeRoutes(api, ctx);
  followUpRoutes(api, ctx);
  decisionRoutes(api, ctx);
  measurementRoutes(api, ctx);
  outcomeRoutes(api, ctx);
  cohortRoutes(api, ctx);
  fhirRoutes(api, ctx);
  userRoutes(api, ctx);
}

import type { Me } from '../../api/auth';
import type { Route } from '../../router';
import { NotFound } from '../NotFound';
import { AssessPage } from './AssessPage';
import { DecisionAidPage } from './DecisionAidPage';
import { DiaryPage } from './DiaryPage';
import { MovementTestPage } from './MovementTestPage';
import { SelfTestPage } from './SelfTestPage';
import { TrendsPage } from './TrendsPage';

/** The patient portal: every page works on the signed-in patient's own record. */
export function patientRoute(route: Route, me: Me) {
  const patientId = me.patientId;
  if (!patientId) return <NotFound />;
  switch (route.segments[1]) {
    case 'assess':
      return <AssessPage patientId={patientId} />;
    case 'diary':
      return <DiaryPage patientId={patientId} />;
    case 'trends':
      return <TrendsPage patientId={patientId} />;
    case 'self-test':
      return <SelfTestPage patientId={patientId} query={route.query} />;
    case 'movement-test':
      return <MovementTestPage patientId={patientId} />;
    case 'decision':
      return <DecisionAidPage patientId={patientId} />;
    default:
      return <NotFound />;
  }
}

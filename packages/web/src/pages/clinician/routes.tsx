import { href, type Route } from '../../router';
import { NotFound } from '../NotFound';
import { MovementTestPage } from '../patient/MovementTestPage';
import { OutcomesPage } from './OutcomesPage';
import { PatientListPage } from './PatientListPage';
import { PatientPage } from './PatientPage';
import { VisitSummaryPage } from './VisitSummaryPage';

/** The clinician workspace. */
export function clinicianRoute(route: Route) {
  const [, section, id, sub] = route.segments;
  if (section === 'patients' && !id) return <PatientListPage />;
  if (section === 'patients' && id && !sub) return <PatientPage patientId={id} />;
  if (section === 'patients' && id && sub === 'summary') return <VisitSummaryPage patientId={id} />;
  // The clinician runs the movement test with the patient in front of this device's camera.
  if (section === 'patients' && id && sub === 'movement-test')
    return <MovementTestPage patientId={id} backHref={href(`/clinic/patients/${id}`)} />;
  if (section === 'outcomes') return <OutcomesPage />;
  return <NotFound />;
}

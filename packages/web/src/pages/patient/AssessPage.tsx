import { useTranslation } from 'react-i18next';
import { usePatientList } from '../../api/endpoints';
import { AssessmentList } from '../../components/AssessmentList';
import { InstrumentPicker } from '../../components/InstrumentPicker';

/** Self-assessment with the patient-rated instruments; the server scores and stores each one. */
export function AssessPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const list = usePatientList('assessments', patientId);
  return (
    <section>
      <h1>{t('assess.title')}</h1>
      <p className="muted">{t('assess.intro')}</p>
      <div className="card">
        <InstrumentPicker patientId={patientId} rater="patient" />
      </div>
      <h2>{t('assess.history')}</h2>
      <AssessmentList items={list.data ?? []} />
    </section>
  );
}

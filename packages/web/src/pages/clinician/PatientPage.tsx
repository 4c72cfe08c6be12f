import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import { ErrorText } from '../../components/ErrorText';
import { InstrumentPicker } from '../../components/InstrumentPicker';
import { href } from '../../router';
import { DecisionPanel } from './DecisionPanel';
import { EpisodeForm } from './EpisodeForm';
import { FhirExportButton, FhirImportNotice } from './FhirExchange';
import { FollowUpForm } from './FollowUpForm';
import { MovementTrend } from './MovementTrend';
import { PatientTimeline } from './PatientTimeline';
import { ProfileForm } from './ProfileForm';
import { summaryLine } from './summaryLine';
import { usePatientRecord } from './usePatientRecord';

/** The clinician's view of one patient: decision support, one timeline, and the forms to record care. */
export function PatientPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const rec = usePatientRecord(patientId);
  const decide = usePatientWrite('decisions', patientId, api.createDecision);
  const p = rec.patient;
  if (rec.error && !p) return <ErrorText error={rec.error} />;
  if (!p) return <p>{t('common.loading')}</p>;
  const latestSmc = rec.assessments.find((a) => a.instrumentId === 'smc');

  return (
    <article>
      <p className="no-print">
        <a href={href('/clinic/patients')}>← {t('patients.title')}</a>
      </p>
      <h1>{p.name}</h1>
      <FhirImportNotice patientId={p.id} />
      <p>
        {summaryLine(t, p)}{' '}
        <a className="button secondary no-print" href={href(`/clinic/patients/${p.id}/summary`)}>
          {t('summary.open')}
        </a>
      </p>
      <FhirExportButton patient={p} />
      <ErrorText error={rec.error} />

      <section className="card" aria-labelledby="ds-h">
        <h2 id="ds-h">{t('decision.title')}</h2>
        <DecisionPanel record={rec.latestDecision} preference={rec.latestPreference} />
        <details className="no-print">
          <summary>{t('profile.title')}</summary>
          {rec.loading ? (
            <p>{t('common.loading')}</p>
          ) : (
            <ProfileForm
              // Rebuilt from the record whenever the record or the last decision changes.
              key={[
                latestSmc?.id,
                rec.episodes.length,
                rec.followUps.length,
                rec.latestDecision?.id,
                rec.latestPreference?.id,
              ].join('|')}
              patient={p}
              smcGrade={latestSmc?.total ?? null}
              episodes={rec.episodes}
              followUps={rec.followUps}
              lastDecision={rec.latestDecision}
              preference={rec.latestPreference}
              pending={decide.isPending}
              onSubmit={(profile) => decide.mutate(profile)}
            />
          )}
          <ErrorText error={decide.error} />
        </details>
      </section>

      <section className="card" aria-labelledby="tl-h">
        <h2 id="tl-h">{t('timeline.title')}</h2>
        <PatientTimeline {...rec} recordedSide={p.affectedSide} />
      </section>

      <section className="card" aria-labelledby="mv-h">
        <h2 id="mv-h">{t('movementTrend.title')}</h2>
        <MovementTrend
          patientId={p.id}
          tests={rec.movementTests}
          followUps={rec.followUps}
          assessments={rec.assessments}
          episodes={rec.episodes}
        />
      </section>

      <div className="grid no-print">
        <section className="card" aria-labelledby="as-h">
          <h2 id="as-h">{t('assess.clinicianTitle')}</h2>
          <InstrumentPicker patientId={patientId} rater="clinician" />
        </section>
        <section className="card" aria-labelledby="ep-h">
          <h2 id="ep-h">{t('episode.title')}</h2>
          <EpisodeForm patientId={patientId} defaultSide={p.affectedSide === 'right' ? 'right' : 'left'} />
        </section>
        <section className="card" aria-labelledby="fu-h">
          <h2 id="fu-h">{t('followUp.title')}</h2>
          <FollowUpForm patientId={patientId} episodes={rec.episodes} />
        </section>
      </div>
    </article>
  );
}

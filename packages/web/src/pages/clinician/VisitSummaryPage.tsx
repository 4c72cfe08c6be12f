import { useTranslation } from 'react-i18next';
import { AssessmentList } from '../../components/AssessmentList';
import { ErrorText } from '../../components/ErrorText';
import { todayIso } from '../../lib/dates';
import { href } from '../../router';
import { DecisionPanel } from './DecisionPanel';
import { PatientTimeline } from './PatientTimeline';
import { summaryLine } from './summaryLine';
import { usePatientRecord } from './usePatientRecord';

/** A printable visit summary (print CSS hides navigation and forms). */
export function VisitSummaryPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const rec = usePatientRecord(patientId);
  const p = rec.patient;
  if (!p) return rec.error ? <ErrorText error={rec.error} /> : <p>{t('common.loading')}</p>;
  const recentDiary = [...rec.diary].sort((a, b) => b.entryDate.localeCompare(a.entryDate)).slice(0, 14);
  const meanSeverity = recentDiary.length
    ? recentDiary.reduce((s, d) => s + d.severity, 0) / recentDiary.length
    : null;
  return (
    <article className="visit-summary">
      <p className="no-print">
        <a href={href(`/clinic/patients/${p.id}`)}>← {p.name}</a>{' '}
        <button type="button" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </p>
      <h1>{t('summary.title', { name: p.name })}</h1>
      <p>{summaryLine(t, p)}</p>
      <p className="small muted">{t('summary.printed', { date: todayIso() })}</p>
      <section className="card">
        <h2>{t('decision.title')}</h2>
        <DecisionPanel record={rec.latestDecision} preference={rec.latestPreference} />
      </section>
      <section className="card">
        <h2>{t('summary.assessments')}</h2>
        <AssessmentList items={rec.assessments} />
      </section>
      <section className="card">
        <h2>{t('summary.diary')}</h2>
        <p>
          {meanSeverity === null
            ? t('common.none')
            : t('summary.diaryLine', { n: recentDiary.length, mean: meanSeverity.toFixed(1) })}
        </p>
      </section>
      <section className="card">
        <h2>{t('timeline.title')}</h2>
        <PatientTimeline {...rec} recordedSide={p.affectedSide} />
      </section>
      {/* The page footer (printed too) carries the disclaimer: no second copy here. */}
    </article>
  );
}

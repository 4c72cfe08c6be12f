import { getInstrument, INSTRUMENT_IDS, totalRange } from '@hemispasm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatientList } from '../../api/endpoints';
import { ErrorText } from '../../components/ErrorText';
import { TimeChart } from '../../components/TimeChart';

/** The patient's own trends: diary severity with toxin injections marked, instrument totals, self-tests. */
export function TrendsPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const diary = usePatientList('diary', patientId);
  const assessments = usePatientList('assessments', patientId);
  const measurements = usePatientList('measurements', patientId);

  const severity = useMemo(
    () => (diary.data ?? []).map((d) => ({ at: d.entryDate, value: d.severity })),
    [diary.data],
  );
  const injections = useMemo(
    () =>
      (diary.data ?? [])
        .filter((d) => d.toxinInjectionDay)
        .map((d) => ({ at: d.entryDate, label: t('diary.toxinInjectionDay') })),
    [diary.data, t],
  );
  const byInstrument = useMemo(() => {
    const m = new Map<string, { at: string; value: number }[]>();
    for (const a of assessments.data ?? []) {
      if (a.total === null) continue;
      m.set(a.instrumentId, [...(m.get(a.instrumentId) ?? []), { at: a.assessedOn, value: a.total }]);
    }
    return [...m];
  }, [assessments.data]);
  const rates = useMemo(
    () =>
      (measurements.data ?? []).map((m) => ({
        at: m.recordedAt,
        value: m.analysis.spasmsPerMinute,
      })),
    [measurements.data],
  );

  return (
    <section>
      <h1>{t('trends.title')}</h1>
      <ErrorText error={diary.error ?? assessments.error ?? measurements.error} />
      <TimeChart
        title={t('trends.severity')}
        yLabel={t('trends.severityAxis')}
        points={severity}
        marks={injections}
        testId="chart-severity"
      />
      <TimeChart title={t('trends.selfTests')} yLabel={t('trends.rateAxis')} points={rates} />
      {byInstrument.map(([id, pts]) => {
        const def = (INSTRUMENT_IDS as readonly string[]).includes(id) ? getInstrument(id) : null;
        const range = def ? totalRange(def) : null;
        return (
          <TimeChart
            key={id}
            title={t('trends.instrument', { id: def?.name ?? id })}
            yLabel={t('trends.totalAxis')}
            points={pts}
            {...(range ? { yRange: [range.min, range.max] as [number, number] } : {})}
          />
        );
      })}
    </section>
  );
}

import { SPASM_STATUSES } from '@hemispasm/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { ClinicOutcomes } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ErrorText } from '../../components/ErrorText';
import { SurvivalChart } from '../../components/SurvivalChart';

type KindOutcome = ClinicOutcomes['kinds'][number];

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

const wearingOff = (k: KindOutcome) => k.eventFree.definition === 'time_to_wearing_off';

/** One line that says what the curve shows, for everyone (and first for screen readers). */
function curveSummary(k: KindOutcome, t: (key: string, o?: Record<string, unknown>) => string): string {
  const last = k.eventFree.steps.at(-1);
  return t(wearingOff(k) ? 'outcomes.curveSummaryWearingOff' : 'outcomes.curveSummary', {
    episodes: k.eventFree.episodes,
    failures: k.eventFree.failures,
    recurrences: k.eventFree.recurrences,
    months: last ? Math.round(last.time * 10) / 10 : 0,
    pct: pct(last ? last.survival : null),
  });
}

/**
 * Clinic outcomes per treatment: counts, status at each time point, complications, and the crude
 * Kaplan–Meier curve computed by the server with the core's estimator. For MVD and RF the event is failure
 * (never resolved by the end of the expected window: MVD 12 months, RF 3 months) or recurrence; toxin and
 * tablets are shown as time to wearing off. The page states the definition, and each curve its own.
 */
export function OutcomesPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['outcomes'], queryFn: api.outcomes });
  return (
    <section>
      <h1>{t('outcomes.title')}</h1>
      <p className="muted">{t('outcomes.intro')}</p>
      <p className="small" data-testid="outcomes-definition">
        {t('outcomes.kmNote')}
      </p>
      <ErrorText error={q.error} />
      {/* The API's own note (English, for API users) says the same; the page shows it translated. */}
      {q.data && <p className="small muted">{t('outcomes.crudeNote')}</p>}
      {q.data?.kinds.map((k) => (
        <section
          key={k.kind}
          className="card"
          aria-labelledby={`oc-${k.kind}`}
          data-testid={`outcome-${k.kind}`}
        >
          <h2 id={`oc-${k.kind}`}>{t(`options.${k.kind}.name`)}</h2>
          <p>
            {t('outcomes.counts', { episodes: k.episodes, patients: k.patients })} ·{' '}
            {t('outcomes.complications', { n: k.complications.episodes, rate: pct(k.complications.rate) })}
          </p>
          <div>
            <DataTable
              label={t('outcomes.resolutionCaption')}
              caption={t('outcomes.resolutionCaption')}
              captionClassName="small muted"
              columns={[
                t('followUp.timePoint'),
                t('outcomes.followed'),
                ...SPASM_STATUSES.map((s) => t(`spasmStatus.${s}`)),
              ]}
            >
              {k.followUps.map((f) => (
                <tr key={f.timePoint}>
                  <th scope="row">{t(`timePoints.${f.timePoint}`)}</th>
                  <td>{f.total}</td>
                  <td>
                    {f.resolved} ({pct(f.total ? f.resolved / f.total : null)})
                  </td>
                  <td>{f.improved}</td>
                  <td>{f.unchanged}</td>
                  <td>{f.worse}</td>
                </tr>
              ))}
            </DataTable>
            {k.kind === 'botulinum_toxin' && <p className="small muted">{t('outcomes.toxinNote')}</p>}
            <p className="small" data-testid={`curve-${k.kind}-definition`}>
              {t(`outcomes.definition.${k.eventFree.definition}`, { window: k.eventFree.windowMonths })}
            </p>
            <SurvivalChart
              title={t(`options.${k.kind}.name`)}
              steps={k.eventFree.steps}
              summary={curveSummary(k, t)}
              testId={`curve-${k.kind}`}
              caption={t(wearingOff(k) ? 'outcomes.curveTitleWearingOff' : 'outcomes.curveTitle')}
              yLabel={t(wearingOff(k) ? 'outcomes.freePctWearingOff' : 'outcomes.freePct')}
            />
          </div>
        </section>
      ))}
    </section>
  );
}

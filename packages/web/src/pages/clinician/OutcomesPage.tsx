import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { ClinicOutcomes } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { TableWrap } from '../../components/TableWrap';

type KindOutcome = ClinicOutcomes['kinds'][number];

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** Recurrence-free proportion at each time point as a step curve (SVG, with the numbers in a table beside it). */
function RecurrenceCurve({ k }: { k: KindOutcome }) {
  const { t } = useTranslation();
  const pts = k.recurrenceFree.filter((r) => r.proportion !== null);
  if (pts.length === 0) return <p className="small muted">{t('outcomes.noCurve')}</p>;
  const W = 320;
  const H = 140;
  const x = (i: number) => 30 + (i * (W - 40)) / Math.max(1, k.recurrenceFree.length - 1);
  const y = (p: number) => 10 + (1 - p) * (H - 30);
  let d = `M ${x(0)} ${y(1)}`;
  k.recurrenceFree.forEach((r, i) => {
    if (r.proportion === null) return;
    d += ` H ${x(i)} V ${y(r.proportion)}`;
  });
  return (
    <svg
      width={W}
      height={H}
      role="img"
      aria-label={t('outcomes.curveLabel', { kind: t(`options.${k.kind}.name`) })}
    >
      <line x1={30} y1={y(0)} x2={W - 10} y2={y(0)} stroke="#8a9aa5" />
      <line x1={30} y1={y(1)} x2={30} y2={y(0)} stroke="#8a9aa5" />
      <text x={2} y={y(1) + 4} fontSize="10">
        100%
      </text>
      <text x={8} y={y(0) + 4} fontSize="10">
        0%
      </text>
      {k.recurrenceFree.map((r, i) => (
        <text key={r.timePoint} x={x(i) - 8} y={H - 4} fontSize="10">
          {t(`timePointsShort.${r.timePoint}`)}
        </text>
      ))}
      <path d={d} fill="none" stroke="#0b6e75" strokeWidth={2} />
    </svg>
  );
}

/** Clinic outcomes per treatment: counts, resolution at each time point, complications, recurrence-free curve. */
export function OutcomesPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['outcomes'], queryFn: api.outcomes });
  return (
    <section>
      <h1>{t('outcomes.title')}</h1>
      <p className="muted">{t('outcomes.intro')}</p>
      <ErrorText error={q.error} />
      {q.data && (
        <p className="small muted" lang="en">
          {q.data.note}
        </p>
      )}
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
            <TableWrap label={t('outcomes.resolutionCaption')}>
              <table>
                <caption className="small muted">{t('outcomes.resolutionCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('followUp.timePoint')}</th>
                    <th scope="col">{t('outcomes.followed')}</th>
                    <th scope="col">{t('spasmStatus.resolved')}</th>
                    <th scope="col">{t('spasmStatus.improved')}</th>
                    <th scope="col">{t('spasmStatus.unchanged')}</th>
                    <th scope="col">{t('spasmStatus.worse')}</th>
                    <th scope="col">{t('outcomes.recurrenceFree')}</th>
                  </tr>
                </thead>
                <tbody>
                  {k.followUps.map((f) => {
                    const rf = k.recurrenceFree.find((r) => r.timePoint === f.timePoint);
                    return (
                      <tr key={f.timePoint}>
                        <th scope="row">{t(`timePoints.${f.timePoint}`)}</th>
                        <td>{f.total}</td>
                        <td>
                          {f.resolved} ({pct(f.total ? f.resolved / f.total : null)})
                        </td>
                        <td>{f.improved}</td>
                        <td>{f.unchanged}</td>
                        <td>{f.worse}</td>
                        <td>{rf ? `${rf.recurrenceFree}/${rf.followed} (${pct(rf.proportion)})` : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
            <figure>
              <figcaption className="small">{t('outcomes.curveTitle')}</figcaption>
              <RecurrenceCurve k={k} />
            </figure>
          </div>
        </section>
      ))}
    </section>
  );
}

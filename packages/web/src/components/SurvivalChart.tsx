import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import type { KaplanMeierStep } from '../api/types';
import { CHART_COLORS } from './chart/colors';
import { strokeVerticals, type VerticalLine } from './chart/draw';
import { usePlot } from './chart/usePlot';
import { DataTable } from './DataTable';
import { TableWrap } from './TableWrap';

const { teal: CURVE, slate: BAND } = CHART_COLORS;

/** Months at which the number at risk is shown under the chart: every 3 to 12, then every 6. */
export function atRiskMonths(maxTime: number): number[] {
  const out = [0, 3, 6, 12];
  for (let m = 18; m <= maxTime; m += 6) out.push(m);
  return out;
}

/** Number still at risk at `month`: observations with time ≥ month, read from the first step at or after it. */
export function atRiskAt(steps: KaplanMeierStep[], month: number): number {
  return steps.find((s) => s.time >= month)?.atRisk ?? 0;
}

const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)}%`);
const months = (m: number) => (Math.round(m * 10) / 10).toString();

/**
 * A Kaplan–Meier step curve (uPlot): survival in % over months, dashed 95 % interval, short ticks where
 * observations were censored, the numbers at risk in a table under the x-axis, and the whole curve as a
 * table for screen readers and for people who prefer numbers. The canvas itself is hidden from assistive
 * technology; the summary and the tables carry the same content.
 */
export function SurvivalChart({
  title,
  steps,
  summary,
  testId,
  caption,
  yLabel: yLabelGiven,
}: {
  title: string;
  steps: KaplanMeierStep[];
  summary: string;
  testId?: string;
  /** What the curve estimates (defaults to free of failure or recurrence). */
  caption?: string;
  /** The y-axis: the proportion free of the event. */
  yLabel?: string;
}) {
  const { t } = useTranslation();
  const maxTime = steps.reduce((m, s) => Math.max(m, s.time), 0);
  const ticks = useMemo(() => atRiskMonths(maxTime), [maxTime]);
  const yLabel = yLabelGiven ?? t('outcomes.freePct');
  const xLabel = t('outcomes.months');

  const ref = usePlot(
    () => {
      if (steps.length === 0) return null;
      // The curve goes on flat to the last observation; uPlot draws each value until the next x ("after").
      const xs = steps.map((s) => s.time);
      const ys = steps.map((s) => s.survival * 100);
      const lo = steps.map((s) => (s.ci95Low === null ? null : s.ci95Low * 100));
      const hi = steps.map((s) => (s.ci95High === null ? null : s.ci95High * 100));
      const stepped = uPlot.paths.stepped?.({ align: 1 });
      return {
        options: {
          height: 220,
          cursor: { show: false },
          scales: {
            x: { time: false, range: [0, Math.max(12, Math.ceil(maxTime))] },
            y: { range: [0, 100] },
          },
          axes: [
            { label: xLabel, splits: () => ticks },
            { label: yLabel, values: (_u, vals) => vals.map((v) => `${v}%`) },
          ],
          series: [
            {},
            { label: title, stroke: CURVE, width: 2, paths: stepped, points: { show: false } },
            { stroke: BAND, width: 1, dash: [4, 4], paths: stepped, points: { show: false } },
            { stroke: BAND, width: 1, dash: [4, 4], paths: stepped, points: { show: false } },
          ],
          hooks: {
            draw: [
              (u) => {
                // Censoring ticks: a short vertical mark on the curve at each time someone left the risk set.
                const ticks = steps
                  .filter((s) => s.censored > 0)
                  .map((s): VerticalLine => {
                    const y = u.valToPos(s.survival * 100, 'y', true);
                    return [u.valToPos(s.time, 'x', true), y - 6, y + 6];
                  });
                strokeVerticals(u, { color: CURVE, width: 1.5 }, ticks);
              },
            ],
          },
        },
        data: [xs, ys, lo, hi],
      };
    },
    [steps, maxTime, ticks, title, xLabel, yLabel],
    { width: 480, maxWidth: 640 },
  );

  if (steps.length === 0) return <p className="small muted">{t('outcomes.noCurve')}</p>;
  return (
    <figure className="survival" data-testid={testId}>
      <figcaption className="small">
        <strong>{caption ?? t('outcomes.curveTitle')}</strong>
      </figcaption>
      <p className="small" data-testid={testId && `${testId}-summary`}>
        {summary}
      </p>
      <div ref={ref} aria-hidden="true" />
      <TableWrap label={t('outcomes.atRiskRow')}>
        <table className="at-risk small">
          <tbody>
            <tr>
              <th scope="row">{xLabel}</th>
              {ticks.map((m) => (
                <td key={m}>{m}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('outcomes.atRiskRow')}</th>
              {ticks.map((m) => (
                <td key={m}>{atRiskAt(steps, m)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p className="small muted">{t('outcomes.censorLegend')}</p>
      <details>
        <summary>{t('outcomes.curveTable')}</summary>
        <DataTable
          label={t('outcomes.curveTable')}
          columns={[
            xLabel,
            t('outcomes.atRisk'),
            t('outcomes.recurrences'),
            t('outcomes.censored'),
            yLabel,
            t('outcomes.ci95'),
          ]}
        >
          {steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are ordered and an origin may share time 0
            <tr key={i}>
              <td>{months(s.time)}</td>
              <td>{s.atRisk}</td>
              <td>{s.events}</td>
              <td>{s.censored}</td>
              <td>{pct(s.survival)}</td>
              <td>{s.ci95Low === null ? '—' : `${pct(s.ci95Low)}–${pct(s.ci95High)}`}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

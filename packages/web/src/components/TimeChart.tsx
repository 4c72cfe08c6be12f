import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART_COLORS } from './chart/colors';
import { drawMarks, epochSeconds, timeRange } from './chart/draw';
import { usePlot } from './chart/usePlot';
import { TableHead } from './TableHead';

const NO_MARKS: { at: string; label: string }[] = [];

export interface TimePoint {
  /** ISO date or date-time. */
  at: string;
  value: number;
}

/**
 * A small time-series chart (uPlot) with optional vertical marks (e.g. toxin injections). The same data
 * is offered as a table for screen readers and for people who prefer numbers.
 */
export function TimeChart({
  title,
  points,
  marks = NO_MARKS,
  yLabel,
  yRange,
  testId,
}: {
  title: string;
  points: TimePoint[];
  marks?: { at: string; label: string }[];
  yLabel: string;
  /** The scale's full range (e.g. an instrument's 0–28), so one score is not drawn as the whole axis. */
  yRange?: [number, number];
  testId?: string;
}) {
  const { t } = useTranslation();
  const sorted = useMemo(() => [...points].sort((a, b) => a.at.localeCompare(b.at)), [points]);
  const [yMin, yMax] = yRange ?? [null, null];
  const ref = usePlot(() => {
    if (sorted.length === 0) return null;
    const markXs = marks.map((m) => epochSeconds(m.at));
    return {
      options: {
        height: 220,
        scales: {
          x: { time: true, range: (_u, min, max) => timeRange(min, max) },
          ...(yMin !== null && yMax !== null ? { y: { range: [yMin, yMax] } } : {}),
        },
        axes: [{}, { label: yLabel }],
        series: [{}, { label: title, stroke: CHART_COLORS.teal, width: 2, points: { show: true, size: 6 } }],
        hooks: { draw: [(u) => drawMarks(u, markXs, CHART_COLORS.rust)] },
      },
      data: [sorted.map((p) => epochSeconds(p.at)), sorted.map((p) => p.value)],
    };
  }, [sorted, marks, title, yLabel, yMin, yMax]);

  return (
    <figure className="card" data-testid={testId}>
      <figcaption>
        <strong>{title}</strong>
        {marks.length > 0 && <span className="small muted"> — {t('trends.marksLegend')}</span>}
      </figcaption>
      {sorted.length === 0 ? <p>{t('common.none')}</p> : <div ref={ref} aria-hidden="true" />}
      {sorted.length > 0 && (
        <details>
          <summary>{t('trends.asTable')}</summary>
          <table>
            <TableHead columns={[t('common.date'), yLabel]} />
            <tbody>
              {sorted.map((p) => (
                <tr key={`${p.at}-${p.value}`}>
                  <td>{p.at.slice(0, 10)}</td>
                  <td>{p.value}</td>
                </tr>
              ))}
              {marks.map((m) => (
                <tr key={`mark-${m.at}`}>
                  <td>{m.at.slice(0, 10)}</td>
                  <td>{m.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

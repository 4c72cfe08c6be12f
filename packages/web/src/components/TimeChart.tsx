import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import { TableHead } from './TableHead';

const DAY_S = 86_400;
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
  const ref = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => [...points].sort((a, b) => a.at.localeCompare(b.at)), [points]);
  const [yMin, yMax] = yRange ?? [null, null];

  useEffect(() => {
    const el = ref.current;
    if (!el || sorted.length === 0) return;
    const xs = sorted.map((p) => Date.parse(p.at) / 1000);
    const ys = sorted.map((p) => p.value);
    const markXs = marks.map((m) => Date.parse(m.at) / 1000);
    const plot = new uPlot(
      {
        width: Math.min(el.clientWidth || 640, 900),
        height: 220,
        legend: { show: false },
        scales: {
          // A lone point (or one day) would otherwise stretch the axis over years: show a month around it.
          x: {
            time: true,
            range: (_u, min, max) => (max - min < DAY_S ? [min - 15 * DAY_S, max + 15 * DAY_S] : [min, max]),
          },
          ...(yMin !== null && yMax !== null ? { y: { range: [yMin, yMax] } } : {}),
        },
        axes: [{}, { label: yLabel }],
        series: [{}, { label: title, stroke: '#0b6e75', width: 2, points: { show: true, size: 6 } }],
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = '#b3471d';
              ctx.setLineDash([4, 4]);
              for (const x of markXs) {
                const px = u.valToPos(x, 'x', true);
                ctx.beginPath();
                ctx.moveTo(px, u.bbox.top);
                ctx.lineTo(px, u.bbox.top + u.bbox.height);
                ctx.stroke();
              }
              ctx.restore();
            },
          ],
        },
      },
      [xs, ys],
      el,
    );
    return () => plot.destroy();
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

import { romanGrade } from '@hemispasm/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

const DAY_S = 86_400;

export interface GradePoint {
  /** ISO date or date-time. */
  at: string;
  grade: number;
  /** Best and worst grade of the point's interval (measured bands only). */
  range?: [number, number];
}

const MEASURED = '#0b6e75';
const CLINICIAN = '#6a4c93';
const MARK = '#b3471d';

/**
 * Grades I–VI over time (uPlot): the measured movement band with its interval as a vertical line, the
 * clinician's House–Brackmann grades beside it, dashed lines at treatment dates. Decorative for screen
 * readers: the same data is in the table next to it.
 */
export function MovementTrendChart({
  measured,
  clinician,
  marks,
  labels,
}: {
  measured: GradePoint[];
  clinician: GradePoint[];
  marks: { at: string; label: string }[];
  labels: { measured: string; clinician: string; axis: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || measured.length + clinician.length === 0) return;
    const sec = (at: string) => Date.parse(at) / 1000;
    const xs = [...new Set([...measured, ...clinician].map((p) => sec(p.at)))].sort((a, b) => a - b);
    const at = (pts: GradePoint[]) => {
      const m = new Map(pts.map((p) => [sec(p.at), p]));
      return xs.map((x) => m.get(x) ?? null);
    };
    const mPts = at(measured);
    const cPts = at(clinician);
    const markXs = marks.map((m) => sec(m.at));
    const plot = new uPlot(
      {
        width: Math.min(el.clientWidth || 640, 900),
        height: 240,
        legend: { show: false },
        scales: {
          x: {
            time: true,
            range: (_u, min, max) => {
              const lo = Math.min(min, ...markXs);
              const hi = Math.max(max, ...markXs);
              return hi - lo < DAY_S ? [lo - 15 * DAY_S, hi + 15 * DAY_S] : [lo - DAY_S, hi + DAY_S];
            },
          },
          // Grade I (normal) at the top.
          y: { range: [0.5, 6.5], dir: -1 },
        },
        axes: [
          {},
          {
            label: labels.axis,
            splits: () => [1, 2, 3, 4, 5, 6],
            values: (_u, splits) => splits.map((v) => romanGrade(v)),
          },
        ],
        series: [
          {},
          {
            label: labels.measured,
            stroke: MEASURED,
            width: 2,
            spanGaps: true,
            points: { show: true, size: 8 },
          },
          {
            label: labels.clinician,
            stroke: CLINICIAN,
            width: 2,
            dash: [2, 3],
            spanGaps: true,
            points: { show: true, size: 9, fill: CLINICIAN },
          },
        ],
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              // The measured band's interval: a vertical line from its best to its worst grade.
              ctx.strokeStyle = MEASURED;
              ctx.lineWidth = 2;
              mPts.forEach((p, i) => {
                if (!p?.range) return;
                const x = u.valToPos(xs[i]!, 'x', true);
                ctx.beginPath();
                ctx.moveTo(x, u.valToPos(p.range[0], 'y', true));
                ctx.lineTo(x, u.valToPos(p.range[1], 'y', true));
                ctx.stroke();
              });
              ctx.strokeStyle = MARK;
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
      [xs, mPts.map((p) => p?.grade ?? null), cPts.map((p) => p?.grade ?? null)],
      el,
    );
    return () => plot.destroy();
  }, [measured, clinician, marks, labels]);
  return <div ref={ref} aria-hidden="true" data-testid="movement-trend-chart" />;
}

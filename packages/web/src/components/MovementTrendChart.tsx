import { romanGrade } from '@hemispasm/core';
import { CHART_COLORS } from './chart/colors';
import { drawMarks, epochSeconds, strokeVerticals, timeRange, type VerticalLine } from './chart/draw';
import { usePlot } from './chart/usePlot';

const DAY_S = 86_400;

export interface GradePoint {
  /** ISO date or date-time. */
  at: string;
  grade: number;
  /** Best and worst grade of the point's interval (measured bands only). */
  range?: [number, number];
}

const { teal: MEASURED, violet: CLINICIAN } = CHART_COLORS;

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
  const ref = usePlot(() => {
    if (measured.length + clinician.length === 0) return null;
    const xs = [...new Set([...measured, ...clinician].map((p) => epochSeconds(p.at)))].sort((a, b) => a - b);
    const at = (pts: GradePoint[]) => {
      const m = new Map(pts.map((p) => [epochSeconds(p.at), p]));
      return xs.map((x) => m.get(x) ?? null);
    };
    const mPts = at(measured);
    const cPts = at(clinician);
    const markXs = marks.map((m) => epochSeconds(m.at));
    return {
      options: {
        height: 240,
        scales: {
          x: {
            time: true,
            range: (_u, min, max) => timeRange(Math.min(min, ...markXs), Math.max(max, ...markXs), DAY_S),
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
              // The measured band's interval: a vertical line from its best to its worst grade.
              const px = (v: number, scale: 'x' | 'y') => u.valToPos(v, scale, true);
              const intervals = mPts.flatMap((p, i): VerticalLine[] => {
                const x = xs[i];
                return p?.range && x !== undefined
                  ? [[px(x, 'x'), px(p.range[0], 'y'), px(p.range[1], 'y')]]
                  : [];
              });
              strokeVerticals(u, { color: MEASURED, width: 2 }, intervals);
              drawMarks(u, markXs, CHART_COLORS.rust, 2);
            },
          ],
        },
      },
      data: [xs, mPts.map((p) => p?.grade ?? null), cPts.map((p) => p?.grade ?? null)],
    };
  }, [measured, clinician, marks, labels]);
  return <div ref={ref} aria-hidden="true" data-testid="movement-trend-chart" />;
}

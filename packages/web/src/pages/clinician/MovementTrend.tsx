import { romanGrade } from '@hemispasm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, Episode, FollowUp, MovementMeasurement } from '../../api/types';
import { Cite } from '../../components/Cite';
import { ChartLegend } from '../../components/chart/ChartLegend';
import { CHART_COLORS } from '../../components/chart/colors';
import { DataTable } from '../../components/DataTable';
import { BAND_SOURCES, bandRange } from '../../components/MovementResult';
import { type GradePoint, MovementTrendChart } from '../../components/MovementTrendChart';
import { href } from '../../router';

/** The table's columns after the date (`movementTrend.<column>` strings). */
export const TREND_COLUMNS = ['measured', 'function', 'weakest', 'clinician', 'treatment'] as const;

interface Row {
  date: string;
  measured?: MovementMeasurement;
  hb: number[];
  treatments: string[];
}

/**
 * The facial-movement tests over time beside the clinician's House–Brackmann grades (follow-ups and HB
 * assessments), with treatment dates marked: a chart (I at the top) and the same data as a table.
 */
export function MovementTrend({
  patientId,
  tests,
  followUps,
  assessments,
  episodes,
}: {
  patientId: string;
  tests: MovementMeasurement[];
  followUps: FollowUp[];
  assessments: Assessment[];
  episodes: Episode[];
}) {
  const { t } = useTranslation();
  const measured = useMemo<GradePoint[]>(
    () =>
      tests
        .filter((m) => m.analysis.band)
        .map((m) => ({
          at: m.recordedAt,
          grade: m.analysis.band!.grade,
          range: m.analysis.band!.gradeRange,
        })),
    [tests],
  );
  const clinician = useMemo<GradePoint[]>(
    () => [
      ...followUps
        .filter((f) => f.houseBrackmann !== null)
        .map((f) => ({ at: f.assessedOn, grade: f.houseBrackmann! })),
      ...assessments
        .filter((a) => a.instrumentId === 'house-brackmann' && a.total !== null)
        .map((a) => ({ at: a.assessedOn, grade: a.total! })),
    ],
    [followUps, assessments],
  );
  const marks = useMemo(
    () => episodes.map((e) => ({ at: e.startDate, label: t(`options.${e.kind}.name`) })),
    [episodes, t],
  );
  const labels = useMemo(
    () => ({
      measured: t('movementTrend.measured'),
      clinician: t('movementTrend.clinician'),
      axis: t('movementTrend.axis'),
    }),
    [t],
  );

  const rows = useMemo(() => {
    const byDate = new Map<string, Row>();
    const row = (date: string) => {
      const d = date.slice(0, 10);
      if (!byDate.has(d)) byDate.set(d, { date: d, hb: [], treatments: [] });
      return byDate.get(d)!;
    };
    for (const m of tests) {
      const r = row(m.recordedAt);
      if (!r.measured || m.recordedAt > r.measured.recordedAt) r.measured = m;
    }
    for (const p of clinician) row(p.at).hb.push(p.grade);
    for (const m of marks) row(m.at).treatments.push(m.label);
    return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
  }, [tests, clinician, marks]);

  return (
    <div data-testid="movement-trend">
      <p className="no-print">
        <a className="button secondary" href={href(`/clinic/patients/${patientId}/movement-test`)}>
          {t('movementTrend.run')}
        </a>
      </p>
      {tests.length === 0 && clinician.length === 0 ? (
        <p>{t('movementTrend.none')}</p>
      ) : (
        <>
          <figure>
            <MovementTrendChart measured={measured} clinician={clinician} marks={marks} labels={labels} />
            <ChartLegend
              className="legend small"
              items={[
                { color: CHART_COLORS.teal, label: t('movementTrend.measuredLegend') },
                { color: CHART_COLORS.violet, label: t('movementTrend.clinician') },
                { color: CHART_COLORS.rust, label: t('movementTrend.treatments') },
              ]}
            />
          </figure>
          <DataTable
            label={t('movementTrend.tableCaption')}
            caption={t('movementTrend.tableCaption')}
            data-testid="movement-trend-table"
            columns={[t('common.date'), ...TREND_COLUMNS.map((c) => t(`movementTrend.${c}`))]}
          >
            {rows.map((r) => {
              const a = r.measured?.analysis;
              return (
                <tr key={r.date}>
                  <td>{r.date}</td>
                  <td data-testid="trend-measured">
                    {a?.band
                      ? `${romanGrade(a.band.grade)} (${bandRange(a.band)})`
                      : a
                        ? t('movementTrend.noBand')
                        : ''}
                    {a && !a.followsPrompts && ` · ${t('movementTrend.incomplete')}`}
                  </td>
                  <td>
                    {a?.band
                      ? `${Math.round(a.band.functionPct)} % (${Math.round(a.band.ciPct[0])}–${Math.round(a.band.ciPct[1])} %)`
                      : ''}
                  </td>
                  <td>{a?.weakestMovement ? t(`movements.${a.weakestMovement}.name`) : ''}</td>
                  <td data-testid="trend-hb">{r.hb.map((g) => romanGrade(g)).join(', ')}</td>
                  <td>{r.treatments.join(', ')}</td>
                </tr>
              );
            })}
          </DataTable>
          <p className="small muted">
            {t('movementTest.bandLabelLong')}
            <Cite ids={BAND_SOURCES} />
          </p>
        </>
      )}
    </div>
  );
}

import { type MovementAnalysis, type MovementResult as Row, romanGrade } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { Cite } from './Cite';
import { DataTable } from './DataTable';

/** Sources of the band: the grade features (✅), the measurement column (⚠️) and our own mapping (❓). */
export const BAND_SOURCES = [
  'house-brackmann1985',
  'house-brackmann1985-measurement',
  'hemispasm-movement-band',
] as const;

/** The result table's columns (`movementTest.<column>` strings). */
export const MOVEMENT_COLUMNS = ['movement', 'left', 'right', 'symmetry', 'interval', 'weakerSide'] as const;

const fmt = (x: number) => String(Math.round(x));

/** The grades a band's interval spans, e.g. "II–III" (or "II" when it stays in one). */
export function bandRange(a: NonNullable<MovementAnalysis['band']>): string {
  const [best, worst] = a.gradeRange;
  return best === worst ? romanGrade(best) : `${romanGrade(best)}–${romanGrade(worst)}`;
}

function Amplitude({ row, side }: { row: Row; side: 'left' | 'right' }) {
  const { t } = useTranslation();
  const v = row[side];
  if (v === null) return <>—</>;
  return (
    <>
      {row.unit === 'closure'
        ? // A lid can read past shut (its margin travels further than the rest aperture seen): 100 %.
          t('movementTest.closed', { value: fmt(100 * Math.min(1, v)) })
        : t('movementTest.ofEyeDistance', { value: (100 * v).toFixed(1) })}
    </>
  );
}

/** A facial-movement test's result: what was not measured and why, each movement, rest, weakest, band. */
export function MovementResult({ analysis: a }: { analysis: MovementAnalysis }) {
  const { t } = useTranslation();
  const name = (m: string) => t(`movements.${m}.name`);
  return (
    <div data-testid="movement-result">
      {!a.followsPrompts && (
        <div className="warn" role="alert" data-testid="movement-problems">
          <p>
            <strong>{t('movementTest.notFollowed')}</strong>
          </p>
          <ul>
            {a.problems.map((p) => (
              <li key={`${p.movement}-${p.kind}`} data-movement={p.movement}>
                {t(`movementTest.problems.${p.kind}`, { movement: name(p.movement) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        label={t('movementTest.tableCaption')}
        caption={t('movementTest.tableCaption')}
        data-testid="movement-table"
        columns={MOVEMENT_COLUMNS.map((c) => t(`movementTest.${c}`))}
      >
        {a.movements.map((r) => (
          <tr key={r.movement} data-movement={r.movement}>
            <th scope="row">{name(r.movement)}</th>
            <td>
              <Amplitude row={r} side="left" />
            </td>
            <td>
              <Amplitude row={r} side="right" />
            </td>
            <td data-testid={`symmetry-${r.movement}`}>
              {r.symmetryPct === null ? t(`movementTest.status.${r.status}`) : `${fmt(r.symmetryPct)} %`}
            </td>
            <td>{r.ciPct ? `${fmt(r.ciPct[0])}–${fmt(r.ciPct[1])} %` : '—'}</td>
            <td>
              {r.weakerSide
                ? t(`sides.${r.weakerSide}`)
                : r.status === 'measured'
                  ? t('movementTest.aboutEqual')
                  : '—'}
            </td>
          </tr>
        ))}
      </DataTable>
      <dl className="grid">
        {a.rest && (
          <div>
            <dt>{t('movementTest.atRest')}</dt>
            <dd>
              {t('movementTest.restText', {
                pct: fmt(a.rest.palpebralSymmetryPct),
                narrower: t(`sides.${a.rest.narrowerEye}`),
                diff: a.rest.mouthCornerHeightDiffPct.toFixed(1),
                lower: t(`sides.${a.rest.lowerCorner}`),
              })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('movementTest.weakest')}</dt>
          <dd data-testid="weakest-movement">{a.weakestMovement ? name(a.weakestMovement) : '—'}</dd>
        </div>
        <div>
          <dt>{t('movementTest.weakerOverall')}</dt>
          <dd data-testid="weaker-side">
            {a.weakerSide === 'none' ? t('movementTest.neither') : t(`sides.${a.weakerSide}`)}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="band-h" className="band">
        <h3 id="band-h">{t('movementTest.bandTitle')}</h3>
        {a.band ? (
          <p data-testid="movement-band">
            <strong>{romanGrade(a.band.grade)}</strong>{' '}
            {t('movementTest.bandText', {
              range: bandRange(a.band),
              side: t(`sides.${a.band.side}`),
              pct: fmt(a.band.functionPct),
              lo: fmt(a.band.ciPct[0]),
              hi: fmt(a.band.ciPct[1]),
            })}
            <br />
            <em data-testid="band-label">{t('movementTest.bandLabel')}</em>
            <Cite ids={BAND_SOURCES} />
          </p>
        ) : (
          <p>{t('movementTest.noBand')}</p>
        )}
      </section>
      <p className="small muted">{t('movementTest.resultNote')}</p>
    </div>
  );
}

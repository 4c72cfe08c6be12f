import type { SpasmAnalysis, SpasmEvent } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { ChartLegend } from './chart/ChartLegend';
import { CHART_COLORS } from './chart/colors';

/** A spasm of the lower face only: mouth corner and/or cheek, no eye closure. */
export const isLowerFace = (e: SpasmEvent) => e.kind === 'spasm' && !e.regions.includes('eye');

/**
 * Spasm events over the test as bars on a left-side and a right-side track (the patient's sides);
 * lower-face spasms (mouth, cheek) are striped; each bar's title names its side, time and regions.
 */
export function EventsTimeline({ analysis }: { analysis: SpasmAnalysis }) {
  const { t } = useTranslation();
  const spasms = analysis.events.filter((e) => e.kind === 'spasm');
  const pct = (s: number) => `${Math.max(0, Math.min(100, (s / Math.max(analysis.durationS, 1e-6)) * 100))}%`;
  return (
    <figure>
      <div className="events-track" role="img" aria-label={t('selfTest.timelineLabel', { n: spasms.length })}>
        {spasms.map((e) => (
          <span
            key={`${e.startS}-${e.side}`}
            className={isLowerFace(e) ? `${e.side} lower` : e.side}
            data-regions={e.regions.join(' ')}
            title={t('selfTest.eventTitle', {
              side: t(`sides.${e.side}`),
              start: e.startS.toFixed(1),
              end: e.endS.toFixed(1),
              regions: e.regions.map((r) => t(`selfTest.regions.${r}`)).join(', '),
            })}
            style={{ left: pct(e.startS), width: `max(3px, ${pct(e.endS - e.startS)})` }}
          />
        ))}
      </div>
      <ChartLegend
        items={[
          { color: CHART_COLORS.blue, label: t('selfTest.legendLeft') },
          { color: CHART_COLORS.rust, label: t('selfTest.legendRight') },
          { color: CHART_COLORS.violet, label: t('selfTest.legendBoth') },
          { swatchClass: 'lower', label: t('selfTest.legendLower') },
        ]}
      >
        <span className="muted">{t('selfTest.axis', { seconds: Math.round(analysis.durationS) })}</span>
      </ChartLegend>
    </figure>
  );
}

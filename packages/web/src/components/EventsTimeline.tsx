import type { SpasmAnalysis } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';

/** Spasm events over the test as bars on a left-side and a right-side track (the patient's sides). */
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
            className={e.side}
            style={{ left: pct(e.startS), width: `max(3px, ${pct(e.endS - e.startS)})` }}
          />
        ))}
      </div>
      <figcaption className="legend">
        <span>
          <i style={{ background: '#3c6e99' }} />
          {t('selfTest.legendLeft')}
        </span>
        <span>
          <i style={{ background: '#b3471d' }} />
          {t('selfTest.legendRight')}
        </span>
        <span>
          <i style={{ background: '#6a4c93' }} />
          {t('selfTest.legendBoth')}
        </span>
        <span className="muted">{t('selfTest.axis', { seconds: Math.round(analysis.durationS) })}</span>
      </figcaption>
    </figure>
  );
}

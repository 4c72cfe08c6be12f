import type { RecordedSide } from '@hemispasm/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, DiaryEntry, Episode, FollowUp, Measurement } from '../../api/types';
import { CoveredEyes } from '../../components/CoveredEyes';
import { MeasurementWarnings } from '../../components/MeasurementWarnings';

interface Item {
  date: string;
  kind: 'assessment' | 'diary' | 'measurement' | 'episode' | 'followUp';
  text: string;
  key: string;
  /** Shown after the text: a measurement's red flag or side mismatch, and the seconds an eye was covered. */
  extra?: ReactNode;
}

/** One timeline of everything recorded for the patient, newest first. */
export function PatientTimeline({
  assessments,
  diary,
  measurements,
  episodes,
  followUps,
  recordedSide,
}: {
  assessments: Assessment[];
  diary: DiaryEntry[];
  measurements: Measurement[];
  episodes: Episode[];
  followUps: FollowUp[];
  /** The patient's recorded affected side: measurements whose side differs are flagged. */
  recordedSide?: RecordedSide;
}) {
  const { t } = useTranslation();
  const episodeName = (id: string) => {
    const e = episodes.find((x) => x.id === id);
    return e ? `${t(`options.${e.kind}.name`)} (${e.startDate})` : '';
  };
  const items: Item[] = [
    ...assessments.map((a) => ({
      date: a.assessedOn,
      kind: 'assessment' as const,
      key: a.id,
      text: t('timeline.assessment', {
        instrument: a.instrumentId,
        result: String(a.score.display ?? a.total ?? '—'),
      }),
    })),
    ...diary.map((d) => ({
      date: d.entryDate,
      kind: 'diary' as const,
      key: d.id,
      text: [
        t('timeline.diary', { severity: d.severity }),
        d.toxinInjectionDay ? t('diary.toxinInjectionDay') : '',
        d.toxinEffectNoticed ? t('diary.toxinEffectNoticed') : '',
        d.toxinWearingOff ? t('diary.toxinWearingOff') : '',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    ...measurements.map((m) => ({
      date: m.recordedAt.slice(0, 10),
      kind: 'measurement' as const,
      key: m.id,
      text: t('timeline.measurement', {
        n: m.analysis.spasmCount,
        rate: m.analysis.spasmsPerMinute.toFixed(1),
        side: t(`sides.${m.analysis.side}`),
      }),
      extra: (
        <>
          <MeasurementWarnings analysis={m.analysis} recordedSide={recordedSide} compact />
          <CoveredEyes analysis={m.analysis} compact />
        </>
      ),
    })),
    ...episodes.map((e) => ({
      date: e.startDate,
      kind: 'episode' as const,
      key: e.id,
      text: `${t(`options.${e.kind}.name`)}${'side' in e && e.side ? ` · ${t(`sides.${e.side}`)}` : ''}`,
    })),
    ...followUps.map((f) => ({
      date: f.assessedOn,
      kind: 'followUp' as const,
      key: f.id,
      text: t('timeline.followUp', {
        episode: episodeName(f.episodeId),
        timePoint: t(`timePoints.${f.timePoint}`),
        status: t(`spasmStatus.${f.spasmStatus}`),
      }),
    })),
  ].sort((a, b) => b.date.localeCompare(a.date));

  if (items.length === 0) return <p>{t('common.none')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((i) => (
        <li key={`${i.kind}-${i.key}`}>
          <span className="small muted">{i.date}</span>{' '}
          <span className="kind">{t(`timeline.kinds.${i.kind}`)}</span>: {i.text}
          {i.extra}
        </li>
      ))}
    </ol>
  );
}

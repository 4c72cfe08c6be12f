import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { Episode, FollowUp, TimePoint } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { todayIso } from '../../lib/dates';

const TIME_POINTS: TimePoint[] = ['1w', '1m', '3m', '6m', '12m', 'later'];
const STATUSES: FollowUp['spasmStatus'][] = ['resolved', 'improved', 'unchanged', 'worse'];

/** Records a follow-up of one episode at a standard time point (evidence §1.8: always store the time point). */
export function FollowUpForm({ patientId, episodes }: { patientId: string; episodes: Episode[] }) {
  const { t } = useTranslation();
  const create = usePatientWrite('followUps', patientId, api.createFollowUp);
  const [episodeId, setEpisodeId] = useState('');
  const [timePoint, setTimePoint] = useState<TimePoint>('1m');
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [spasmStatus, setSpasmStatus] = useState<FollowUp['spasmStatus']>('improved');
  const [hb, setHb] = useState<string>('');
  const [hearing, setHearing] = useState<string>('');
  const [complications, setComplications] = useState('');
  const [recurrence, setRecurrence] = useState(false);
  const [notes, setNotes] = useState('');
  const chosen = episodeId || episodes[0]?.id || '';

  if (episodes.length === 0) return <p>{t('followUp.needEpisode')}</p>;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({
      episodeId: chosen,
      timePoint,
      assessedOn,
      spasmStatus,
      houseBrackmann: hb ? Number(hb) : null,
      hearingClass: hearing ? (hearing as 'A' | 'B' | 'C' | 'D') : null,
      complications: complications
        .split(/[,;\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
      recurrence,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} data-testid="follow-up-form" aria-label={t('followUp.title')}>
      <div className="row">
        <div className="field">
          <label htmlFor="fu-episode">{t('followUp.episode')}</label>
          <select id="fu-episode" value={chosen} onChange={(e) => setEpisodeId(e.target.value)}>
            {episodes.map((ep) => (
              <option key={ep.id} value={ep.id}>
                {t(`options.${ep.kind}.name`)} ({ep.startDate})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-tp">{t('followUp.timePoint')}</label>
          <select id="fu-tp" value={timePoint} onChange={(e) => setTimePoint(e.target.value as TimePoint)}>
            {TIME_POINTS.map((tp) => (
              <option key={tp} value={tp}>
                {t(`timePoints.${tp}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-date">{t('common.date')}</label>
          <input
            id="fu-date"
            type="date"
            required
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="fu-status">{t('followUp.status')}</label>
          <select
            id="fu-status"
            value={spasmStatus}
            onChange={(e) => setSpasmStatus(e.target.value as FollowUp['spasmStatus'])}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`spasmStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-hb">{t('followUp.hb')}</label>
          <select id="fu-hb" value={hb} onChange={(e) => setHb(e.target.value)}>
            <option value="">{t('followUp.notAssessed')}</option>
            {[1, 2, 3, 4, 5, 6].map((g) => (
              <option key={g} value={g}>
                {['I', 'II', 'III', 'IV', 'V', 'VI'][g - 1]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fu-hearing">{t('followUp.hearing')}</label>
          <select id="fu-hearing" value={hearing} onChange={(e) => setHearing(e.target.value)}>
            <option value="">{t('followUp.notAssessed')}</option>
            {['A', 'B', 'C', 'D'].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="fu-comp">{t('episode.complications')}</label>
        <input id="fu-comp" value={complications} onChange={(e) => setComplications(e.target.value)} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={recurrence} onChange={(e) => setRecurrence(e.target.checked)} />
        {t('followUp.recurrence')}
      </label>
      <div className="field">
        <label htmlFor="fu-notes">{t('common.notes')}</label>
        <textarea id="fu-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <p className="small muted">{t('followUp.delayedNote')}</p>
      <ErrorText error={create.error} />
      {create.isSuccess && (
        <p className="success" role="status">
          {t('common.saved')}
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        {t('followUp.save')}
      </button>
    </form>
  );
}

import {
  FOLLOW_UP_TIME_POINTS,
  type FollowUpTimePoint,
  HEARING_CLASSES,
  type HearingClass,
  HOUSE_BRACKMANN_GRADES,
  type HouseBrackmannGrade,
  SPASM_STATUSES,
  type SpasmStatus,
  toRoman,
} from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { Episode } from '../../api/types';
import {
  Checkbox,
  FormFooter,
  InputField,
  OptionalSelectField,
  SelectField,
  TextAreaField,
} from '../../components/form';
import { todayIso } from '../../lib/dates';
import { splitList } from '../../lib/text';

/** Records a follow-up of one episode at a standard time point (evidence §1.8: always store the time point). */
export function FollowUpForm({ patientId, episodes }: { patientId: string; episodes: Episode[] }) {
  const { t } = useTranslation();
  const create = usePatientWrite('followUps', patientId, api.createFollowUp);
  const [episodeId, setEpisodeId] = useState('');
  const [timePoint, setTimePoint] = useState<FollowUpTimePoint>('1m');
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [spasmStatus, setSpasmStatus] = useState<SpasmStatus>('improved');
  const [hb, setHb] = useState<HouseBrackmannGrade | null>(null);
  const [hearing, setHearing] = useState<HearingClass | null>(null);
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
      houseBrackmann: hb,
      hearingClass: hearing,
      complications: splitList(complications),
      recurrence,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  }

  const episodeLabel = (id: string) => {
    const ep = episodes.find((x) => x.id === id);
    return ep ? `${t(`options.${ep.kind}.name`)} (${ep.startDate})` : id;
  };
  return (
    <form onSubmit={submit} data-testid="follow-up-form" aria-label={t('followUp.title')}>
      <div className="row">
        <SelectField
          id="fu-episode"
          label={t('followUp.episode')}
          options={episodes.map((ep) => ep.id)}
          optionLabel={episodeLabel}
          value={chosen}
          onValue={setEpisodeId}
        />
        <SelectField
          id="fu-tp"
          label={t('followUp.timePoint')}
          options={FOLLOW_UP_TIME_POINTS}
          optionLabel={(tp) => t(`timePoints.${tp}`)}
          value={timePoint}
          onValue={setTimePoint}
        />
        <InputField
          id="fu-date"
          label={t('common.date')}
          type="date"
          required
          value={assessedOn}
          onValue={setAssessedOn}
        />
        <SelectField
          id="fu-status"
          label={t('followUp.status')}
          options={SPASM_STATUSES}
          optionLabel={(s) => t(`spasmStatus.${s}`)}
          value={spasmStatus}
          onValue={setSpasmStatus}
        />
        <OptionalSelectField
          id="fu-hb"
          label={t('followUp.hb')}
          empty={t('followUp.notAssessed')}
          options={HOUSE_BRACKMANN_GRADES}
          optionLabel={toRoman}
          value={hb}
          onValue={setHb}
        />
        <OptionalSelectField
          id="fu-hearing"
          label={t('followUp.hearing')}
          empty={t('followUp.notAssessed')}
          options={HEARING_CLASSES}
          value={hearing}
          onValue={setHearing}
        />
      </div>
      <InputField
        id="fu-comp"
        label={t('episode.complications')}
        value={complications}
        onValue={setComplications}
      />
      <Checkbox label={t('followUp.recurrence')} checked={recurrence} onChecked={setRecurrence} />
      <TextAreaField id="fu-notes" label={t('common.notes')} value={notes} onValue={setNotes} />
      <p className="small muted">{t('followUp.delayedNote')}</p>
      <FormFooter submission={create} submitLabel={t('followUp.save')} />
    </form>
  );
}

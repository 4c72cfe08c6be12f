import {
  FOLLOW_UP_TIME_POINTS,
  HEARING_CLASSES,
  type HearingClass,
  HOUSE_BRACKMANN_GRADES,
  type HouseBrackmannGrade,
  SPASM_STATUSES,
  toRoman,
} from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { Episode, NewFollowUp } from '../../api/types';
import {
  bindChecks,
  bindFields,
  Checkbox,
  choicesOf,
  DateField,
  FormFooter,
  InputField,
  SelectField,
  TextAreaField,
} from '../../components/form';
import { todayIso } from '../../lib/dates';
import { splitList } from '../../lib/text';

/** The form's state: the follow-up as it will be sent, with complications still as typed. */
type Draft = Omit<NewFollowUp, 'complications' | 'notes' | 'houseBrackmann' | 'hearingClass'> & {
  houseBrackmann: HouseBrackmannGrade | null;
  hearingClass: HearingClass | null;
  complications: string;
  notes: string;
  recurrence: boolean;
};

const GRADES = choicesOf(HOUSE_BRACKMANN_GRADES, toRoman);
const CLASSES = choicesOf(HEARING_CLASSES);

/** Records a follow-up of one episode at a standard time point (evidence §1.8: always store the time point). */
export function FollowUpForm({ patientId, episodes }: { patientId: string; episodes: Episode[] }) {
  const { t } = useTranslation();
  const create = usePatientWrite('followUps', patientId, api.createFollowUp);
  const [form, setForm] = useState<Draft>({
    episodeId: '',
    timePoint: '1m',
    assessedOn: todayIso(),
    spasmStatus: 'improved',
    houseBrackmann: null,
    hearingClass: null,
    complications: '',
    recurrence: false,
    notes: '',
  });
  const field = bindFields(form, setForm);
  const chosen = form.episodeId || episodes[0]?.id || '';
  const episodeChoices = episodes.map((ep) => ({
    value: ep.id,
    label: `${t(`options.${ep.kind}.name`)} (${ep.startDate})`,
  }));
  const timePoints = choicesOf(FOLLOW_UP_TIME_POINTS, (tp) => t(`timePoints.${tp}`));
  const statuses = choicesOf(SPASM_STATUSES, (s) => t(`spasmStatus.${s}`));
  const na = t('followUp.notAssessed');

  if (episodes.length === 0) return <p>{t('followUp.needEpisode')}</p>;

  function submit(e: FormEvent) {
    e.preventDefault();
    const { notes, ...rest } = form;
    create.mutate({
      ...rest,
      episodeId: chosen,
      complications: splitList(form.complications),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} data-testid="follow-up-form" aria-label={t('followUp.title')}>
      <div className="row">
        <SelectField
          id="fu-episode"
          label={t('followUp.episode')}
          choices={episodeChoices}
          {...field('episodeId')}
          value={chosen}
        />
        <SelectField
          id="fu-tp"
          label={t('followUp.timePoint')}
          choices={timePoints}
          {...field('timePoint')}
        />
        <DateField id="fu-date" label={t('common.date')} required {...field('assessedOn')} />
        <SelectField
          id="fu-status"
          label={t('followUp.status')}
          choices={statuses}
          {...field('spasmStatus')}
        />
        <SelectField
          id="fu-hb"
          label={t('followUp.hb')}
          empty={na}
          choices={GRADES}
          {...field('houseBrackmann')}
        />
        <SelectField
          id="fu-hearing"
          label={t('followUp.hearing')}
          empty={na}
          choices={CLASSES}
          {...field('hearingClass')}
        />
      </div>
      <InputField id="fu-comp" label={t('episode.complications')} {...field('complications')} />
      <Checkbox label={t('followUp.recurrence')} {...bindChecks(form, setForm)('recurrence')} />
      <TextAreaField id="fu-notes" label={t('common.notes')} {...field('notes')} />
      <p className="small muted">{t('followUp.delayedNote')}</p>
      <FormFooter submission={create} submitLabel={t('followUp.save')} />
    </form>
  );
}

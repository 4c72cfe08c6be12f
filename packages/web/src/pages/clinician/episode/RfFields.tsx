import { HOUSE_BRACKMANN_GRADES, type HouseBrackmannGrade, toRoman } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import {
  bindChecks,
  bindFields,
  Checkbox,
  choicesOf,
  InputField,
  NumberField,
  SelectField,
} from '../../../components/form';
import type { EpisodeCommon, EpisodeOf, KindFieldsProps } from './common';

type Rf = EpisodeOf<'rf_neurotomy'>;
export type RfState = Omit<
  Rf,
  'kind' | 'startDate' | 'side' | 'complications' | 'immediateHouseBrackmann'
> & {
  immediateHouseBrackmann: HouseBrackmannGrade;
};

export const RF_DEFAULT: RfState = {
  ctGuided: true,
  approach: '',
  needle: '',
  temperatureC: 75,
  durationS: 60,
  immediateHouseBrackmann: 2,
};

export const rfBody = (c: EpisodeCommon, s: RfState): Rf => ({
  kind: 'rf_neurotomy',
  startDate: c.startDate,
  side: c.side,
  ...s,
  complications: c.complications,
});

const GRADES = choicesOf(HOUSE_BRACKMANN_GRADES, toRoman);

/** A radiofrequency neurotomy: guidance, approach, needle, lesion parameters, grade right after. */
export function RfFields({ value, onChange }: KindFieldsProps<RfState>) {
  const { t } = useTranslation();
  const field = bindFields(value, onChange);
  return (
    <div className="row">
      <Checkbox label={t('episode.ctGuided')} {...bindChecks(value, onChange)('ctGuided')} />
      <InputField id="ep-approach" label={t('episode.approach')} required {...field('approach')} />
      <InputField id="ep-needle" label={t('episode.needle')} required {...field('needle')} />
      <NumberField
        id="ep-temp"
        label={t('episode.temperature')}
        min={40}
        max={95}
        {...field('temperatureC')}
      />
      <NumberField
        id="ep-duration"
        label={t('episode.durationS')}
        min={1}
        max={600}
        {...field('durationS')}
      />
      <SelectField
        id="ep-hb"
        label={t('episode.immediateHb')}
        choices={GRADES}
        {...field('immediateHouseBrackmann')}
      />
    </div>
  );
}

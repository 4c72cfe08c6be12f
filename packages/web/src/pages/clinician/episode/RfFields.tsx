import { HOUSE_BRACKMANN_GRADES, type HouseBrackmannGrade, toRoman } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { Checkbox, InputField, SelectField } from '../../../components/form';
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

/** A radiofrequency neurotomy: guidance, approach, needle, lesion parameters, grade right after. */
export function RfFields({ value, onChange }: KindFieldsProps<RfState>) {
  const { t } = useTranslation();
  const set = (change: Partial<RfState>) => onChange({ ...value, ...change });
  return (
    <div className="row">
      <Checkbox
        label={t('episode.ctGuided')}
        checked={value.ctGuided}
        onChecked={(ctGuided) => set({ ctGuided })}
      />
      <InputField
        id="ep-approach"
        label={t('episode.approach')}
        required
        value={value.approach}
        onValue={(approach) => set({ approach })}
      />
      <InputField
        id="ep-needle"
        label={t('episode.needle')}
        required
        value={value.needle}
        onValue={(needle) => set({ needle })}
      />
      <InputField
        id="ep-temp"
        label={t('episode.temperature')}
        type="number"
        min={40}
        max={95}
        value={value.temperatureC}
        onValue={(v) => set({ temperatureC: Number(v) })}
      />
      <InputField
        id="ep-duration"
        label={t('episode.durationS')}
        type="number"
        min={1}
        max={600}
        value={value.durationS}
        onValue={(v) => set({ durationS: Number(v) })}
      />
      <SelectField
        id="ep-hb"
        label={t('episode.immediateHb')}
        options={HOUSE_BRACKMANN_GRADES}
        optionLabel={toRoman}
        value={value.immediateHouseBrackmann}
        onValue={(immediateHouseBrackmann) => set({ immediateHouseBrackmann })}
      />
    </div>
  );
}

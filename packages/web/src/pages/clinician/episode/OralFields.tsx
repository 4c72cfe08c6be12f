import { useTranslation } from 'react-i18next';
import { InputField } from '../../../components/form';
import type { EpisodeCommon, EpisodeOf, KindFieldsProps } from './common';

export type OralState = Pick<EpisodeOf<'oral_medication'>, 'drug' | 'doseSchedule'>;

export const ORAL_DEFAULT: OralState = { drug: '', doseSchedule: '' };

/** An oral course has no side; what the form calls complications are its side effects. */
export const oralBody = (c: EpisodeCommon, s: OralState): EpisodeOf<'oral_medication'> => ({
  kind: 'oral_medication',
  startDate: c.startDate,
  ...s,
  sideEffects: c.complications,
});

/** An oral medication course: the drug and its dose schedule. */
export function OralFields({ value, onChange }: KindFieldsProps<OralState>) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <InputField
        id="ep-drug"
        label={t('episode.drug')}
        required
        value={value.drug}
        onValue={(drug) => onChange({ ...value, drug })}
      />
      <InputField
        id="ep-dose"
        label={t('episode.dose')}
        required
        value={value.doseSchedule}
        onValue={(doseSchedule) => onChange({ ...value, doseSchedule })}
      />
    </div>
  );
}

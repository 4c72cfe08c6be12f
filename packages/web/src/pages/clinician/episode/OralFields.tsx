import { useTranslation } from 'react-i18next';
import { bindFields, InputField } from '../../../components/form';
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
  const field = bindFields(value, onChange);
  return (
    <div className="row">
      <InputField id="ep-drug" label={t('episode.drug')} required {...field('drug')} />
      <InputField id="ep-dose" label={t('episode.dose')} required {...field('doseSchedule')} />
    </div>
  );
}

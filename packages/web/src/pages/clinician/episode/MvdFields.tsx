import { OFFENDING_VESSELS, type OffendingVessel } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import {
  bindChecks,
  bindFields,
  Checkbox,
  choicesOf,
  InputField,
  SelectField,
} from '../../../components/form';
import type { EpisodeCommon, EpisodeOf, KindFieldsProps } from './common';

const LSR_GONE = ['yes', 'no', 'unknown'] as const;

export interface MvdState {
  surgeon: string;
  vessels: OffendingVessel[];
  lsr: boolean;
  lsrGone: (typeof LSR_GONE)[number];
  baep: boolean;
}

export const MVD_DEFAULT: MvdState = {
  surgeon: '',
  vessels: ['AICA'],
  lsr: true,
  lsrGone: 'yes',
  baep: true,
};

export const mvdBody = (c: EpisodeCommon, s: MvdState): EpisodeOf<'mvd'> => ({
  kind: 'mvd',
  startDate: c.startDate,
  side: c.side,
  surgeon: s.surgeon,
  offendingVessels: s.vessels,
  monitoring: {
    lateralSpreadResponse: s.lsr,
    lsrDisappeared: s.lsrGone === 'unknown' ? null : s.lsrGone === 'yes',
    brainstemAuditoryEvokedPotentials: s.baep,
  },
  complications: c.complications,
});

/** A microvascular decompression: surgeon, the vessels found, intraoperative monitoring. */
export function MvdFields({ value, onChange }: KindFieldsProps<MvdState>) {
  const { t } = useTranslation();
  const field = bindFields(value, onChange);
  const check = bindChecks(value, onChange);
  const lsrGone = choicesOf(LSR_GONE, (a) => t(a === 'unknown' ? 'episode.unknown' : `common.${a}`));
  const toggle = (v: OffendingVessel, on: boolean) =>
    onChange({ ...value, vessels: on ? [...value.vessels, v] : value.vessels.filter((x) => x !== v) });
  return (
    <>
      <InputField id="ep-surgeon" label={t('episode.surgeon')} required {...field('surgeon')} />
      <fieldset>
        <legend>{t('episode.vessels')}</legend>
        {OFFENDING_VESSELS.map((v) => (
          <Checkbox
            key={v}
            label={t(`episode.vessel.${v}`)}
            checked={value.vessels.includes(v)}
            onChecked={(on) => toggle(v, on)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('episode.monitoring')}</legend>
        <Checkbox label={t('episode.lsr')} {...check('lsr')} />
        <SelectField id="ep-lsr-gone" label={t('episode.lsrGone')} choices={lsrGone} {...field('lsrGone')} />
        <Checkbox label={t('episode.baep')} {...check('baep')} />
      </fieldset>
    </>
  );
}

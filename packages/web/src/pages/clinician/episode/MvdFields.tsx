import { OFFENDING_VESSELS, type OffendingVessel } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { Checkbox, InputField, SelectField } from '../../../components/form';
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
  const set = (change: Partial<MvdState>) => onChange({ ...value, ...change });
  const lsrGoneLabel = (a: MvdState['lsrGone']) => t(a === 'unknown' ? 'episode.unknown' : `common.${a}`);
  return (
    <>
      <InputField
        id="ep-surgeon"
        label={t('episode.surgeon')}
        required
        value={value.surgeon}
        onValue={(surgeon) => set({ surgeon })}
      />
      <fieldset>
        <legend>{t('episode.vessels')}</legend>
        {OFFENDING_VESSELS.map((v) => (
          <Checkbox
            key={v}
            label={t(`episode.vessel.${v}`)}
            checked={value.vessels.includes(v)}
            onChecked={(on) =>
              set({ vessels: on ? [...value.vessels, v] : value.vessels.filter((x) => x !== v) })
            }
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('episode.monitoring')}</legend>
        <Checkbox label={t('episode.lsr')} checked={value.lsr} onChecked={(lsr) => set({ lsr })} />
        <SelectField
          id="ep-lsr-gone"
          label={t('episode.lsrGone')}
          options={LSR_GONE}
          optionLabel={lsrGoneLabel}
          value={value.lsrGone}
          onValue={(lsrGone) => set({ lsrGone })}
        />
        <Checkbox label={t('episode.baep')} checked={value.baep} onChecked={(baep) => set({ baep })} />
      </fieldset>
    </>
  );
}

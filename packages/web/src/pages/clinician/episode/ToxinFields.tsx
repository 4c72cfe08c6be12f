import { useTranslation } from 'react-i18next';
import { InputField } from '../../../components/form';
import type { EpisodeCommon, EpisodeOf, KindFieldsProps } from './common';

type Toxin = EpisodeOf<'botulinum_toxin'>;
export type ToxinState = Pick<Toxin, 'product' | 'injections'>;

export const TOXIN_DEFAULT: ToxinState = {
  product: 'onabotulinumtoxinA',
  injections: [{ site: 'orbicularis oculi', units: 5 }],
};

export const toxinBody = (c: EpisodeCommon, s: ToxinState): Toxin => ({
  kind: 'botulinum_toxin',
  startDate: c.startDate,
  side: c.side,
  ...s,
});

/** A botulinum toxin session: the product and each injection site with its units. */
export function ToxinFields({ value, onChange }: KindFieldsProps<ToxinState>) {
  const { t } = useTranslation();
  const sites = value.injections;
  const setSite = (i: number, change: Partial<ToxinState['injections'][number]>) =>
    onChange({ ...value, injections: sites.map((x, j) => (j === i ? { ...x, ...change } : x)) });
  return (
    <>
      <InputField
        id="ep-product"
        label={t('episode.product')}
        required
        value={value.product}
        onValue={(product) => onChange({ ...value, product })}
      />
      <fieldset>
        <legend>{t('episode.injections')}</legend>
        <p className="small muted">{t('episode.unitsNote')}</p>
        {sites.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
          <div className="row" key={i}>
            <InputField
              id={`ep-site-${i}`}
              label={t('episode.site', { n: i + 1 })}
              required
              value={s.site}
              onValue={(site) => setSite(i, { site })}
            />
            <InputField
              id={`ep-units-${i}`}
              label={t('episode.units')}
              type="number"
              min={0.5}
              step={0.5}
              required
              value={s.units}
              onValue={(units) => setSite(i, { units: Number(units) })}
            />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => onChange({ ...value, injections: [...sites, { site: '', units: 2.5 }] })}
        >
          {t('episode.addSite')}
        </button>
      </fieldset>
    </>
  );
}

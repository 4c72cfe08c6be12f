import { useTranslation } from 'react-i18next';
import { bindFields, InputField, NumberField } from '../../../components/form';
import type { EpisodeCommon, EpisodeOf, KindFieldsProps } from './common';

type Toxin = EpisodeOf<'botulinum_toxin'>;
export type ToxinState = Pick<Toxin, 'product' | 'injections'>;
type Injection = ToxinState['injections'][number];

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
  const setSites = (injections: Injection[]) => onChange({ ...value, injections });
  const siteField = (i: number) => bindFields(sites[i]!, (x: Injection) => setSites(sites.with(i, x)));
  return (
    <>
      <InputField
        id="ep-product"
        label={t('episode.product')}
        required
        {...bindFields(value, onChange)('product')}
      />
      <fieldset>
        <legend>{t('episode.injections')}</legend>
        <p className="small muted">{t('episode.unitsNote')}</p>
        {sites.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
          <div className="row" key={i}>
            <InputField
              id={`ep-site-${i}`}
              label={t('episode.site', { n: i + 1 })}
              required
              {...siteField(i)('site')}
            />
            <NumberField
              id={`ep-units-${i}`}
              label={t('episode.units')}
              min={0.5}
              step={0.5}
              required
              {...siteField(i)('units')}
            />
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setSites([...sites, { site: '', units: 2.5 }])}
        >
          {t('episode.addSite')}
        </button>
      </fieldset>
    </>
  );
}

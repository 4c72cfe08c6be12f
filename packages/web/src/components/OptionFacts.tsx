import type { OptionId } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import { optionData, perHundred } from '../lib/options';
import { Cite } from './Cite';
import { EngineText } from './EngineText';
import { IconArray } from './IconArray';

/** An option's benefits and harms from the decision engine's catalogue, each with time point and source. */
export function OptionFacts({ optionId, pictures = true }: { optionId: OptionId; pictures?: boolean }) {
  const { t } = useTranslation();
  const data = optionData(optionId);
  const list = (kind: 'benefit' | 'harm', figures: typeof data.benefits) => (
    <ul className="facts">
      {figures.map((f) => {
        const ph = pictures ? perHundred(f.figure) : null;
        return (
          <li key={f.what}>
            <strong>
              <EngineText text={f.what} />
            </strong>
            : <EngineText text={f.figure} />{' '}
            <span className="muted">
              (<EngineText text={f.timePoint} />)
            </span>
            <Cite ids={[f.source]} />
            {ph && <IconArray value={ph} kind={kind} />}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="option-facts">
      <p className="small">
        <span className="badge">{t(`evidenceCertainty.${data.certainty}`)}</span>{' '}
        <EngineText text={data.certaintyBasis} />
      </p>
      <h4>{t('optionFacts.benefits')}</h4>
      {list('benefit', data.benefits)}
      <h4>{t('optionFacts.harms')}</h4>
      {list('harm', data.risks)}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { PerHundred } from '../lib/options';

/** What the coloured dots stand for: a benefit, a harm, or the course of the disease without treatment. */
export type IconKind = 'benefit' | 'harm' | 'course';

/**
 * 100 people as 10×10 dots: the people a figure describes are coloured, a range's uncertain part is
 * striped. The sentence beside it carries the meaning; the picture is hidden from screen readers. Only
 * figures the catalogue allows (verified, counting people) reach this component.
 */
export function IconArray({ value, kind }: { value: PerHundred; kind: IconKind }) {
  const { t } = useTranslation();
  const low = Math.round(value.low);
  const high = Math.round(value.high);
  const text = low === high ? t('iconArray.of100', { n: low }) : t('iconArray.rangeOf100', { low, high });
  return (
    <div className="icon-array-wrap">
      <div className="icon-array" aria-hidden="true">
        {Array.from({ length: 100 }, (_, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed grid of 100 identical cells
            key={i}
            className={i < low ? `hit-${kind}` : i < high ? `hit-${kind} range` : undefined}
          />
        ))}
      </div>
      <p className="small">{text}</p>
    </div>
  );
}

import { SOURCES, type SourceId } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';

/** A citation as people see it: the short reference and, unless verified, how far the evidence was checked. */
export function Cite({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const sources = ids.map((id) => SOURCES[id as SourceId]).filter(Boolean);
  if (sources.length === 0) return null;
  return (
    <span className="small muted cite">
      {' '}
      [{t('common.source')}:{' '}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 && '; '}
          {s.citation}
          {s.certainty !== 'verified' && (
            <span className="badge unverified"> {t(`certainty.${s.certainty}`)}</span>
          )}
        </span>
      ))}
      ]
    </span>
  );
}

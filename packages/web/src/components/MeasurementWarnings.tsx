import { checkSide, type RecordedSide, type SpasmAnalysis } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';

/**
 * What a measurement must make a reader stop at: closures of both eyes (a red flag: not typical of
 * hemifacial spasm) and a measured side (≥ 3 spasms) that is not the patient's recorded side. The same
 * rules as the CLI (`checkSide` in @hemispasm/core). `compact` for a line in the clinician's timeline.
 */
export function MeasurementWarnings({
  analysis,
  recordedSide,
  compact = false,
}: {
  analysis: SpasmAnalysis;
  recordedSide: RecordedSide | null | undefined;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const side = recordedSide ? checkSide(analysis, recordedSide) : null;
  const bilateral = analysis.bilateralClosureCount ?? 0;
  if (!bilateral && side?.status !== 'differs') return null;
  const Tag = compact ? 'span' : 'div';
  // Existing styles: a warning block on the result card, red text on a timeline line.
  const cls = compact ? 'error' : 'warn';
  return (
    <Tag>
      {bilateral > 0 && (
        <Tag role={compact ? undefined : 'alert'} className={cls} data-testid="red-flag-bilateral">
          {compact && ' · '}
          <strong>{t('measurement.redFlag')}</strong> {t('measurement.bilateralClosure', { n: bilateral })}
        </Tag>
      )}
      {side?.status === 'differs' && (
        <Tag role={compact ? undefined : 'alert'} className={cls} data-testid="side-warning">
          {compact && ' · '}
          <strong>{t('measurement.sideCheck')}</strong>{' '}
          {t('measurement.sideDiffers', {
            n: side.events,
            measured: t(`sides.${side.measuredSide}`),
            recorded: t(`sides.${side.recordedSide}`),
          })}
        </Tag>
      )}
    </Tag>
  );
}

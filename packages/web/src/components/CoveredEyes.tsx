import type { SpasmAnalysis } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';

/** Seconds each eye was covered, to one decimal; null when the analysis does not say (analyzer < 2.2). */
export function coveredSeconds(analysis: SpasmAnalysis): { left: string; right: string } | null {
  const o = analysis.occludedS;
  return o ? { left: o.left.toFixed(1), right: o.right.toFixed(1) } : null;
}

/** Was either eye covered long enough to show (≥ 0.05 s, so at least "0.1 s")? */
export const anyEyeCovered = (analysis: SpasmAnalysis) =>
  !!analysis.occludedS && Math.max(analysis.occludedS.left, analysis.occludedS.right) >= 0.05;

/**
 * The seconds in which an eye was covered (a hand, a glasses frame: the analysis' `occludedS`), in a plain
 * sentence saying they were not measured. Nothing when no eye was covered or the analysis predates 2.2.
 * `compact` for a line in the clinician's timeline.
 */
export function CoveredEyes({ analysis, compact = false }: { analysis: SpasmAnalysis; compact?: boolean }) {
  const { t } = useTranslation();
  const seconds = coveredSeconds(analysis);
  if (!seconds || !anyEyeCovered(analysis)) return null;
  if (compact)
    return (
      <span className="muted" data-testid="covered-eyes">
        {' · '}
        {t('measurement.coveredShort', seconds)}
      </span>
    );
  return (
    <p className="note" data-testid="covered-eyes">
      {t('measurement.covered', seconds)}
    </p>
  );
}

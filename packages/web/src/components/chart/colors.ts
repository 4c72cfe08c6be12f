/**
 * The charts' colours, in one place so a legend and the chart it explains always agree (the events
 * track's CSS in styles.css uses the same values).
 */
export const CHART_COLORS = {
  /** The app's accent: a measured series (self-tests, the movement band, a survival curve). */
  teal: '#0b6e75',
  /** The clinician's own grades; a blink (both sides) on the events track. */
  violet: '#6a4c93',
  /** Treatment dates; the right side on the events track. */
  rust: '#b3471d',
  /** The left side on the events track. */
  blue: '#3c6e99',
  /** A survival curve's 95 % interval. */
  slate: '#5f8f94',
} as const;

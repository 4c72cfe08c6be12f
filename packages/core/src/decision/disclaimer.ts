/** Shown with every recommendation, in every form (table, JSON, web). */
export const DISCLAIMER =
  'This decision aid supports, and does not replace, the judgement of a physician. It orders the options ' +
  'from published evidence, each figure with its source; figures come from single studies or reviews, with ' +
  'their own definitions and time points. Figures marked partly verified or unverified must be checked ' +
  'against the primary source. Discuss every option with your treating physician.';

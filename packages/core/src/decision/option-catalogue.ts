/**
 * What each option offers and costs, as figures with their time point and source (evidence reference §2),
 * and the certainty of the evidence behind each option (§7 table). Rates are shown with the definition and
 * time point the source used, because "cure" and "effective" differ between studies (§2.2 note).
 *
 * How a figure may be shown is data too, so no screen has to guess it from the wording:
 *   - `perHundred` is set only for a figure from a verified source (✅) that counts people (not treatments or
 *     procedures) as one rate or one range: only those may be drawn as an icon array of 100 people. Every
 *     other figure is shown as text, with its source's verification badge. A test holds the catalogue to this.
 *   - `counts` says what a percentage counts, so "12 % of treatments" is never read as 12 in 100 people.
 *   - `headline` marks the one benefit to put first when options are compared side by side.
 *   - `note` carries the caveat that must stay next to the figure (e.g. a highly selected cohort).
 * Harms (`risks`) are kept apart from `limits` (what the option cannot do or asks of the patient: recurrence,
 * repeats, delayed relief), and the course of the disease without treatment (`NATURAL_COURSE`) is apart from
 * every option: spread of the spasm is not a harm of observation.
 */
import type { SourceId } from '../evidence/sources';
import type { OptionId } from './option-ids';

export interface OutcomeFigureData {
  /** What is measured, in plain words. */
  what: string;
  /** The figure as the source reports it. */
  figure: string;
  /** When it applies (onset, duration, follow-up). */
  timePoint: string;
  source: SourceId;
  /** Further sources, when the figure draws on more than one study. */
  seeAlso?: readonly SourceId[];
  /** What a percentage in `figure` counts. */
  counts?: 'people' | 'treatments';
  /** For an icon array of 100 people; only for a verified figure that counts people (see above). */
  perHundred?: { low: number; high: number };
  /** The benefit to show first when options are compared. */
  headline?: true;
  /** A caveat that must be shown with the figure. */
  note?: string;
}

/** Certainty of the evidence for the option as a whole (§7): GRADE-like words. */
export type EvidenceCertainty = 'moderate' | 'low' | 'very_low' | 'not_graded';

export interface OptionData {
  label: string;
  certainty: EvidenceCertainty;
  certaintyBasis: string;
  benefits: readonly OutcomeFigureData[];
  risks: readonly OutcomeFigureData[];
  limits: readonly OutcomeFigureData[];
}

const SELECTED_COHORT_NOTE =
  'Highly selected cohort: 82.8 % of the original cohort had MVD and were excluded; reviews describe ' +
  'remission without treatment as very rare.';

/** The course of HFS without treatment (evidence §6): context for every option, not a harm of any. */
export const NATURAL_COURSE: readonly OutcomeFigureData[] = [
  {
    what: 'Spread of spasm to other muscles on the same side of the face',
    figure: '93.4 % (178 patients)',
    timePoint: 'over the course of the disease',
    source: 'spread-mdcp2015',
    counts: 'people',
    perHundred: { low: 93.4, high: 93.4 },
  },
  {
    what: 'Remission without treatment, as reviews describe it',
    figure: 'very rare',
    timePoint: 'over the course of the disease',
    source: 'cochrane2020-bont',
  },
  {
    what: 'Untreated patients followed for years (a highly selected cohort)',
    figure: '41.3 % remission, 38.5 % stable, 10.6 % worse (104 patients)',
    timePoint: 'followed ≥5 years; remission mean 6.4 years after onset',
    source: 'lee2017-natural-history',
    counts: 'people',
    note: SELECTED_COHORT_NOTE,
  },
];

export const OPTION_CATALOGUE: Readonly<Record<OptionId, OptionData>> = {
  observation: {
    label: 'Observation (no treatment for now)',
    certainty: 'not_graded',
    certaintyBasis:
      'Natural-history data conflict: remission called "very rare" in reviews, common in one selected cohort.',
    benefits: [
      {
        what: 'No treatment-related risk; spontaneous remission in untreated patients (highly selected cohort)',
        figure: '41.3 % remission (104 patients)',
        timePoint: 'followed ≥5 years; mean 6.4 years after onset',
        source: 'lee2017-natural-history',
        counts: 'people',
        headline: true,
        note: SELECTED_COHORT_NOTE,
      },
    ],
    risks: [],
    limits: [
      {
        what: 'Remission without treatment, as reviews describe it',
        figure: 'very rare',
        timePoint: 'over the course of the disease',
        source: 'cochrane2020-bont',
      },
    ],
  },
  oral_medication: {
    label: 'Oral medication (e.g. carbamazepine, clonazepam, gabapentin)',
    certainty: 'very_low',
    certaintyBasis: 'Case reports and small case series only; no HFS-specific evidence for pregabalin.',
    benefits: [
      {
        what: 'Response to oral drugs',
        figure: 'low and inconsistent; evidence "almost exclusively anecdotal" (no rate established)',
        timePoint: 'the effect tends to fade over time',
        source: 'kemp-reich2004',
        headline: true,
      },
      {
        what: 'Gabapentin 900–1,600 mg/day helped in a case series',
        figure: '5 patients (no response rate can be derived)',
        timePoint: 'case-series follow-up',
        source: 'bandini1999-gabapentin',
      },
    ],
    risks: [
      {
        what: 'Side effects and low efficacy limit anticonvulsants and baclofen',
        figure: 'no rates established',
        timePoint: 'while taking the drug',
        source: 'bandini1999-gabapentin',
      },
    ],
    limits: [
      {
        what: 'The effect often fades',
        figure: 'no rate established',
        timePoint: 'over time, while taking the drug',
        source: 'medscape-gulevich2019',
      },
    ],
  },
  botulinum_toxin: {
    label: 'Botulinum toxin injections',
    certainty: 'moderate',
    certaintyBasis:
      'Observational studies and guideline Level C (AAN 2008); no parallel-group RCTs (Cochrane 2020).',
    benefits: [
      {
        what: 'Moderate-to-marked relief',
        figure: '85–95 %',
        timePoint: 'per injection cycle',
        source: 'rosenstengel2012',
        counts: 'people',
        perHundred: { low: 85, high: 95 },
        headline: true,
      },
      {
        what: 'Onset of effect',
        figure: 'about 4 days (median 4 d)',
        timePoint: 'after each injection',
        source: 'dantas2025-bont',
      },
      {
        what: 'Duration of effect; injections are repeated',
        figure: 'about 3–4 months',
        timePoint: 'per injection; repeat every 3–4 months',
        source: 'rosenstengel2012',
      },
      {
        what: 'Duration of effect in HFS',
        figure: 'median 12 weeks (70 HFS patients)',
        timePoint: 'per injection; no loss of duration over repeated cycles',
        source: 'anzjo1994-bont',
      },
    ],
    risks: [
      {
        what: 'Temporary facial weakness on the injected side',
        figure: '17.9 % (151 patients)',
        timePoint: 'after an injection, wears off',
        source: 'dantas2025-bont',
        counts: 'people',
        perHundred: { low: 17.9, high: 17.9 },
      },
      {
        what: 'Temporary drooping of the eyelid (ptosis)',
        figure: '3.3 % (151 patients)',
        timePoint: 'after an injection, wears off',
        source: 'dantas2025-bont',
        counts: 'people',
        perHundred: { low: 3.3, high: 3.3 },
      },
      {
        what: 'Ptosis per treatment in an older series (blepharospasm and HFS together)',
        figure: '12 % of treatments',
        timePoint: 'after an injection',
        source: 'anzjo1994-bont',
        counts: 'treatments',
      },
    ],
    limits: [
      {
        what: 'Symptomatic only: spasm returns as each dose wears off',
        figure: 'lifelong repeat injections',
        timePoint: 'every 3–4 months',
        source: 'rosenstengel2012',
      },
    ],
  },
  mvd: {
    label: 'Microvascular decompression (MVD) surgery',
    certainty: 'moderate',
    certaintyBasis: 'Large series and systematic reviews; no RCTs.',
    benefits: [
      {
        what: 'Complete resolution of the spasm (pooled, 22 studies, 5,685 patients)',
        figure: '91.1 %',
        timePoint: 'median 2.9 years after surgery',
        source: 'mvd-sr2012',
        counts: 'people',
        perHundred: { low: 91.1, high: 91.1 },
        headline: true,
      },
      {
        what: 'Complete resolution (pooled long-term, 27 studies)',
        figure: '88.5 % (95 % CI 86.7–90.4)',
        timePoint: 'long-term follow-up',
        source: 'mvd-sr2017',
        counts: 'people',
        perHundred: { low: 88.5, high: 88.5 },
      },
    ],
    risks: [
      {
        what: 'Permanent complications, all together',
        figure: 'about 3 %',
        timePoint: 'permanent',
        source: 'mvd-sr2012',
        seeAlso: ['weidemeier-mvd'],
        counts: 'people',
        note:
          "The review's permanent hearing loss (2.3 %), facial palsy (0.9 %), stroke and death (<0.1 % each) " +
          'add up to about 3 %; a prospective series found 2.9 % (hearing loss, mild hoarseness).',
      },
      {
        what: 'Permanent complications: hearing loss; facial palsy; stroke; death',
        figure: 'hearing loss 2.3 %; facial palsy 0.9 %; stroke <0.1 %; death <0.1 %',
        timePoint: 'permanent',
        source: 'mvd-sr2012',
        counts: 'people',
      },
      {
        what: 'Transient complications: facial palsy; hearing deficit; CSF leak',
        figure: 'facial palsy 9.5 %; hearing deficit 3.2 %; CSF leak 1.4 %',
        timePoint: 'transient, after surgery',
        source: 'mvd-sr2012',
        counts: 'people',
      },
      {
        what: 'Any adverse event; readmission; mortality (all MVD indications, national data)',
        figure: 'any adverse event 9.2 %; readmission 6.8 %; mortality 0.3 %',
        timePoint: 'within 30 days of surgery',
        source: 'nsqip-mvd',
        counts: 'treatments',
      },
    ],
    limits: [
      {
        what: 'Relief is often delayed (not a failure)',
        figure: 'median 30 days to spasm-free; 35 % within 7 days, 14 % at 3–6 months, 3 % after 12 months',
        timePoint: 'weeks to more than 12 months after surgery',
        source: 'mvd-delayed2022',
        counts: 'people',
      },
      {
        what: 'Recurrence',
        figure: '2.4 % (1.2 % repeat MVD)',
        timePoint: 'median 2.9 years after surgery',
        source: 'mvd-sr2012',
        counts: 'people',
      },
      {
        what: 'Late recurrence',
        figure: 'about 1 % once spasm-free; 86 % of recurrences occur within 2 years',
        timePoint: 'after 2 spasm-free years',
        source: 'payner-tew1996',
      },
    ],
  },
  rf_neurotomy: {
    label: 'Radiofrequency (RF) neurotomy at the stylomastoid foramen',
    certainty: 'low',
    certaintyBasis: 'Small single-centre or retrospective series, mostly one group, short follow-up.',
    benefits: [
      {
        what: 'How long relief lasts after RF (still effective)',
        figure: '95.2 % / 76.0 % / 49.7 %; median 12 months',
        timePoint: 'at 3 / 6 / 9 months',
        source: 'jiaxing-thesis-rf',
        counts: 'people',
        headline: true,
      },
      {
        what: 'Complete relief after CT-guided RF (a controlled thermal injury of the facial nerve, not a repair)',
        figure: '91 % (48 of 53)',
        timePoint: 'follow-up up to 19 months',
        source: 'huang2021-rf',
        counts: 'people',
      },
      {
        what: 'Relief per procedure (most patients had prior MVD)',
        figure: '11.3 ± 11.9 months',
        timePoint: 'per procedure',
        source: 'palomaki2024-rf',
      },
    ],
    risks: [
      {
        what: 'Facial weakness House–Brackmann II–III (expected: the nerve is deliberately injured)',
        figure: 'in most patients (60–91 %)',
        timePoint:
          'after the procedure; resolved within 1–4 months in the first series, by 6 months in another',
        source: 'hori1981-rf',
        seeAlso: ['huang2021-rf', 'lin2022-rf', 'palomaki2024-rf'],
        counts: 'people',
        note:
          '60 % in the first series (27 patients) and 91 % (48 of 53) in the CT-guided series; two other ' +
          'series report it in every patient (68 patients; 18 patients).',
      },
    ],
    limits: [
      {
        what: 'Recurrence',
        figure: 'about 12 % (8 of 68)',
        timePoint: 'over 1–24 months',
        source: 'lin2022-rf',
        counts: 'people',
      },
      {
        what: 'Repeat procedures',
        figure: '61 % repeated; mean 3.3 procedures per patient',
        timePoint: 'over follow-up',
        source: 'palomaki2024-rf',
        counts: 'people',
      },
      {
        what: 'Recurrence compared with MVD (non-randomised)',
        figure: 'significantly higher than after MVD',
        timePoint: 'at 3, 6 and 12 months',
        source: 'lin2024-rf-mvd',
      },
    ],
  },
};

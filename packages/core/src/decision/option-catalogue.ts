/**
 * What each option offers and costs, as figures with their time point and source (evidence reference §2),
 * and the certainty of the evidence behind each option (§7 table). Rates are shown with the definition and
 * time point the source used, because "cure" and "effective" differ between studies (§2.2 note).
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
}

/** Certainty of the evidence for the option as a whole (§7): GRADE-like words. */
export type EvidenceCertainty = 'moderate' | 'low' | 'very_low' | 'not_graded';

export interface OptionData {
  label: string;
  certainty: EvidenceCertainty;
  certaintyBasis: string;
  benefits: readonly OutcomeFigureData[];
  risks: readonly OutcomeFigureData[];
}

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
      },
    ],
    risks: [
      {
        what: 'Worsening without treatment (same selected cohort)',
        figure: '10.6 % worsened, 38.5 % stable',
        timePoint: 'followed ≥5 years',
        source: 'lee2017-natural-history',
      },
      {
        what: 'Spread of spasm to other muscles on the same side of the face',
        figure: '93.4 % (178 patients)',
        timePoint: 'over the course of the disease',
        source: 'spread-mdcp2015',
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
      },
      {
        what: 'Temporary drooping of the eyelid (ptosis)',
        figure: '3.3 % (151 patients)',
        timePoint: 'after an injection, wears off',
        source: 'dantas2025-bont',
      },
      {
        what: 'Ptosis in an older series (blepharospasm and HFS together)',
        figure: '12 % of treatments',
        timePoint: 'after an injection',
        source: 'anzjo1994-bont',
      },
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
      },
      {
        what: 'Complete resolution (pooled long-term, 27 studies)',
        figure: '88.5 % (95 % CI 86.7–90.4)',
        timePoint: 'long-term follow-up',
        source: 'mvd-sr2017',
      },
      {
        what: 'Relief is often delayed (not a failure)',
        figure: 'median 30 days to spasm-free; 35 % within 7 days, 14 % at 3–6 months, 3 % after 12 months',
        timePoint: 'weeks to more than 12 months after surgery',
        source: 'mvd-delayed2022',
      },
      {
        what: 'Recurrence',
        figure: '2.4 % (1.2 % repeat MVD)',
        timePoint: 'median 2.9 years after surgery',
        source: 'mvd-sr2012',
      },
      {
        what: 'Late recurrence',
        figure: 'about 1 % once spasm-free; 86 % of recurrences occur within 2 years',
        timePoint: 'after 2 spasm-free years',
        source: 'payner-tew1996',
      },
    ],
    risks: [
      {
        what: 'Permanent complications: hearing loss; facial palsy; stroke; death',
        figure: 'hearing loss 2.3 %; facial palsy 0.9 %; stroke <0.1 %; death <0.1 %',
        timePoint: 'permanent',
        source: 'mvd-sr2012',
      },
      {
        what: 'Transient complications: facial palsy; hearing deficit; CSF leak',
        figure: 'facial palsy 9.5 %; hearing deficit 3.2 %; CSF leak 1.4 %',
        timePoint: 'transient, after surgery',
        source: 'mvd-sr2012',
      },
      {
        what: 'Any adverse event; readmission; mortality (all MVD indications, national data)',
        figure: 'any adverse event 9.2 %; readmission 6.8 %; mortality 0.3 %',
        timePoint: 'within 30 days of surgery',
        source: 'nsqip-mvd',
      },
    ],
  },
  rf_neurotomy: {
    label: 'Radiofrequency (RF) neurotomy at the stylomastoid foramen',
    certainty: 'low',
    certaintyBasis: 'Small single-centre or retrospective series, mostly one group, short follow-up.',
    benefits: [
      {
        what: 'Complete relief after CT-guided RF (a controlled thermal injury of the facial nerve, not a repair)',
        figure: '91 % (48 of 53)',
        timePoint: 'follow-up up to 19 months',
        source: 'huang2021-rf',
      },
      {
        what: 'Duration of relief',
        figure: 'median 12 months; effective in 95.2 % / 76.0 % / 49.7 %',
        timePoint: 'at 3 / 6 / 9 months',
        source: 'jiaxing-thesis-rf',
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
        figure: 'all patients (68)',
        timePoint: 'resolved by 6 months',
        source: 'lin2022-rf',
      },
      {
        what: 'Mild-to-moderate facial paralysis after CT-guided RF',
        figure: '48 of 53 patients (≈91 %)',
        timePoint: 'after the procedure (duration not in the excerpt)',
        source: 'huang2021-rf',
      },
      {
        what: 'Recurrence',
        figure: 'about 12 % (8 of 68)',
        timePoint: 'over 1–24 months',
        source: 'lin2022-rf',
      },
      {
        what: 'Repeat procedures',
        figure: '61 % repeated; mean 3.3 procedures per patient',
        timePoint: 'over follow-up',
        source: 'palomaki2024-rf',
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

/**
 * The ranking rules: declarative data a clinician can review. Each rule is `when` (a condition on the
 * profile's facts, see facts.ts) → `effects` (on options), and every effect carries its reason and its
 * source. The engine (engine.ts) applies them in this order and records each one in the trace.
 *
 * Effects:
 *   add     — add points to an option's score (scores start at 0, are summed, then clamped to 0–100).
 *             The base rules give each option its starting point from the evidence; the sizes of the other
 *             adjustments are design weights that order the options, not clinical figures.
 *   atMost  — a ceiling on the option's recommendation (reasonable, not_advised, contraindicated); the
 *             score is lowered to fit the ceiling (≤59, ≤39, 0).
 * Each effect's reason is shown as a reason for the option (add > 0), against it (add < 0 or a ceiling) or
 * as information (add 0): see `effectOf`.
 * README.md in this folder renders the same table for review; a test keeps them in step.
 */
import type { SourceId } from '../evidence/sources';
import type { Condition } from './conditions';
import type { OptionId, Recommendation } from './option-ids';
import { RED_FLAG_RULES } from './red-flag-rules';

export type Ceiling = Exclude<Recommendation, 'preferred'>;

interface EffectText {
  because: string;
  source: SourceId;
  /** Further sources for figures in `because` that the main source does not give. */
  seeAlso?: readonly SourceId[];
}

export type Effect =
  | ({ option: OptionId; add: number } & EffectText)
  | ({ option: OptionId; atMost: Ceiling } & EffectText);

/** Whether a reason speaks for the option, against it, or only informs. */
export type ReasonEffect = 'for' | 'against' | 'info';

export function effectOf(e: Effect): ReasonEffect {
  if ('atMost' in e) return 'against';
  return e.add > 0 ? 'for' : e.add < 0 ? 'against' : 'info';
}

const ALL_OPTIONS: readonly OptionId[] = [
  'observation',
  'oral_medication',
  'botulinum_toxin',
  'mvd',
  'rf_neurotomy',
];

export interface RankingRule {
  id: string;
  when: Condition;
  effects: readonly Effect[];
}

const SURGICAL_CANDIDATE_NOTE =
  'RF is used mainly for people who are not surgical candidates or who relapse after MVD';

export const RANKING_RULES: readonly RankingRule[] = [
  // ── Starting points: what the evidence says about each option in general ──
  {
    id: 'base-toxin',
    when: { always: true },
    effects: [
      {
        option: 'botulinum_toxin',
        add: 70,
        because: 'Botulinum toxin is the standard first-line symptomatic treatment.',
        source: 'baldauf2019',
      },
    ],
  },
  {
    id: 'base-mvd',
    when: { always: true },
    effects: [
      {
        option: 'mvd',
        add: 50,
        because:
          'MVD is the only treatment aimed at the cause (a vessel compressing the facial nerve); ' +
          'complete resolution in 91.1 % (pooled review).',
        source: 'mvd-sr2012',
      },
    ],
  },
  {
    id: 'base-observation',
    when: { always: true },
    effects: [
      {
        option: 'observation',
        add: 30,
        because:
          'Remission without treatment is described as very rare in reviews, but occurred in 41 % of one ' +
          'highly selected untreated cohort.',
        source: 'lee2017-natural-history',
      },
    ],
  },
  {
    id: 'base-oral',
    when: { always: true },
    effects: [
      {
        option: 'oral_medication',
        add: 20,
        because:
          'Oral drugs rest on case reports and small series (very low certainty); response is low and ' +
          'inconsistent.',
        source: 'kemp-reich2004',
      },
    ],
  },
  {
    id: 'base-rf',
    when: { always: true },
    effects: [
      {
        option: 'rf_neurotomy',
        add: 20,
        because:
          'RF is a controlled thermal injury of the facial nerve (it does not repair myelin): facial weakness ' +
          '(House–Brackmann II–III) is expected; evidence is low certainty.',
        source: 'lin2022-rf',
      },
    ],
  },

  // ── Severity and course ──
  {
    id: 'mild-eye-only',
    when: { all: [{ fact: 'smcGrade', is: 1 }, { not: { fact: 'progression', is: 'rapid' } }] },
    effects: [
      {
        option: 'observation',
        add: 25,
        because:
          'Spasm confined to the eye (SMC I) and not progressing rapidly: waiting is an option, as some ' +
          'untreated patients remit.',
        source: 'lee2017-natural-history',
      },
    ],
  },
  {
    id: 'mild-oral',
    when: { fact: 'smcGrade', below: 3 },
    effects: [
      {
        option: 'oral_medication',
        add: 15,
        because: 'Oral drugs may help early or mild HFS (SMC I–II), though the effect often fades.',
        source: 'medscape-gulevich2019',
      },
    ],
  },
  {
    id: 'severe',
    when: { fact: 'smcGrade', atLeast: 3 },
    effects: [
      {
        option: 'observation',
        add: -30,
        because: 'Frequent tonic spasms interfering with vision or disfiguring asymmetry (SMC III–IV).',
        source: 'lee2011-smc',
      },
      {
        option: 'oral_medication',
        add: -10,
        because: 'Oral drugs are suggested only for early or mild HFS.',
        source: 'medscape-gulevich2019',
      },
      {
        option: 'mvd',
        add: 0,
        because: 'Severe spasm does not predict a worse MVD outcome, but does predict delayed facial palsy.',
        source: 'na2018-severity',
      },
    ],
  },
  {
    id: 'rapid-progression',
    when: { fact: 'progression', is: 'rapid' },
    effects: [
      {
        option: 'observation',
        add: -15,
        because: 'Rapid progression: spasm spreads to other muscles on the same side in about 93 %.',
        source: 'spread-mdcp2015',
      },
    ],
  },

  // ── Preferences ──
  {
    id: 'wants-cure',
    when: { fact: 'wantsLongTermCure' },
    effects: [
      {
        option: 'mvd',
        add: 20,
        because: 'A lasting cure is wanted and MVD is the only causal treatment.',
        source: 'baldauf2019',
      },
      {
        option: 'botulinum_toxin',
        add: -5,
        because: 'Toxin is symptomatic: injections are repeated every 3–4 months.',
        source: 'rosenstengel2012',
      },
      {
        option: 'rf_neurotomy',
        add: -5,
        because: 'RF relief lasts about a year per procedure; repeats are common.',
        source: 'palomaki2024-rf',
      },
    ],
  },
  {
    id: 'avoid-surgery',
    when: { fact: 'avoidSurgery' },
    effects: [
      {
        option: 'mvd',
        add: -30,
        because: 'Surgery is to be avoided, and MVD is open skull-base surgery (suboccipital craniectomy).',
        source: 'nsqip-mvd',
      },
      {
        option: 'rf_neurotomy',
        add: 5,
        because: 'RF is percutaneous (a needle guided by CT), not open surgery.',
        source: 'huang2021-rf',
      },
    ],
  },
  {
    id: 'avoid-general-anaesthesia',
    when: { fact: 'avoidGeneralAnesthesia' },
    effects: [
      {
        option: 'mvd',
        add: -20,
        because: 'General anaesthesia is to be avoided, and MVD is done under general anaesthesia.',
        source: 'general-knowledge',
      },
      {
        option: 'rf_neurotomy',
        add: 10,
        because: 'RF is done awake, under local anaesthesia or minimal sedation.',
        source: 'huang2021-rf',
      },
    ],
  },
  {
    id: 'low-risk-tolerance',
    when: { fact: 'riskTolerance', is: 'low' },
    effects: [
      {
        option: 'mvd',
        add: -10,
        because:
          'Low tolerance of risk: MVD carries permanent hearing loss in 2.3 % and facial palsy in 0.9 %.',
        source: 'mvd-sr2012',
      },
      {
        option: 'rf_neurotomy',
        add: -10,
        because:
          'Low tolerance of risk: facial weakness (House–Brackmann II–III) follows RF in most patients ' +
          '(60–91 %).',
        source: 'hori1981-rf',
        seeAlso: ['huang2021-rf'],
      },
    ],
  },
  {
    id: 'high-risk-tolerance',
    when: { fact: 'riskTolerance', is: 'high' },
    effects: [
      {
        option: 'mvd',
        add: 5,
        because: 'High tolerance of risk: about 3 % permanent complications for a chance of cure.',
        source: 'mvd-sr2012',
        seeAlso: ['weidemeier-mvd'],
      },
    ],
  },

  // ── Surgical risk: ASA class, frailty and diabetes predict it; age alone does not ──
  {
    id: 'age-not-a-contraindication',
    when: { fact: 'age', atLeast: 65 },
    effects: [
      {
        option: 'mvd',
        add: 0,
        because: 'Age alone does not predict MVD complications (national 30-day data).',
        source: 'nsqip-mvd',
      },
      {
        option: 'mvd',
        add: 0,
        because: 'Cure rates are similar at 70 and over (effective 90.4 % vs 91.1 % under 70).',
        source: 'zhao2022-elderly',
      },
    ],
  },
  {
    id: 'older-hearing-risk',
    when: { fact: 'age', atLeast: 60 },
    effects: [
      {
        option: 'mvd',
        add: -5,
        because:
          'At 60 and over one large cohort found more ear and hearing complications after MVD: ' +
          'counsel about hearing and monitor it (BAEP) during surgery.',
        source: 'eurneurol2013-elderly',
      },
    ],
  },
  {
    id: 'asa-3',
    when: { fact: 'asaClass', is: 3 },
    effects: [
      {
        option: 'mvd',
        add: -20,
        because: 'ASA III independently predicts adverse events and longer stay after MVD.',
        source: 'nsqip-mvd',
      },
    ],
  },
  {
    id: 'asa-4-or-more',
    when: { fact: 'asaClass', atLeast: 4 },
    effects: [
      {
        option: 'mvd',
        add: -35,
        because: 'ASA IV or worse predicts adverse events after MVD.',
        source: 'nsqip-mvd',
      },
      {
        option: 'mvd',
        atMost: 'not_advised',
        because: 'Elective skull-base surgery at ASA IV or worse is not advised.',
        source: 'nsqip-mvd',
      },
    ],
  },
  {
    id: 'asa-5',
    when: { fact: 'asaClass', is: 5 },
    effects: [
      {
        option: 'mvd',
        atMost: 'contraindicated',
        because: 'ASA V: elective surgery for HFS is not appropriate.',
        source: 'general-knowledge',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'ASA V: elective procedures for HFS are not appropriate.',
        source: 'general-knowledge',
      },
    ],
  },
  {
    id: 'poor-surgical-candidate',
    when: { any: [{ fact: 'asaClass', atLeast: 3 }, { fact: 'frailty' }] },
    effects: [
      {
        option: 'rf_neurotomy',
        add: 10,
        because: `${SURGICAL_CANDIDATE_NOTE}.`,
        source: 'palomaki2024-rf',
      },
      {
        option: 'botulinum_toxin',
        add: 5,
        because: 'Toxin side effects are temporary: the low-risk option when surgical risk is high.',
        source: 'dantas2025-bont',
      },
    ],
  },
  {
    id: 'frailty',
    when: { fact: 'frailty' },
    effects: [
      {
        option: 'mvd',
        add: -20,
        because: 'Frailty predicts adverse discharge disposition after MVD.',
        source: 'estes2023-frailty',
      },
    ],
  },
  {
    id: 'diabetes',
    when: { fact: 'diabetes' },
    effects: [
      {
        option: 'mvd',
        add: -10,
        because: 'Diabetes predicts readmission after MVD.',
        source: 'nsqip-mvd',
      },
    ],
  },
  {
    id: 'anticoagulated',
    when: { fact: 'anticoagulated' },
    effects: [
      {
        option: 'mvd',
        add: -10,
        because: 'Anticoagulation raises bleeding risk and must be managed around surgery.',
        source: 'general-knowledge',
      },
      {
        option: 'rf_neurotomy',
        add: -5,
        because: 'Anticoagulation must be managed around a needle procedure.',
        source: 'general-knowledge',
      },
      {
        option: 'mvd',
        atMost: 'reasonable',
        because: 'On anticoagulants: plan stopping or bridging with the prescriber before surgery.',
        source: 'general-knowledge',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'reasonable',
        because: 'On anticoagulants: plan stopping or bridging with the prescriber before the procedure.',
        source: 'general-knowledge',
      },
    ],
  },
  {
    id: 'only-hearing-ear',
    when: { fact: 'contralateralHearingLoss' },
    effects: [
      {
        option: 'mvd',
        add: -25,
        because:
          'Hearing is already lost on the other side: the 2.3 % risk of permanent hearing loss from MVD ' +
          'falls on the only hearing ear.',
        source: 'mvd-sr2012',
      },
      {
        option: 'mvd',
        atMost: 'reasonable',
        because: 'Only after specialist counselling about the only hearing ear.',
        source: 'mvd-sr2012',
      },
    ],
  },
  {
    id: 'pregnancy',
    when: { fact: 'pregnant' },
    effects: [
      {
        option: 'observation',
        add: 40,
        because: 'During pregnancy elective treatment is usually deferred.',
        source: 'general-knowledge',
      },
      {
        option: 'botulinum_toxin',
        atMost: 'not_advised',
        because: 'Safety of toxin in pregnancy is not covered by the evidence used here.',
        source: 'general-knowledge',
      },
      {
        option: 'oral_medication',
        atMost: 'not_advised',
        because: 'Anticonvulsants in pregnancy need specialist advice; evidence for HFS is weak anyway.',
        source: 'general-knowledge',
      },
      {
        option: 'mvd',
        atMost: 'not_advised',
        because: 'Elective surgery is deferred during pregnancy.',
        source: 'general-knowledge',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'Elective CT-guided procedures are deferred during pregnancy.',
        source: 'general-knowledge',
      },
    ],
  },

  // ── What happened with earlier treatments ──
  {
    id: 'toxin-worked',
    when: { tried: 'botulinum_toxin', response: ['good', 'recurred'] },
    effects: [
      {
        option: 'botulinum_toxin',
        add: 15,
        because:
          'Toxin worked before (each dose wears off after about 3 months by design), and its effect does not ' +
          'wane over repeated cycles.',
        source: 'moin2017-bont',
      },
    ],
  },
  {
    id: 'toxin-no-response',
    when: { tried: 'botulinum_toxin', response: ['none'] },
    effects: [
      {
        option: 'botulinum_toxin',
        add: -30,
        because:
          'No response to toxin before, although 85–95 % respond: review the diagnosis, dose and injection sites.',
        source: 'rosenstengel2012',
      },
    ],
  },
  {
    id: 'toxin-single-cycle',
    when: { tried: 'botulinum_toxin', response: ['none'], cycles: { below: 2 } },
    effects: [
      {
        option: 'botulinum_toxin',
        add: 15,
        because:
          'Only one cycle without effect (or the number is not recorded): the dose is adjusted over the first ' +
          'years (it rises for about 3.5 years, then stabilises), so another adjusted cycle may be tried once ' +
          'the diagnosis is checked.',
        source: 'dantas2025-bont',
      },
    ],
  },
  {
    id: 'toxin-non-response-review-first',
    when: { redFlag: 'toxin_non_response', reviewed: false },
    effects: [
      {
        option: 'mvd',
        atMost: 'reasonable',
        because:
          'No relief at all from toxin: check the diagnosis (about 18 % of referred patients had a mimic), the ' +
          'dose, the sites and the product before surgery.',
        source: 'yaltho2011',
      },
      {
        option: 'mvd',
        add: -10,
        because: 'Surgery waits until the diagnosis and the toxin treatment have been checked.',
        source: 'yaltho2011',
      },
    ],
  },
  {
    id: 'toxin-failed-after-review',
    when: { redFlag: 'toxin_non_response', reviewed: true },
    effects: [
      {
        option: 'mvd',
        add: 10,
        because: 'Toxin failed although the diagnosis and the injections were checked; MVD treats the cause.',
        source: 'baldauf2019',
      },
    ],
  },
  {
    id: 'toxin-not-tolerated',
    when: { tried: 'botulinum_toxin', response: ['not_tolerated'] },
    effects: [
      {
        option: 'botulinum_toxin',
        add: -30,
        because: 'Toxin was not tolerated before (temporary facial weakness follows 17.9 % of patients).',
        source: 'dantas2025-bont',
      },
      {
        option: 'mvd',
        add: 10,
        because: 'Symptomatic treatment was not tolerated; MVD treats the cause.',
        source: 'baldauf2019',
      },
    ],
  },
  {
    id: 'toxin-partial',
    when: { tried: 'botulinum_toxin', response: ['partial'] },
    effects: [
      {
        option: 'mvd',
        add: 10,
        because: 'Toxin gave only partial control; MVD treats the cause.',
        source: 'baldauf2019',
      },
    ],
  },
  {
    id: 'oral-worked',
    when: { tried: 'oral_medication', response: ['good', 'recurred'] },
    effects: [
      {
        option: 'oral_medication',
        add: 25,
        because: 'An oral drug helped before; the effect often fades over time, so review it regularly.',
        source: 'medscape-gulevich2019',
      },
    ],
  },
  {
    id: 'oral-failed',
    when: { tried: 'oral_medication', response: ['none', 'not_tolerated'] },
    effects: [
      {
        option: 'oral_medication',
        add: -25,
        because: 'Oral drugs failed or were not tolerated before; response to them is low in general.',
        source: 'kemp-reich2004',
      },
      {
        option: 'oral_medication',
        atMost: 'not_advised',
        because: 'Another trial of weakly supported drugs is not advised after failure.',
        source: 'kemp-reich2004',
      },
    ],
  },
  {
    id: 'mvd-recent',
    when: { redFlag: 'mvd_recent' },
    effects: [
      {
        option: 'mvd',
        atMost: 'reasonable',
        because:
          'Spasm within a year of MVD is not yet a failure: relief is often delayed (3 % only after 12 ' +
          'months), so a redo MVD is not the next step.',
        source: 'mvd-delayed2022',
      },
      {
        option: 'observation',
        add: 25,
        because: 'Waiting is favoured: relief after MVD often comes late (14 % at 3–6 months, 10 % at 6–12).',
        source: 'mvd-delayed2022',
      },
      {
        option: 'botulinum_toxin',
        add: 10,
        because:
          'Toxin, the first-line symptomatic treatment, can control the spasm while relief is awaited.',
        source: 'baldauf2019',
      },
    ],
  },
  {
    id: 'mvd-failed',
    when: { any: [{ redFlag: 'persisting_after_mvd' }, { redFlag: 'recurrence_after_mvd' }] },
    effects: [
      {
        option: 'mvd',
        add: -10,
        because:
          'Spasm persists or came back after MVD; redo MVD can work (missed compression zones) but is a ' +
          'second operation.',
        source: 'liu2021-redo',
      },
      {
        option: 'rf_neurotomy',
        add: 15,
        because: `${SURGICAL_CANDIDATE_NOTE} (67 % of one series had prior MVD).`,
        source: 'palomaki2024-rf',
      },
    ],
  },
  {
    id: 'redo-mvd-review-first',
    when: {
      any: [
        { redFlag: 'persisting_after_mvd', reviewed: false },
        { redFlag: 'recurrence_after_mvd', reviewed: false },
      ],
    },
    effects: [
      {
        option: 'mvd',
        atMost: 'reasonable',
        because: 'A redo MVD comes only after a repeat MRI and a neurosurgical review.',
        source: 'liu2021-redo',
      },
    ],
  },
  {
    id: 'rf-worked',
    when: { tried: 'rf_neurotomy', response: ['good', 'recurred'] },
    effects: [
      {
        option: 'rf_neurotomy',
        add: 20,
        because: 'RF worked before; repeat procedures are common (61 % repeated).',
        source: 'palomaki2024-rf',
      },
    ],
  },
  {
    id: 'rf-failed',
    when: { tried: 'rf_neurotomy', response: ['none', 'not_tolerated'] },
    effects: [
      {
        option: 'rf_neurotomy',
        add: -25,
        because: 'RF failed or was not tolerated before.',
        source: 'lin2022-rf',
      },
    ],
  },

  // ── Imaging and age ──
  {
    id: 'mri-conflict',
    when: { fact: 'mri', is: 'neurovascular_conflict' },
    effects: [
      {
        option: 'mvd',
        add: 10,
        because:
          'MRI shows a vessel–nerve conflict, the cause MVD treats (contact is also seen in people without ' +
          'symptoms, so it supports rather than proves the diagnosis).',
        source: 'jnt2011-intro',
      },
    ],
  },
  {
    id: 'mri-normal',
    when: { fact: 'mri', is: 'normal' },
    effects: [
      {
        option: 'mvd',
        add: -5,
        because:
          'MRI shows no conflict; MRI is positive in only about half of cases and a negative MRI does not rule ' +
          'out surgery.',
        source: 'statdx-imaging',
      },
    ],
  },
  {
    id: 'under-30',
    // Only for an adult whose MRI shows the conflict and whose young onset has been reviewed: under 30
    // the onset is always before 40 (young_onset), which must be explained first.
    when: {
      all: [
        { fact: 'age', below: 30 },
        { fact: 'age', atLeast: 18 },
        { fact: 'mri', is: 'neurovascular_conflict' },
        { not: { redFlag: 'young_onset', reviewed: false } },
      ],
    },
    effects: [
      {
        option: 'mvd',
        add: 10,
        because: 'A large series recommends MVD as the treatment of choice under age 30.',
        source: 'unusual-hfs-1642',
      },
    ],
  },

  // ── Red flags: what they change (the flags themselves are in red-flag-rules.ts) ──
  {
    id: 'review-first',
    // Generated from the flags whose action is a specialist review before any treatment.
    when: {
      any: RED_FLAG_RULES.filter((f) => f.reviewFirst).map((f) => ({
        redFlag: f.code,
        reviewed: false as const,
      })),
    },
    effects: ALL_OPTIONS.map((option) => ({
      option,
      atMost: 'reasonable' as const,
      because:
        'A red flag calls for specialist review before any treatment: no option is preferred until a ' +
        'clinician records that review.',
      source: 'tan2002-qjm' as const,
    })),
  },
  {
    id: 'pediatric-no-procedure',
    when: { redFlag: 'pediatric' },
    effects: [
      {
        option: 'mvd',
        atMost: 'reasonable',
        because: 'Under 18 the evidence for the ranking comes from adults: no procedure is preferred.',
        source: 'wang-jankovic1998',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'reasonable',
        because: 'Under 18 the evidence for the ranking comes from adults: no procedure is preferred.',
        source: 'wang-jankovic1998',
      },
    ],
  },
  {
    id: 'lesion-first',
    when: { redFlag: 'structural_lesion' },
    effects: [
      {
        option: 'mvd',
        atMost: 'not_advised',
        because: 'A lesion on MRI is managed first; MVD for primary HFS does not treat it.',
        source: 'unusual-hfs-1642',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'A lesion on MRI is managed first; RF only injures the nerve distally.',
        source: 'unusual-hfs-1642',
      },
    ],
  },
  {
    id: 'distal-cause-first',
    when: { redFlag: 'parotid_or_temporal_mass', reviewed: false },
    effects: [
      {
        option: 'mvd',
        atMost: 'not_advised',
        because:
          'A parotid or temporal-bone lesion is managed first; MVD at the brainstem does not treat it.',
        source: 'galvez-jimenez2001',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because:
          'A parotid or temporal-bone lesion is managed first; RF there would injure the nerve near it.',
        source: 'galvez-jimenez2001',
      },
    ],
  },
  {
    id: 'bilateral-diagnosis-first',
    when: { redFlag: 'bilateral_symptoms', reviewed: false },
    effects: [
      {
        option: 'mvd',
        atMost: 'not_advised',
        because: 'Spasm on both sides needs the diagnosis confirmed before a one-sided operation.',
        source: 'unusual-hfs-1642',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'Spasm on both sides needs the diagnosis confirmed before a one-sided procedure.',
        source: 'unusual-hfs-1642',
      },
    ],
  },
  {
    id: 'functional-diagnosis-first',
    when: { redFlag: 'functional_features', reviewed: false },
    effects: [
      {
        option: 'mvd',
        atMost: 'not_advised',
        because:
          'Features of functional spasm: the diagnosis is confirmed before any operation on the nerve.',
        source: 'baizabal2017-functional',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'Features of functional spasm: the diagnosis is confirmed before any injury to the nerve.',
        source: 'baizabal2017-functional',
      },
    ],
  },
  {
    id: 'mri-before-procedure',
    when: { redFlag: 'imaging_needed' },
    effects: [
      {
        option: 'mvd',
        atMost: 'reasonable',
        because: 'MRI is needed first, to exclude secondary causes and plan surgery.',
        source: 'kemp-reich2004',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'reasonable',
        because: 'MRI is needed first, to exclude secondary causes.',
        source: 'kemp-reich2004',
      },
    ],
  },
  {
    id: 'post-paralytic',
    when: { redFlag: 'post_paralytic_synkinesis' },
    effects: [
      {
        option: 'mvd',
        add: -30,
        because: 'After facial palsy or injury the movements may be synkinesis, which MVD does not treat.',
        source: 'yaltho2011',
      },
      {
        option: 'mvd',
        atMost: 'not_advised',
        because:
          'Post-paralytic spasm is managed differently from primary HFS: MVD is not advised, even after review.',
        source: 'yaltho2011',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because:
          'Post-paralytic spasm is managed differently from primary HFS: RF would injure an already injured ' +
          'nerve, and is not advised even after review.',
        source: 'yaltho2011',
      },
      {
        option: 'botulinum_toxin',
        add: 0,
        because: 'In post-paralytic spasm one protocol uses a lower dose per site (1.5 U instead of 2 U).',
        source: 'choe-kim2016-bont',
      },
    ],
  },
  {
    id: 'preexisting-facial-weakness',
    when: { fact: 'facialWeakness' },
    effects: [
      {
        option: 'mvd',
        add: -10,
        because: 'Facial weakness before surgery predicted persistent spasm after MVD in one series.',
        source: 'thirumala-lsr293',
      },
      {
        option: 'rf_neurotomy',
        atMost: 'not_advised',
        because: 'RF adds House–Brackmann II–III weakness to a face that is already weak.',
        source: 'lin2022-rf',
      },
    ],
  },
];

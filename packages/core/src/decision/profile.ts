/**
 * The patient profile the decision engine reads: the contract of issue 2 plus the fields the evidence needs
 * (neurological findings and atypical features for red flags; frailty and diabetes, which predict MVD
 * adverse events where age alone does not; when earlier treatments were and how they went; which red flags
 * a clinician has reviewed). Optional fields have documented defaults, applied here so the rules never see
 * `undefined`. Unknown fields and unknown enum values are rejected (strict objects), and so are profiles
 * that contradict themselves (a pregnant male, symptoms longer than the life lived).
 */
import { z } from 'zod';
import { OPTION_IDS } from './option-ids';
import { RED_FLAG_CODES } from './red-flag-codes';

/**
 * How an earlier treatment went. `recurred`: good relief at first, then the spasm came back (after MVD a
 * recurrence; after toxin or RF the expected wearing off).
 */
export const PRIOR_RESPONSES = ['good', 'partial', 'none', 'not_tolerated', 'recurred'] as const;
export type PriorResponse = (typeof PRIOR_RESPONSES)[number];

const flag = z.boolean();

const NO_FEATURES = {
  lowerFaceOnset: false,
  painfulSpasmOrTrigeminalNeuralgia: false,
  functionalFeatures: false,
  parotidOrTemporalMass: false,
};

export const PatientProfileSchema = z
  .strictObject({
    /** Age in whole or fractional years. */
    age: z.number().min(0).max(120),
    sex: z.enum(['female', 'male', 'other']),
    /** The patient's anatomical side, never the image's. */
    affectedSide: z.enum(['left', 'right', 'both']),
    symptomDurationMonths: z.number().min(0).max(1200),
    progression: z.enum(['stable', 'slow', 'rapid']),
    severity: z.strictObject({
      /** Samsung Medical Center grade I–IV stored as 1–4 (there is no grade 0). */
      smcGrade: z.int().min(1).max(4),
      jankovic: z
        .strictObject({
          severity: z.int().min(0).max(4),
          frequency: z.int().min(0).max(4),
        })
        .optional(),
    }),
    imaging: z.strictObject({
      mri: z.enum(['not_done', 'normal', 'neurovascular_conflict', 'lesion']),
    }),
    asaClass: z.int().min(1).max(5),
    anticoagulated: flag,
    pregnant: flag,
    /** Hearing already lost on the side opposite the spasm (MVD puts the spasm-side ear at risk). */
    contralateralHearingLoss: flag,
    /** Frailty (e.g. by RAI or mFI-5, as judged by the clinician). Default false. */
    frailty: flag.default(false),
    /** Diabetes mellitus. Default false. */
    diabetes: flag.default(false),
    history: z.strictObject({
      bellsPalsy: flag,
      facialTrauma: flag,
    }),
    /** Findings before any treatment, beyond the spasm itself. Every field defaults to false (not present). */
    neurology: z
      .strictObject({
        /** Facial weakness present before any treatment. */
        facialWeakness: flag.default(false),
        /** Hearing loss, tinnitus or imbalance on the spasm side. */
        ipsilateralHearingLoss: flag.default(false),
        /** Other cranial-nerve or long-tract signs: facial numbness, absent corneal reflex, etc. */
        otherCranialNerveSigns: flag.default(false),
      })
      .default({ facialWeakness: false, ipsilateralHearingLoss: false, otherCranialNerveSigns: false }),
    /** Atypical features, each a red flag of its own (evidence §3.1). Every field defaults to false. */
    features: z
      .strictObject({
        /** Spasm began in the lower face and spread up towards the eye. */
        lowerFaceOnset: flag.default(false),
        /** Painful spasm, or trigeminal neuralgia on the same side (tic convulsif). */
        painfulSpasmOrTrigeminalNeuralgia: flag.default(false),
        /** Tonic spasm without the "other Babinski sign", mouth pulled down, distractible or suggestible. */
        functionalFeatures: flag.default(false),
        /** A parotid mass or a temporal-bone lesion on the spasm side. */
        parotidOrTemporalMass: flag.default(false),
      })
      .default(NO_FEATURES),
    priorTreatments: z
      .array(
        z.strictObject({
          option: z.enum(OPTION_IDS),
          response: z.enum(PRIOR_RESPONSES),
          /** Months since the treatment (for toxin: since the latest cycle). Absent = not known. */
          monthsSince: z.number().min(0).max(1200).optional(),
          /** Botulinum toxin only: how many injection cycles were given. */
          cycles: z.int().min(1).max(1000).optional(),
        }),
      )
      .max(50)
      .default([]),
    /** Red-flag codes a clinician has reviewed: their holds lift (not every flag's: see the README). */
    redFlagsReviewed: z.array(z.enum(RED_FLAG_CODES)).max(50).default([]),
    preferences: z.strictObject({
      riskTolerance: z.enum(['low', 'moderate', 'high']),
      avoidSurgery: flag,
      avoidGeneralAnesthesia: flag,
      wantsLongTermCure: flag,
    }),
  })
  // Cross-field checks. They run even when other fields are invalid (`when`), so a profile with several
  // problems gets them all in one answer; hence the defensive reads of a possibly malformed value.
  .superRefine(
    (p, ctx) => {
      const lived = 'must not be longer than the patient has lived (age × 12 months)';
      const age = typeof p.age === 'number' ? p.age : undefined;
      // Symptoms cannot have lasted longer than the person has lived; the age at onset is derived from both.
      if (
        age !== undefined &&
        typeof p.symptomDurationMonths === 'number' &&
        p.symptomDurationMonths > age * 12
      )
        ctx.addIssue({ code: 'custom', path: ['symptomDurationMonths'], message: lived });
      if (p.pregnant === true && p.sex === 'male')
        ctx.addIssue({ code: 'custom', path: ['pregnant'], message: 'must be false when sex is male' });
      const prior: unknown = p.priorTreatments;
      if (!Array.isArray(prior)) return;
      prior.forEach((t: unknown, i) => {
        if (typeof t !== 'object' || t === null) return;
        const { option, cycles, monthsSince } = t as Record<string, unknown>;
        if (cycles !== undefined && option !== 'botulinum_toxin')
          ctx.addIssue({
            code: 'custom',
            path: ['priorTreatments', i, 'cycles'],
            message: 'only botulinum_toxin entries have cycles',
          });
        if (age !== undefined && typeof monthsSince === 'number' && monthsSince > age * 12)
          ctx.addIssue({ code: 'custom', path: ['priorTreatments', i, 'monthsSince'], message: lived });
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** A validated profile with every default applied. */
export type PatientProfile = z.output<typeof PatientProfileSchema>;
/** What a caller may send: optional fields may be left out. */
export type PatientProfileInput = z.input<typeof PatientProfileSchema>;

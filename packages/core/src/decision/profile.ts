/**
 * The patient profile the decision engine reads: the contract of issue 2 plus the fields the evidence needs
 * (neurological findings for the neurological_deficit red flag; frailty and diabetes, which predict MVD
 * adverse events where age alone does not). Optional fields have documented defaults, applied here so the
 * rules never see `undefined`. Unknown fields and unknown enum values are rejected (strict objects).
 */
import { z } from 'zod';
import { OPTION_IDS } from './option-ids';

export const PRIOR_RESPONSES = ['good', 'partial', 'none', 'not_tolerated'] as const;
export type PriorResponse = (typeof PRIOR_RESPONSES)[number];

const flag = z.boolean();

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
    priorTreatments: z
      .array(
        z.strictObject({
          option: z.enum(OPTION_IDS),
          response: z.enum(PRIOR_RESPONSES),
        }),
      )
      .max(50)
      .default([]),
    preferences: z.strictObject({
      riskTolerance: z.enum(['low', 'moderate', 'high']),
      avoidSurgery: flag,
      avoidGeneralAnesthesia: flag,
      wantsLongTermCure: flag,
    }),
  })
  // Symptoms cannot have lasted longer than the person has lived; the age at onset is derived from both.
  .refine((p) => p.symptomDurationMonths <= p.age * 12, {
    path: ['symptomDurationMonths'],
    message: 'must not be longer than the patient has lived (age × 12 months)',
  });

/** A validated profile with every default applied. */
export type PatientProfile = z.output<typeof PatientProfileSchema>;
/** What a caller may send: optional fields may be left out. */
export type PatientProfileInput = z.input<typeof PatientProfileSchema>;

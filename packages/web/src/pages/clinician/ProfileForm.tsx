import { type PatientProfileInput, toRoman } from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../api/types';
import { ageFrom } from '../../lib/dates';

const FLAGS = ['anticoagulated', 'pregnant', 'contralateralHearingLoss', 'frailty', 'diabetes'] as const;
const HISTORY = ['bellsPalsy', 'facialTrauma'] as const;
const NEURO = ['facialWeakness', 'ipsilateralHearingLoss', 'otherCranialNerveSigns'] as const;
const PREFS = ['avoidSurgery', 'avoidGeneralAnesthesia', 'wantsLongTermCure'] as const;

function monthsSince(iso: string | null): number {
  if (!iso) return 12;
  const d = new Date(`${iso}T00:00:00`);
  return Math.max(0, Math.round((Date.now() - d.getTime()) / (30.44 * 86_400_000)));
}

/** The decision engine's patient profile, prefilled from the record; the server runs the engine. */
export function ProfileForm({
  patient,
  smcGrade,
  pending,
  onSubmit,
}: {
  patient: Patient;
  smcGrade: number | null;
  pending: boolean;
  onSubmit: (p: PatientProfileInput) => void;
}) {
  const { t } = useTranslation();
  const [p, setP] = useState<PatientProfileInput>({
    age: ageFrom(patient.birthDate),
    sex: patient.sex === 'unknown' ? 'other' : patient.sex,
    affectedSide: patient.affectedSide === 'bilateral' ? 'both' : patient.affectedSide,
    symptomDurationMonths: monthsSince(patient.onsetDate),
    progression: 'stable',
    severity: { smcGrade: smcGrade ?? 1 },
    imaging: { mri: 'not_done' },
    asaClass: 1,
    anticoagulated: false,
    pregnant: false,
    contralateralHearingLoss: false,
    frailty: false,
    diabetes: false,
    history: { bellsPalsy: false, facialTrauma: false },
    neurology: { facialWeakness: false, ipsilateralHearingLoss: false, otherCranialNerveSigns: false },
    priorTreatments: [],
    preferences: {
      riskTolerance: 'moderate',
      avoidSurgery: false,
      avoidGeneralAnesthesia: false,
      wantsLongTermCure: false,
    },
  });
  const num = (v: string) => (v === '' ? 0 : Number(v));
  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(p);
  }
  const check = (label: string, checked: boolean, set: (v: boolean) => void, id: string) => (
    <label key={id} className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} />
      {label}
    </label>
  );
  return (
    <form onSubmit={submit} aria-label={t('profile.title')} data-testid="profile-form">
      <div className="row">
        <div className="field">
          <label htmlFor="pf-age">{t('profile.age')}</label>
          <input
            id="pf-age"
            type="number"
            min={0}
            max={120}
            value={p.age}
            onChange={(e) => setP({ ...p, age: num(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="pf-duration">{t('profile.duration')}</label>
          <input
            id="pf-duration"
            type="number"
            min={0}
            value={p.symptomDurationMonths}
            onChange={(e) => setP({ ...p, symptomDurationMonths: num(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="pf-progression">{t('profile.progression')}</label>
          <select
            id="pf-progression"
            value={p.progression}
            onChange={(e) =>
              setP({ ...p, progression: e.target.value as PatientProfileInput['progression'] })
            }
          >
            {(['stable', 'slow', 'rapid'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`profile.progressions.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pf-smc">{t('profile.smc')}</label>
          <select
            id="pf-smc"
            value={p.severity.smcGrade}
            onChange={(e) => setP({ ...p, severity: { ...p.severity, smcGrade: Number(e.target.value) } })}
          >
            {[1, 2, 3, 4].map((g) => (
              <option key={g} value={g}>
                {toRoman(g)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pf-mri">{t('profile.mri')}</label>
          <select
            id="pf-mri"
            value={p.imaging.mri}
            onChange={(e) =>
              setP({ ...p, imaging: { mri: e.target.value as PatientProfileInput['imaging']['mri'] } })
            }
          >
            {(['not_done', 'normal', 'neurovascular_conflict', 'lesion'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`profile.mris.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pf-asa">{t('profile.asa')}</label>
          <select
            id="pf-asa"
            value={p.asaClass}
            onChange={(e) => setP({ ...p, asaClass: Number(e.target.value) })}
          >
            {[1, 2, 3, 4, 5].map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pf-risk">{t('profile.riskTolerance')}</label>
          <select
            id="pf-risk"
            value={p.preferences.riskTolerance}
            onChange={(e) =>
              setP({
                ...p,
                preferences: {
                  ...p.preferences,
                  riskTolerance: e.target.value as 'low' | 'moderate' | 'high',
                },
              })
            }
          >
            {(['low', 'moderate', 'high'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`profile.risks.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="grid">
        <fieldset>
          <legend>{t('profile.general')}</legend>
          {FLAGS.map((f) => check(t(`profile.flags.${f}`), !!p[f], (v) => setP({ ...p, [f]: v }), f))}
        </fieldset>
        <fieldset>
          <legend>{t('profile.historyAndSigns')}</legend>
          {HISTORY.map((f) =>
            check(
              t(`profile.flags.${f}`),
              p.history[f],
              (v) => setP({ ...p, history: { ...p.history, [f]: v } }),
              f,
            ),
          )}
          {NEURO.map((f) =>
            check(
              t(`profile.flags.${f}`),
              !!p.neurology?.[f],
              (v) => setP({ ...p, neurology: { ...p.neurology, [f]: v } }),
              f,
            ),
          )}
        </fieldset>
        <fieldset>
          <legend>{t('profile.preferences')}</legend>
          {PREFS.map((f) =>
            check(
              t(`profile.flags.${f}`),
              p.preferences[f],
              (v) => setP({ ...p, preferences: { ...p.preferences, [f]: v } }),
              f,
            ),
          )}
        </fieldset>
      </div>
      <button type="submit" disabled={pending}>
        {t('profile.run')}
      </button>
    </form>
  );
}

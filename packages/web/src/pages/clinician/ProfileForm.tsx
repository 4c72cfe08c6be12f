import {
  OPTION_IDS,
  type PatientProfileInput,
  PRIOR_RESPONSES,
  type PriorResponse,
  type RedFlagCode,
  toRoman,
} from '@hemispasm/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionRecord, Episode, FollowUp, Patient, Preference } from '../../api/types';
import { choicesOf, InputField, SelectField } from '../../components/form';
import { reportedSigns, SIGN_FIELD } from '../../lib/warning-signs';
import { initialDraft, missingFields, type PriorRow, type ProfileDraft, toProfile } from './profile-draft';

type Profile = ProfileDraft['profile'];
const FLAGS = ['anticoagulated', 'pregnant', 'contralateralHearingLoss', 'frailty', 'diabetes'] as const;
const HISTORY = ['bellsPalsy', 'facialTrauma'] as const;
const NEURO = ['facialWeakness', 'ipsilateralHearingLoss', 'otherCranialNerveSigns'] as const;
const FEATURES = [
  'lowerFaceOnset',
  'painfulSpasmOrTrigeminalNeuralgia',
  'functionalFeatures',
  'parotidOrTemporalMass',
] as const;
const PREFS = ['avoidSurgery', 'avoidGeneralAnesthesia', 'wantsLongTermCure'] as const;

/**
 * The decision engine's patient profile, built from the record (profile-draft.ts) and editable before the
 * server runs the engine: the earlier treatments from the recorded episodes and their latest follow-ups, the
 * warning signs the patient ticked in the decision aid set on their fields, and the red flags of the last run
 * to mark as reviewed. The SMC grade and the symptom duration are required and never defaulted.
 */
export function ProfileForm({
  patient,
  smcGrade,
  episodes,
  followUps,
  lastDecision,
  preference,
  pending,
  onSubmit,
}: {
  patient: Patient;
  smcGrade: number | null;
  episodes: readonly Episode[];
  followUps: readonly FollowUp[];
  lastDecision: DecisionRecord | undefined;
  preference: Preference | undefined;
  pending: boolean;
  onSubmit: (p: PatientProfileInput) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProfileDraft>(() =>
    initialDraft({ patient, smcGrade, episodes, followUps, lastDecision, preference, today: new Date() }),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const p = draft.profile;
  const setP = (profile: Profile) => setDraft({ ...draft, profile });
  const setRow = (i: number, row: Partial<PriorRow>) =>
    setDraft({ ...draft, prior: draft.prior.map((r, j) => (j === i ? { ...r, ...row } : r)) });
  const signs = reportedSigns(preference);
  const signedFields = new Set(signs.map((s) => SIGN_FIELD[s]));
  const lastFlags = lastDecision?.result.redFlags ?? [];
  const reviewed = new Set(p.redFlagsReviewed ?? []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const m = missingFields(draft);
    setMissing(m);
    if (m.length === 0) onSubmit(toProfile(draft));
  }
  const check = (field: string, checked: boolean, set: (v: boolean) => void, label: string) => (
    <label key={field} className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => set(e.target.checked)} />
      {label}
      {signedFields.has(field) && <span className="badge unverified"> {t('profile.fromPatient')}</span>}
    </label>
  );
  /** The checkboxes of one group of yes/no facts; `idPrefix` when the signs name them by group (`features.…`). */
  const groupChecks = <G extends 'history' | 'neurology' | 'features' | 'preferences'>(
    group: G,
    keys: readonly (keyof NonNullable<Profile[G]> & string)[],
    idPrefix = '',
  ) => {
    const values = (p[group] ?? {}) as Record<string, boolean | undefined>;
    return keys.map((f) =>
      check(
        `${idPrefix}${f}`,
        !!values[f],
        (v) => setP({ ...p, [group]: { ...values, [f]: v } }),
        t(`profile.flags.${f}`),
      ),
    );
  };
  const field = (id: string, label: string, control: ReactNode, hint?: string | false) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && <span className="small muted">{hint}</span>}
    </div>
  );
  const num = (v: string): number | '' => (v === '' ? '' : Number(v));
  /** A select over a list of string values, each labelled through `label`. */
  const choose = <V extends string>(
    id: string,
    value: V,
    values: readonly V[],
    label: (v: V) => string,
    set: (v: V) => void,
  ) => (
    <select id={id} value={value} onChange={(e) => set(e.target.value as V)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </select>
  );

  return (
    <form onSubmit={submit} aria-label={t('profile.title')} data-testid="profile-form" noValidate>
      {signs.length > 0 && (
        <p className="warn small" data-testid="profile-patient-signs">
          {t('profile.patientSigns', { signs: signs.map((s) => t(`learn.flags.${s}`)).join('; ') })}
        </p>
      )}
      <div className="row">
        {field(
          'pf-age',
          t('profile.age'),
          <input
            id="pf-age"
            type="number"
            min={0}
            max={120}
            value={p.age}
            onChange={(e) => setP({ ...p, age: Number(e.target.value || 0) })}
          />,
        )}
        {field(
          'pf-duration',
          `${t('profile.duration')} *`,
          <input
            id="pf-duration"
            type="number"
            min={0}
            required
            value={draft.symptomDurationMonths}
            onChange={(e) => setDraft({ ...draft, symptomDurationMonths: num(e.target.value) })}
          />,
          !patient.onsetDate && t('profile.durationUnknown'),
        )}
        {field(
          'pf-progression',
          t('profile.progression'),
          choose(
            'pf-progression',
            p.progression,
            ['stable', 'slow', 'rapid'] as const,
            (v) => t(`profile.progressions.${v}`),
            (progression) => setP({ ...p, progression }),
          ),
        )}
        {field(
          'pf-smc',
          `${t('profile.smc')} *`,
          <select
            id="pf-smc"
            required
            value={draft.smcGrade}
            onChange={(e) => setDraft({ ...draft, smcGrade: num(e.target.value) })}
          >
            <option value="">{t('profile.choose')}</option>
            {[1, 2, 3, 4].map((g) => (
              <option key={g} value={g}>
                {toRoman(g)}
              </option>
            ))}
          </select>,
          smcGrade === null && t('profile.smcUnknown'),
        )}
        {field(
          'pf-mri',
          t('profile.mri'),
          choose(
            'pf-mri',
            p.imaging.mri,
            ['not_done', 'normal', 'neurovascular_conflict', 'lesion'] as const,
            (v) => t(`profile.mris.${v}`),
            (mri) => setP({ ...p, imaging: { mri } }),
          ),
        )}
        {field(
          'pf-asa',
          t('profile.asa'),
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
          </select>,
        )}
        {field(
          'pf-risk',
          t('profile.riskTolerance'),
          choose(
            'pf-risk',
            p.preferences.riskTolerance,
            ['low', 'moderate', 'high'] as const,
            (v) => t(`profile.risks.${v}`),
            (riskTolerance) => setP({ ...p, preferences: { ...p.preferences, riskTolerance } }),
          ),
        )}
        {field(
          'pf-side',
          t('profile.side'),
          choose(
            'pf-side',
            p.affectedSide,
            ['left', 'right', 'both'] as const,
            (v) => t(`sides.${v}`),
            (affectedSide) => setP({ ...p, affectedSide }),
          ),
          signedFields.has('affectedSide') && t('profile.fromPatient'),
        )}
      </div>

      <PriorTreatments
        rows={draft.prior}
        setRow={setRow}
        remove={(i) => setDraft({ ...draft, prior: draft.prior.filter((_, j) => j !== i) })}
        add={() =>
          setDraft({
            ...draft,
            prior: [
              ...draft.prior,
              {
                key: `added-${Date.now()}`,
                option: 'botulinum_toxin',
                response: '',
                monthsSince: '',
                cycles: '',
              },
            ],
          })
        }
      />

      <div className="grid">
        <fieldset>
          <legend>{t('profile.general')}</legend>
          {FLAGS.map((f) => check(f, !!p[f], (v) => setP({ ...p, [f]: v }), t(`profile.flags.${f}`)))}
        </fieldset>
        <fieldset>
          <legend>{t('profile.historyAndSigns')}</legend>
          {groupChecks('history', HISTORY)}
          {groupChecks('neurology', NEURO, 'neurology.')}
        </fieldset>
        <fieldset>
          <legend>{t('profile.features')}</legend>
          {groupChecks('features', FEATURES, 'features.')}
        </fieldset>
        <fieldset>
          <legend>{t('profile.preferences')}</legend>
          {groupChecks('preferences', PREFS)}
        </fieldset>
      </div>

      {lastFlags.length > 0 && (
        <fieldset data-testid="profile-reviewed">
          <legend>{t('profile.reviewedTitle')}</legend>
          <p className="small muted">{t('profile.reviewedHint')}</p>
          {lastFlags.map((f) =>
            check(
              `reviewed.${f.code}`,
              reviewed.has(f.code),
              (v) =>
                setP({
                  ...p,
                  redFlagsReviewed: v
                    ? [...reviewed, f.code]
                    : [...reviewed].filter((c): c is RedFlagCode => c !== f.code),
                }),
              t(`redFlagNames.${f.code}`),
            ),
          )}
        </fieldset>
      )}

      {missing.length > 0 && (
        <p className="danger" role="alert" data-testid="profile-missing">
          {t('profile.missing', { fields: missing.join(', ') })}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {t('profile.run')}
      </button>
    </form>
  );
}

/** The earlier treatments as editable rows, each saying what in the record it came from. */
function PriorTreatments({
  rows,
  setRow,
  remove,
  add,
}: {
  rows: readonly PriorRow[];
  setRow: (i: number, row: Partial<PriorRow>) => void;
  remove: (i: number) => void;
  add: () => void;
}) {
  const { t } = useTranslation();
  const num = (v: string): number | '' => (v === '' ? '' : Number(v));
  const options = choicesOf(OPTION_IDS, (o) => t(`options.${o}.name`));
  const responses = choicesOf(PRIOR_RESPONSES, (x) => t(`profile.responses.${x}`));
  return (
    <fieldset data-testid="profile-prior">
      <legend>{t('profile.prior.title')}</legend>
      <p className="small muted">{t('profile.prior.hint')}</p>
      {rows.length === 0 && <p className="small">{t('profile.prior.none')}</p>}
      {rows.map((r, i) => (
        <div key={r.key} className="row" data-testid="prior-row">
          <SelectField
            id={`pt-option-${i}`}
            label={t('profile.prior.option')}
            choices={options}
            value={r.option}
            onValue={(option) => setRow(i, { option })}
          />
          <SelectField
            id={`pt-response-${i}`}
            label={`${t('profile.prior.response')} *`}
            required
            choices={responses}
            empty={t('profile.choose')}
            value={r.response || null}
            onValue={(response: PriorResponse | null) => setRow(i, { response: response ?? '' })}
          />
          <InputField
            id={`pt-months-${i}`}
            label={t('profile.prior.monthsSince')}
            type="number"
            min={0}
            step="0.1"
            value={r.monthsSince}
            onValue={(v) => setRow(i, { monthsSince: num(v) })}
          />
          {r.option === 'botulinum_toxin' && (
            <InputField
              id={`pt-cycles-${i}`}
              label={t('profile.prior.cycles')}
              type="number"
              min={1}
              step={1}
              value={r.cycles}
              onValue={(v) => setRow(i, { cycles: num(v) })}
            />
          )}
          <p className="small muted">
            {r.from
              ? (r.from.sessions > 1
                  ? t('profile.prior.fromRecordSessions', { date: r.from.startDate, count: r.from.sessions })
                  : t('profile.prior.fromRecord', { date: r.from.startDate })) +
                (r.from.followUp
                  ? ` ${t('profile.prior.followUp', {
                      timePoint: t(`timePoints.${r.from.followUp.timePoint}`),
                      status: t(`spasmStatus.${r.from.followUp.spasmStatus}`),
                    })}`
                  : ` ${t('profile.prior.noFollowUp')}`)
              : t('profile.prior.added')}{' '}
            <button type="button" className="secondary" onClick={() => remove(i)}>
              {t('profile.prior.remove')}
            </button>
          </p>
        </div>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {t('profile.prior.add')}
      </button>
    </fieldset>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, usePatientList } from '../../api/endpoints';
import { ageFrom } from '../../lib/dates';
import { type SignAnswers, WARNING_SIGNS } from '../../lib/warning-signs';
import { href } from '../../router';

/** The warning signs of a cause other than a pressing vessel (lib/warning-signs.ts; the Learn page explains them). */
export type FlagAnswers = SignAnswers;

function yearsSince(iso: string | null): number | null {
  if (!iso) return null;
  return Math.max(
    0,
    Math.round(((Date.now() - Date.parse(`${iso}T00:00:00`)) / (365.25 * 86_400_000)) * 10) / 10,
  );
}

/**
 * Step 1 of the decision aid: the patient's own situation from their record, and the warning signs to
 * tell the doctor about. Ticked signs are saved with the preference so the clinician sees them, set on the
 * matching fields of the decision profile (lib/warning-signs.ts).
 */
export function MyProfileStep({
  patientId,
  flags,
  onFlags,
}: {
  patientId: string;
  flags: FlagAnswers;
  onFlags: (f: FlagAnswers) => void;
}) {
  const { t } = useTranslation();
  const patient = useQuery({
    queryKey: ['patient', patientId, 'record'],
    queryFn: () => api.patient(patientId),
  });
  const assessments = usePatientList('assessments', patientId);
  const latest = assessments.data?.[0];
  const p = patient.data;
  const years = yearsSince(p?.onsetDate ?? null);
  return (
    <section className="card" aria-labelledby="aid-profile">
      <h2 id="aid-profile">{t('aid.step0')}</h2>
      {p && (
        <ul data-testid="my-profile">
          <li>{t('aid.profile.age', { age: ageFrom(p.birthDate) })}</li>
          <li>{t('aid.profile.side', { side: t(`sides.${p.affectedSide}`) })}</li>
          <li>{years === null ? t('aid.profile.onsetUnknown') : t('aid.profile.onset', { years })}</li>
          {latest && (
            <li>
              {t('aid.profile.latest', {
                instrument: latest.instrumentId,
                result: String(latest.score.display ?? latest.total ?? '—'),
                date: latest.assessedOn,
              })}
            </li>
          )}
        </ul>
      )}
      <fieldset>
        <legend>{t('aid.profile.flagsLegend')}</legend>
        {WARNING_SIGNS.map((f) => (
          <label key={f} className="choice">
            <input
              type="checkbox"
              checked={!!flags[f]}
              onChange={(e) => onFlags({ ...flags, [f]: e.target.checked })}
            />
            {t(`learn.flags.${f}`)}
          </label>
        ))}
      </fieldset>
      {WARNING_SIGNS.some((f) => flags[f]) && (
        <p className="warn" role="status">
          {t('aid.profile.flagsNote')}
        </p>
      )}
      <p className="small">
        <a href={href('/learn')}>{t('aid.profile.learnLink')}</a>
      </p>
    </section>
  );
}

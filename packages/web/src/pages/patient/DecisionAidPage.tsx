import type { OptionId } from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientList, usePatientWrite } from '../../api/endpoints';
import { Cite } from '../../components/Cite';
import { EngineText } from '../../components/EngineText';
import { ErrorText } from '../../components/ErrorText';
import { NaturalCourse, OptionFacts } from '../../components/OptionFacts';
import { TableWrap } from '../../components/TableWrap';
import { headline, OPTION_ORDER } from '../../lib/options';
import { type FlagAnswers, MyProfileStep } from './MyProfileStep';

/** What matters to the patient, each rated 0 (not at all) to 4 (very much): the values clarification exercise. */
export const VALUES = [
  'avoidSurgery',
  'lastingRelief',
  'avoidWeakness',
  'avoidHearingRisk',
  'avoidRepeats',
  'quickRelief',
] as const;
/** The SURE test (Légaré et al. 2010): four yes/no items; 4 yes means no decisional conflict is screened. */
export const SURE_ITEMS = ['sure', 'understand', 'riskBenefit', 'encouragement'] as const;
const INVOLVES = ['anaesthesia', 'recovery', 'repeats'] as const;

type SureAnswers = Record<(typeof SURE_ITEMS)[number], boolean | null>;

/**
 * The shared decision aid in the Ottawa/IPDAS manner: the options side by side, each compared by its
 * headline figure, with their benefits, harms and limits (out of 100 people only where a verified study
 * counted people; otherwise as text with the source's badge), the course without treatment, a values
 * exercise, the SURE test, then the patient's preferred option, saved for the clinician. It presents the
 * options; it does not choose for the patient.
 */
export function DecisionAidPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const saved = usePatientList('preferences', patientId);
  const save = usePatientWrite('preferences', patientId, api.createPreference);
  const [values, setValues] = useState<Record<string, number>>(Object.fromEntries(VALUES.map((v) => [v, 2])));
  const [sure, setSure] = useState<SureAnswers>({
    sure: null,
    understand: null,
    riskBenefit: null,
    encouragement: null,
  });
  const [preferred, setPreferred] = useState<OptionId | 'undecided'>('undecided');
  const [done, setDone] = useState(false);
  const [flags, setFlags] = useState<FlagAnswers>({});
  const sureComplete = SURE_ITEMS.every((k) => sure[k] !== null);
  const sureScore = SURE_ITEMS.filter((k) => sure[k]).length;
  const last = saved.data?.at(-1);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!sureComplete) return;
    setDone(false);
    save.mutate(
      {
        preferredOption: preferred === 'undecided' ? null : preferred,
        // Values are 0–4; ticked warning signs travel with them as flag.<id> so the clinician sees them.
        values: { ...values, ...Object.fromEntries(Object.entries(flags).map(([k, v]) => [`flag.${k}`, v])) },
        sure: sure as Record<(typeof SURE_ITEMS)[number], boolean>,
      },
      { onSuccess: () => setDone(true) },
    );
  }

  return (
    <article>
      <h1>{t('aid.title')}</h1>
      <p className="note">{t('aid.intro')}</p>

      <MyProfileStep patientId={patientId} flags={flags} onFlags={setFlags} />

      <section aria-labelledby="aid-compare">
        <h2 id="aid-compare">{t('aid.step1')}</h2>
        <p>{t('aid.compareIntro')}</p>
        <TableWrap label={t('aid.compareCaption')}>
          <table className="compare">
            <caption className="small muted">{t('aid.compareCaption')}</caption>
            <thead>
              <tr>
                <td />
                {OPTION_ORDER.map((o) => (
                  <th key={o} scope="col">
                    {t(`options.${o}.name`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('aid.headline')}</th>
                {OPTION_ORDER.map((o) => {
                  const h = headline(o);
                  return (
                    <td key={o} data-testid={`headline-${o}`}>
                      <EngineText text={h.figure} />{' '}
                      <span className="small muted">
                        (<EngineText text={h.timePoint} />)
                      </span>
                      <Cite ids={[h.source]} />
                    </td>
                  );
                })}
              </tr>
              {INVOLVES.map((row) => (
                <tr key={row}>
                  <th scope="row">{t(`aid.involves.${row}`)}</th>
                  {OPTION_ORDER.map((o) => (
                    <td key={o}>{t(`involves.${o}.${row}`)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <NaturalCourse headingLevel={3} />
        <div className="options-grid">
          {OPTION_ORDER.map((o) => (
            <section key={o} className="card option-card" aria-labelledby={`aid-opt-${o}`}>
              <h3 id={`aid-opt-${o}`}>{t(`options.${o}.name`)}</h3>
              <OptionFacts optionId={o} />
            </section>
          ))}
        </div>
      </section>

      <form onSubmit={submit}>
        <section className="card" aria-labelledby="aid-values">
          <h2 id="aid-values">{t('aid.step2')}</h2>
          <p>{t('aid.valuesIntro')}</p>
          {VALUES.map((v) => (
            <div key={v} className="field">
              <label htmlFor={`value-${v}`}>{t(`aid.values.${v}`)}</label>
              <input
                id={`value-${v}`}
                type="range"
                min={0}
                max={4}
                value={values[v]}
                aria-valuetext={t(`aid.scale.${values[v]}`)}
                onChange={(e) => setValues({ ...values, [v]: Number(e.target.value) })}
              />
              <span className="small muted">{t(`aid.scale.${values[v]}`)}</span>
            </div>
          ))}
        </section>

        <section className="card" aria-labelledby="aid-sure">
          <h2 id="aid-sure">{t('aid.step3')}</h2>
          <p>
            {t('aid.sureIntro')}
            <Cite ids={['legare2010-sure']} />
          </p>
          {SURE_ITEMS.map((k) => (
            <fieldset key={k}>
              <legend>{t(`aid.sureItems.${k}`)}</legend>
              {([true, false] as const).map((ans) => (
                <label key={String(ans)} className="choice">
                  <input
                    type="radio"
                    name={`sure-${k}`}
                    checked={sure[k] === ans}
                    onChange={() => setSure({ ...sure, [k]: ans })}
                  />
                  {ans ? t('common.yes') : t('common.no')}
                </label>
              ))}
            </fieldset>
          ))}
          {sureComplete && (
            <p className={sureScore === 4 ? 'note' : 'warn'} role="status" data-testid="sure-result">
              {t('aid.sureScore', { score: sureScore })}{' '}
              {sureScore === 4 ? t('aid.sureAllYes') : t('aid.sureSomeNo')}
            </p>
          )}
        </section>

        <section className="card" aria-labelledby="aid-pref">
          <h2 id="aid-pref">{t('aid.step4')}</h2>
          <fieldset>
            <legend>{t('aid.preferredLegend')}</legend>
            {[...OPTION_ORDER, 'undecided' as const].map((o) => (
              <label key={o} className="choice">
                <input
                  type="radio"
                  name="preferred"
                  checked={preferred === o}
                  onChange={() => setPreferred(o)}
                />
                {o === 'undecided' ? t('aid.undecided') : t(`options.${o}.name`)}
              </label>
            ))}
          </fieldset>
          {!sureComplete && <p className="muted small">{t('aid.answerSureFirst')}</p>}
          <ErrorText error={save.error} />
          {done && (
            <p className="success" role="status">
              {t('aid.saved')}
            </p>
          )}
          <button type="submit" disabled={!sureComplete || save.isPending}>
            {t('aid.save')}
          </button>
          {last && (
            <p className="small muted" data-testid="last-preference">
              {t('aid.lastSaved', {
                date: last.createdAt.slice(0, 10),
                option: last.preferredOption ? t(`options.${last.preferredOption}.name`) : t('aid.undecided'),
              })}
            </p>
          )}
        </section>
      </form>
    </article>
  );
}

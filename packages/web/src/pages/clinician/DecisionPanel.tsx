import { useTranslation } from 'react-i18next';
import type { DecisionRecord, Preference } from '../../api/types';
import { Cite } from '../../components/Cite';
import { EngineText } from '../../components/EngineText';
import { FLAG_QUESTIONS } from '../patient/MyProfileStep';

/**
 * The decision-support panel: red flags first, then the engine's ranked options with reasons and their
 * sources, and beside it what the patient said in the decision aid. The engine's English is shown in the UI
 * language (i18n/engine-zh.ts, catalogue-zh.ts).
 */
/** Warning signs the patient ticked in the decision aid (saved as `flag.<id>: true` with the values). */
function patientFlags(p: Preference): string[] {
  return Object.entries(p.values)
    .filter(([k, v]) => k.startsWith('flag.') && v === true)
    .map(([k]) => k.slice('flag.'.length))
    .filter((f) => (FLAG_QUESTIONS as readonly string[]).includes(f));
}

export function DecisionPanel({
  record,
  preference,
}: {
  record: DecisionRecord | undefined;
  preference: Preference | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid decision-panel" data-testid="decision-panel">
      <div style={{ gridColumn: 'span 2' }}>
        {!record && <p>{t('decision.none')}</p>}
        {record && (
          <>
            {record.result.redFlags.length > 0 && (
              <div className="danger" role="alert" data-testid="red-flags">
                <h3>{t('decision.redFlags')}</h3>
                <ul>
                  {record.result.redFlags.map((f) => (
                    <li key={f.code}>
                      <strong>
                        <EngineText text={f.message} />
                      </strong>{' '}
                      <EngineText text={f.action} />
                      <Cite ids={[f.source]} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <ol className="ranked" data-testid="ranked-options">
              {[...record.result.options]
                .sort((a, b) => a.rank - b.rank)
                .map((o) => (
                  <li key={o.id} className="card">
                    <h3>
                      {t(`options.${o.id}.name`)}{' '}
                      <span className={`badge rec-${o.recommendation}`}>
                        {t(`decision.recommendation.${o.recommendation}`)}
                      </span>
                    </h3>
                    <p className="small muted">
                      {t(`evidenceCertainty.${o.evidence.certainty}`)} —{' '}
                      <EngineText text={o.evidence.basis} />
                    </p>
                    <ul>
                      {o.reasons.map((r) => (
                        <li key={`${r.text}-${r.source}`}>
                          <EngineText text={r.text} />
                          <Cite ids={[r.source]} />
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
            </ol>
            <p className="small muted">
              <EngineText text={record.result.disclaimer} />
            </p>
            <p className="small muted">{t('decision.computedAt', { date: record.createdAt.slice(0, 10) })}</p>
          </>
        )}
      </div>
      <aside className="card" aria-labelledby="pref-h" data-testid="patient-preference">
        <h3 id="pref-h">{t('decision.patientPreference')}</h3>
        {!preference && <p>{t('decision.noPreference')}</p>}
        {preference && (
          <>
            <p>
              <strong>
                {preference.preferredOption
                  ? t(`options.${preference.preferredOption}.name`)
                  : t('aid.undecided')}
              </strong>
            </p>
            <p>{t('decision.sure', { score: preference.sureScore })}</p>
            {patientFlags(preference).length > 0 && (
              <div className="warn small" data-testid="patient-flags">
                <strong>{t('decision.patientFlags')}</strong>
                <ul>
                  {patientFlags(preference).map((f) => (
                    <li key={f}>{t(`learn.flags.${f}`)}</li>
                  ))}
                </ul>
              </div>
            )}
            {preference.sureScore < 4 && <p className="warn small">{t('decision.sureLow')}</p>}
            <p className="small muted">
              {t('decision.savedOn', { date: preference.createdAt.slice(0, 10) })}
            </p>
          </>
        )}
      </aside>
    </div>
  );
}

import type { Reason } from '@hemispasm/core';
import { useTranslation } from 'react-i18next';
import type { DecisionRecord, Preference } from '../../api/types';
import { Cite } from '../../components/Cite';
import { EngineText } from '../../components/EngineText';
import { reportedSigns } from '../../lib/warning-signs';

const REASON_GROUPS: ReadonlyArray<Reason['effect']> = ['for', 'against', 'info'];

/**
 * The decision-support panel: red flags first (each with its review state: a flag that calls for review holds
 * every option until a clinician records it), then the engine's ranked options with their reasons for and
 * against apart, each with its sources, and beside it what the patient said in the decision aid. The engine's
 * English is shown in the UI language (i18n/engine-zh.ts, catalogue-zh.ts). A record made by an older engine
 * (no `effect` on its reasons) lists its reasons as before.
 */
export function DecisionPanel({
  record,
  preference,
}: {
  record: DecisionRecord | undefined;
  preference: Preference | undefined;
}) {
  const { t } = useTranslation();
  const signs = reportedSigns(preference);
  const held = record?.result.redFlags.some((f) => f.reviewFirst && !f.reviewed) ?? false;
  return (
    <div className="grid decision-panel" data-testid="decision-panel">
      <div style={{ gridColumn: 'span 2' }}>
        {!record && <p>{t('decision.none')}</p>}
        {record && (
          <>
            {record.result.redFlags.length > 0 && (
              <div className="danger" role="alert" data-testid="red-flags">
                <h3>{t('decision.redFlags')}</h3>
                {held && <p className="small">{t('decision.holdNote')}</p>}
                <ul>
                  {record.result.redFlags.map((f) => (
                    <li key={f.code} data-testid={`red-flag-${f.code}`}>
                      <strong>{t(`redFlagNames.${f.code}`, { defaultValue: f.code })}</strong>{' '}
                      <code className="small">{f.code}</code>{' '}
                      {f.reviewed ? (
                        <span className="badge">{t('decision.reviewed')}</span>
                      ) : (
                        f.reviewFirst && <span className="badge unverified">{t('decision.reviewFirst')}</span>
                      )}
                      <br />
                      <EngineText text={f.message} /> <strong>→</strong> <EngineText text={f.action} />
                      <Cite ids={[f.source, ...(f.seeAlso ?? []).map((s) => s.source)]} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <ol className="ranked" data-testid="ranked-options">
              {[...record.result.options]
                .sort((a, b) => a.rank - b.rank)
                .map((o) => (
                  <li key={o.id} className="card" data-testid={`option-${o.id}`}>
                    <h3>
                      {t(`options.${o.id}.name`)}{' '}
                      <span className={`badge rec-${o.recommendation}`} data-testid="recommendation">
                        {t(`decision.recommendation.${o.recommendation}`)}
                      </span>
                    </h3>
                    <p className="small muted">
                      {t(`evidenceCertainty.${o.evidence.certainty}`)} —{' '}
                      <EngineText text={o.evidence.basis} />
                    </p>
                    {o.reasons.every((r) => r.effect) ? (
                      REASON_GROUPS.map((effect) => {
                        const reasons = o.reasons.filter((r) => r.effect === effect);
                        if (reasons.length === 0) return null;
                        return (
                          <div
                            key={effect}
                            className={`reasons reasons-${effect}`}
                            data-testid={`reasons-${effect}`}
                          >
                            <h4>{t(`decision.reasons.${effect}`)}</h4>
                            <ReasonList reasons={reasons} />
                          </div>
                        );
                      })
                    ) : (
                      <ReasonList reasons={o.reasons} />
                    )}
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
            {signs.length > 0 && (
              <div className="warn small" data-testid="patient-flags">
                <strong>{t('decision.patientFlags')}</strong>
                <ul>
                  {signs.map((f) => (
                    <li key={f}>{t(`learn.flags.${f}`)}</li>
                  ))}
                </ul>
                <p>{t('decision.patientFlagsProfile')}</p>
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

function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  return (
    <ul>
      {reasons.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same reason text can come from two rules
        <li key={`${i}-${r.source}`}>
          <EngineText text={r.text} />
          <Cite ids={[r.source, ...(r.seeAlso ?? []).map((s) => s.source)]} />
        </li>
      ))}
    </ul>
  );
}

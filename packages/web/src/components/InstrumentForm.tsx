import type { InstrumentDefinition } from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../lib/dates';

export interface InstrumentSubmission {
  instrumentId: string;
  answers: { instrument: string; version: string; items: Record<string, number> };
  assessedOn: string;
}

/**
 * A form rendered from an instrument definition of the clinical core: one radio group per option item,
 * one number field per measured item. Scoring happens on the server, never here. Instrument wording is
 * shown as the core ships it (English); there is no validated Chinese wording, and the form says so.
 */
export function InstrumentForm({
  definition,
  pending,
  onSubmit,
}: {
  definition: InstrumentDefinition;
  pending: boolean;
  onSubmit: (s: InstrumentSubmission) => void;
}) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [date, setDate] = useState(todayIso());
  const complete = definition.items.every((it) => Number.isFinite(answers[it.id]));
  const prefix = `instr-${definition.id}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    // The core's answers format declares the instrument and wording version, so variants never mix.
    if (complete)
      onSubmit({
        instrumentId: definition.id,
        answers: { instrument: definition.id, version: definition.version, items: answers },
        assessedOn: date,
      });
  }

  return (
    <form onSubmit={submit} aria-label={definition.name} data-testid={`instrument-${definition.id}`}>
      {i18n.language.startsWith('zh') && <p className="warn small">{t('instrument.englishOnly')}</p>}
      {definition.unverified.length > 0 && (
        <div className="warn small">
          <strong>{t('instrument.unverified')}</strong>
          <ul lang="en">
            {definition.unverified.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${prefix}-date`}>{t('common.date')}</label>
        <input
          id={`${prefix}-date`}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      {definition.items.map((item) =>
        item.kind === 'option' ? (
          <fieldset key={item.id} lang="en">
            <legend>{item.label}</legend>
            {item.options.map((o) => (
              <label key={o.value} className="choice">
                <input
                  type="radio"
                  name={`${prefix}-${item.id}`}
                  value={o.value}
                  checked={answers[item.id] === o.value}
                  onChange={() => setAnswers({ ...answers, [item.id]: o.value })}
                />
                <span>
                  <strong>{o.label}</strong>
                  {o.description ? ` — ${o.description}` : ''}
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <div className="field" key={item.id}>
            <label htmlFor={`${prefix}-${item.id}`} lang="en">
              {item.label} ({item.unit})
            </label>
            <input
              id={`${prefix}-${item.id}`}
              type="number"
              min={item.min}
              max={item.max}
              step="any"
              value={answers[item.id] ?? ''}
              onChange={(e) => {
                const next = { ...answers };
                if (e.target.value === '') delete next[item.id];
                else next[item.id] = Number(e.target.value);
                setAnswers(next);
              }}
            />
          </div>
        ),
      )}
      {!complete && <p className="small muted">{t('instrument.answerAll')}</p>}
      <button type="submit" disabled={!complete || pending}>
        {t('instrument.submit')}
      </button>
    </form>
  );
}

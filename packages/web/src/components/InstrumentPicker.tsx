import { getInstrument, listInstruments, type RaterType } from '@hemispasm/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../api/endpoints';
import { ErrorText } from './ErrorText';
import { InstrumentForm } from './InstrumentForm';

/** Choose an instrument for this rater, fill it in, and have the server score and store it. */
export function InstrumentPicker({ patientId, rater }: { patientId: string; rater: RaterType }) {
  const { t } = useTranslation();
  const choices = listInstruments().filter((i) => i.raterType === rater);
  const [id, setId] = useState(choices[0]?.id ?? '');
  const create = usePatientWrite('assessments', patientId, api.createAssessment);
  const definition = id ? getInstrument(id) : null;
  return (
    <div>
      <div className="field">
        <label htmlFor={`picker-${rater}`}>{t('instrument.choose')}</label>
        <select
          id={`picker-${rater}`}
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            create.reset();
          }}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.range})
            </option>
          ))}
        </select>
      </div>
      {definition && (
        <>
          <p className="small muted" lang="en">
            {definition.measures}
          </p>
          <InstrumentForm
            key={definition.id}
            definition={definition}
            pending={create.isPending}
            onSubmit={(s) => create.mutate(s)}
          />
        </>
      )}
      <ErrorText error={create.error} />
      {create.data && (
        <p className="success" role="status" data-testid="assessment-saved">
          {t('instrument.scored', {
            name: definition?.name ?? '',
            display: String(create.data.score.display ?? create.data.total ?? ''),
          })}
        </p>
      )}
    </div>
  );
}

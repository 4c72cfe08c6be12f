import { TREATED_SIDES, TREATMENT_KINDS, type TreatedSide, type TreatmentKind } from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { NewEpisode } from '../../api/types';
import { FormFooter, InputField, SelectField } from '../../components/form';
import { todayIso } from '../../lib/dates';
import { splitList } from '../../lib/text';
import type { EpisodeCommon } from './episode/common';
import { MVD_DEFAULT, MvdFields, mvdBody } from './episode/MvdFields';
import { ORAL_DEFAULT, OralFields, oralBody } from './episode/OralFields';
import { RF_DEFAULT, RfFields, rfBody } from './episode/RfFields';
import { TOXIN_DEFAULT, ToxinFields, toxinBody } from './episode/ToxinFields';

/**
 * Records a treatment episode: the fields every kind shares here, each kind's own fields in its part
 * (episode/*Fields.tsx), matching the server's schema for that kind. Each part keeps what was typed in
 * it while another kind is chosen.
 */
export function EpisodeForm({ patientId, defaultSide }: { patientId: string; defaultSide: TreatedSide }) {
  const { t } = useTranslation();
  const create = usePatientWrite('episodes', patientId, api.createEpisode);
  const [kind, setKind] = useState<TreatmentKind>('botulinum_toxin');
  const [startDate, setStartDate] = useState(todayIso());
  const [side, setSide] = useState<TreatedSide>(defaultSide);
  const [complications, setComplications] = useState('');
  const [toxin, setToxin] = useState(TOXIN_DEFAULT);
  const [mvd, setMvd] = useState(MVD_DEFAULT);
  const [rf, setRf] = useState(RF_DEFAULT);
  const [oral, setOral] = useState(ORAL_DEFAULT);

  function body(): NewEpisode {
    const common: EpisodeCommon = { startDate, side, complications: splitList(complications) };
    switch (kind) {
      case 'botulinum_toxin':
        return toxinBody(common, toxin);
      case 'mvd':
        return mvdBody(common, mvd);
      case 'rf_neurotomy':
        return rfBody(common, rf);
      case 'oral_medication':
        return oralBody(common, oral);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(body());
  }

  return (
    <form onSubmit={submit} data-testid="episode-form" aria-label={t('episode.title')}>
      <div className="row">
        <SelectField
          id="ep-kind"
          label={t('episode.kind')}
          options={TREATMENT_KINDS}
          optionLabel={(k) => t(`options.${k}.name`)}
          value={kind}
          onValue={setKind}
        />
        <InputField
          id="ep-date"
          label={t('episode.date')}
          type="date"
          required
          value={startDate}
          onValue={setStartDate}
        />
        {kind !== 'oral_medication' && (
          <SelectField
            id="ep-side"
            label={t('episode.side')}
            options={TREATED_SIDES}
            optionLabel={(s) => t(`sides.${s}`)}
            value={side}
            onValue={setSide}
          />
        )}
      </div>

      {kind === 'botulinum_toxin' && <ToxinFields value={toxin} onChange={setToxin} />}
      {kind === 'mvd' && <MvdFields value={mvd} onChange={setMvd} />}
      {kind === 'rf_neurotomy' && <RfFields value={rf} onChange={setRf} />}
      {kind === 'oral_medication' && <OralFields value={oral} onChange={setOral} />}

      {kind !== 'botulinum_toxin' && (
        <>
          <InputField
            id="ep-complications"
            label={kind === 'oral_medication' ? t('episode.sideEffects') : t('episode.complications')}
            value={complications}
            onValue={setComplications}
            aria-describedby="ep-complications-hint"
          />
          <p id="ep-complications-hint" className="small muted">
            {t('episode.listHint')}
          </p>
        </>
      )}
      <FormFooter submission={create} submitLabel={t('episode.save')} />
    </form>
  );
}

import { TREATED_SIDES, TREATMENT_KINDS, type TreatedSide, type TreatmentKind } from '@hemispasm/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientWrite } from '../../api/endpoints';
import type { NewEpisode } from '../../api/types';
import { bindFields, choicesOf, DateField, FormFooter, InputField, SelectField } from '../../components/form';
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
  const [common, setCommon] = useState({ startDate: todayIso(), side: defaultSide, complications: '' });
  const [toxin, setToxin] = useState(TOXIN_DEFAULT);
  const [mvd, setMvd] = useState(MVD_DEFAULT);
  const [rf, setRf] = useState(RF_DEFAULT);
  const [oral, setOral] = useState(ORAL_DEFAULT);
  const field = bindFields(common, setCommon);
  const kinds = choicesOf(TREATMENT_KINDS, (k) => t(`options.${k}.name`));
  const sides = choicesOf(TREATED_SIDES, (s) => t(`sides.${s}`));

  function body(): NewEpisode {
    const c: EpisodeCommon = { ...common, complications: splitList(common.complications) };
    switch (kind) {
      case 'botulinum_toxin':
        return toxinBody(c, toxin);
      case 'mvd':
        return mvdBody(c, mvd);
      case 'rf_neurotomy':
        return rfBody(c, rf);
      case 'oral_medication':
        return oralBody(c, oral);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(body());
  }

  return (
    <form onSubmit={submit} data-testid="episode-form" aria-label={t('episode.title')}>
      <div className="row">
        <SelectField id="ep-kind" label={t('episode.kind')} choices={kinds} value={kind} onValue={setKind} />
        <DateField id="ep-date" label={t('episode.date')} required {...field('startDate')} />
        {kind !== 'oral_medication' && (
          <SelectField id="ep-side" label={t('episode.side')} choices={sides} {...field('side')} />
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
            aria-describedby="ep-complications-hint"
            {...field('complications')}
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

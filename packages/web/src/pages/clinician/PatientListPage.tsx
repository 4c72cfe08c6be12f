import { AFFECTED_SIDES, type AffectedSide, SEXES, type Sex } from '@hemispasm/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import { ErrorText } from '../../components/ErrorText';
import { choicesOf, InputField, SelectField } from '../../components/form';
import { TableHead } from '../../components/TableHead';
import { TableWrap } from '../../components/TableWrap';
import { ageFrom } from '../../lib/dates';
import { href } from '../../router';
import { AddPatientForm } from './AddPatientForm';
import { FhirImportCard } from './FhirExchange';

/** The clinic's patients: search by name (server), filter by side and sex, add a patient or import one (FHIR R4). */
export function PatientListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [side, setSide] = useState<AffectedSide | null>(null);
  const [sex, setSex] = useState<Sex | null>(null);
  const list = useQuery({ queryKey: ['patients', q], queryFn: () => api.patients(q) });
  const shown = useMemo(
    () => (list.data ?? []).filter((p) => (!side || p.affectedSide === side) && (!sex || p.sex === sex)),
    [list.data, side, sex],
  );

  const any = t('patients.any');
  const sides = choicesOf(AFFECTED_SIDES, (s) => t(`sides.${s}`));
  const sexes = choicesOf(SEXES, (s) => t(`sexes.${s}`));

  return (
    <section>
      <h1>{t('patients.title')}</h1>
      <div className="card no-print">
        <form className="row" aria-label={t('patients.search')} onSubmit={(e) => e.preventDefault()}>
          <InputField id="patients-q" label={t('patients.search')} type="search" value={q} onValue={setQ} />
          <SelectField
            id="patients-side"
            label={t('patients.side')}
            empty={any}
            choices={sides}
            value={side}
            onValue={setSide}
          />
          <SelectField
            id="patients-sex"
            label={t('patients.sex')}
            empty={any}
            choices={sexes}
            value={sex}
            onValue={setSex}
          />
        </form>
      </div>
      <ErrorText error={list.error} />
      {list.data && (
        <TableWrap label={t('patients.title')}>
          <table data-testid="patient-table">
            <caption className="small muted">{t('patients.count', { n: shown.length })}</caption>
            <TableHead
              columns={[
                t('patients.name'),
                t('patients.age'),
                t('patients.sex'),
                t('patients.side'),
                t('patients.onset'),
              ]}
            />
            <tbody>
              {shown.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href(`/clinic/patients/${p.id}`)}>{p.name}</a>
                  </td>
                  <td>{ageFrom(p.birthDate)}</td>
                  <td>{t(`sexes.${p.sex}`)}</td>
                  <td>{t(`sides.${p.affectedSide}`)}</td>
                  <td>{p.onsetDate ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <AddPatientForm />
      <FhirImportCard />
    </section>
  );
}

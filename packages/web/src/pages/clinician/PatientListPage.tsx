import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { Patient } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
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
  const [side, setSide] = useState<'' | Patient['affectedSide']>('');
  const [sex, setSex] = useState<'' | Patient['sex']>('');
  const list = useQuery({ queryKey: ['patients', q], queryFn: () => api.patients(q) });
  const shown = useMemo(
    () => (list.data ?? []).filter((p) => (!side || p.affectedSide === side) && (!sex || p.sex === sex)),
    [list.data, side, sex],
  );

  return (
    <section>
      <h1>{t('patients.title')}</h1>
      <div className="card no-print">
        <form className="row" aria-label={t('patients.search')} onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="patients-q">{t('patients.search')}</label>
            <input id="patients-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="patients-side">{t('patients.side')}</label>
            <select id="patients-side" value={side} onChange={(e) => setSide(e.target.value as typeof side)}>
              <option value="">{t('patients.any')}</option>
              {AFFECTED_SIDES.map((s) => (
                <option key={s} value={s}>
                  {t(`sides.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="patients-sex">{t('patients.sex')}</label>
            <select id="patients-sex" value={sex} onChange={(e) => setSex(e.target.value as typeof sex)}>
              <option value="">{t('patients.any')}</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {t(`sexes.${s}`)}
                </option>
              ))}
            </select>
          </div>
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

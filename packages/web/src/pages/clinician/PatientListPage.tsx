import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PatientPageQuery } from '../../api/endpoints';
import type { Patient } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ErrorText } from '../../components/ErrorText';
import { choicesOf, InputField, SelectField } from '../../components/form';
import { ageFrom } from '../../lib/dates';
import { href } from '../../router';
import { AddPatientForm } from './AddPatientForm';
import { FhirImportCard } from './FhirExchange';

const PAGE_SIZE = 50;
/** The table's columns (`patients.<column>` strings). */
export const PATIENT_COLUMNS = ['name', 'age', 'sex', 'side', 'onset'] as const;

/**
 * The clinic's patients, one page of 50 at a time in name order: search by name, filter by side and sex
 * (all on the server, so the list stays quick with 100 000 patients), previous / next page by cursor
 * (the server's keyset pagination). The next page is fetched ahead so paging feels instant; add a patient
 * or import one (FHIR R4).
 */
export function PatientListPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [side, setSide] = useState<Patient['affectedSide'] | null>(null);
  const [sex, setSex] = useState<Patient['sex'] | null>(null);
  // cursors[i] opens page i (undefined: the first page).
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length - 1;
  const filters: PatientPageQuery = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(side ? { side } : {}),
    ...(sex ? { sex } : {}),
  };
  const pageQuery = (after: string | undefined) => ({
    queryKey: ['patients', filters, after ?? null],
    queryFn: () => api.patientPage({ ...filters, ...(after ? { after } : {}) }),
  });
  const list = useQuery({ ...pageQuery(cursors[page]), placeholderData: keepPreviousData });
  const next = list.data?.next ?? null;
  useEffect(() => {
    if (next) void qc.prefetchQuery(pageQuery(next));
  });
  // A new search or filter value starts again at the first page.
  const restartWith =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([undefined]);
    };
  const filter = <T,>(value: T | null, set: (value: T | null) => void) => ({
    value,
    onValue: restartWith(set),
    empty: t('patients.any'),
  });
  const sides = choicesOf(AFFECTED_SIDES, (s) => t(`sides.${s}`));
  const sexes = choicesOf(SEXES, (s) => t(`sexes.${s}`));
  const rows = list.data?.patients ?? [];
  const from = page * PAGE_SIZE + 1;

  return (
    <section>
      <h1>{t('patients.title')}</h1>
      <div className="card no-print">
        <form className="row" aria-label={t('patients.search')} onSubmit={(e) => e.preventDefault()}>
          <InputField
            id="patients-q"
            label={t('patients.search')}
            type="search"
            value={q}
            onValue={restartWith(setQ)}
          />
          <SelectField
            id="patients-side"
            label={t('patients.side')}
            choices={sides}
            {...filter(side, setSide)}
          />
          <SelectField id="patients-sex" label={t('patients.sex')} choices={sexes} {...filter(sex, setSex)} />
        </form>
      </div>
      <ErrorText error={list.error} />
      {list.data && (
        <DataTable
          label={t('patients.title')}
          caption={
            rows.length ? t('patients.range', { from, to: from + rows.length - 1 }) : t('patients.none')
          }
          captionClassName="small muted"
          data-testid="patient-table"
          aria-busy={list.isPlaceholderData}
          columns={PATIENT_COLUMNS.map((c) => t(`patients.${c}`))}
        >
          {rows.map((p) => (
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
        </DataTable>
      )}
      {(page > 0 || next) && (
        <nav className="row no-print" aria-label={t('patients.pages')}>
          <button type="button" disabled={page === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('patients.previous')}
          </button>
          <button
            type="button"
            data-testid="patients-next"
            disabled={!next || list.isPlaceholderData}
            onClick={() => next && setCursors([...cursors, next])}
          >
            {t('patients.next')}
          </button>
        </nav>
      )}
      <AddPatientForm />
      <FhirImportCard />
    </section>
  );
}

import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { api, type PatientPageQuery } from '../../api/endpoints';
import { DataTable } from '../../components/DataTable';
import { ErrorText } from '../../components/ErrorText';
import { choicesOf, InputField, SelectField } from '../../components/form';
import { ageFrom } from '../../lib/dates';
import { href } from '../../router';
import { AddPatientForm } from './AddPatientForm';
import { FhirImportCard } from './FhirExchange';
import { type ListPosition, useListPosition } from './patient-list-position';

const PAGE_SIZE = 50;
/** The table's columns (`patients.<column>` strings). */
export const PATIENT_COLUMNS = ['name', 'age', 'sex', 'side', 'onset'] as const;

/** How long typing must pause before the list searches: one request per name typed, not one per key. */
export const SEARCH_PAUSE_MS = 300;

/**
 * The clinic's patients, one page of 50 at a time in name order: search by name, filter by side and sex
 * (all on the server, so the list stays quick with 100 000 patients), first / previous / next page by
 * cursor (the server's keyset pagination; no count of the whole list is ever asked for). The next page is
 * fetched ahead so paging feels instant; the search waits for a pause in typing; the position in the list
 * is kept while the clinician opens a patient and comes back (patient-list-position.ts). Add a patient or
 * import one (FHIR R4).
 */
export function PatientListPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [position, setPosition] = useListPosition(useMe().data?.id);
  const { q, side, sex, cursors } = position;
  const [typed, setTyped] = useState(q);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key of the next page is all that matters
  useEffect(() => {
    if (next) void qc.prefetchQuery(pageQuery(next));
  }, [next, q, side, sex]);
  // A new search, once typing pauses, or a new filter value starts again at the first page.
  useEffect(() => {
    if (typed === q) return;
    // Clearing the search is at once: the whole list's first page is likely still at hand.
    const pause = typed ? SEARCH_PAUSE_MS : 0;
    const timer = setTimeout(() => setPosition((p) => ({ ...p, q: typed, cursors: [undefined] })), pause);
    return () => clearTimeout(timer);
  }, [typed, q, setPosition]);
  const filter = <K extends 'side' | 'sex'>(key: K) => ({
    value: position[key],
    onValue: (value: ListPosition[K]) => setPosition((p) => ({ ...p, [key]: value, cursors: [undefined] })),
    empty: t('patients.any'),
  });
  const goTo = (nextCursors: Array<string | undefined>) =>
    setPosition((p) => ({ ...p, cursors: nextCursors }));
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
            value={typed}
            onValue={setTyped}
          />
          <SelectField id="patients-side" label={t('patients.side')} choices={sides} {...filter('side')} />
          <SelectField id="patients-sex" label={t('patients.sex')} choices={sexes} {...filter('sex')} />
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
          <button
            type="button"
            data-testid="patients-first"
            disabled={page === 0}
            onClick={() => goTo([undefined])}
          >
            {t('patients.first')}
          </button>
          <button
            type="button"
            data-testid="patients-previous"
            disabled={page === 0}
            onClick={() => goTo(cursors.slice(0, -1))}
          >
            {t('patients.previous')}
          </button>
          <button
            type="button"
            data-testid="patients-next"
            disabled={!next || list.isPlaceholderData}
            onClick={() => next && goTo([...cursors, next])}
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

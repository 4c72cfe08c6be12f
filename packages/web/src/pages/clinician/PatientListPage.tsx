import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { api, type PageKey, type PatientPageQuery } from '../../api/endpoints';
import { DataTable } from '../../components/DataTable';
import { ErrorText } from '../../components/ErrorText';
import { choicesOf, InputField, SelectField } from '../../components/form';
import { ageFrom } from '../../lib/dates';
import { href } from '../../router';
import { AddPatientForm } from './AddPatientForm';
import { FhirImportCard } from './FhirExchange';
import {
  currentPage,
  firstRow,
  type ListPosition,
  toFirst,
  toLast,
  toNext,
  toPrevious,
  useListPosition,
} from './patient-list-position';

const PAGE_SIZE = 50;
/** The table's columns (`patients.<column>` strings). */
export const PATIENT_COLUMNS = ['name', 'age', 'sex', 'side', 'onset'] as const;

/** How long typing must pause before the list searches: one request per name typed, not one per key. */
export const SEARCH_PAUSE_MS = 300;

/**
 * The clinic's patients, one page of 50 at a time in name order: search by name, filter by side and sex
 * (all on the server, so the list stays quick with 100 000 patients), how many patients match (counted by
 * the server), first / previous / next / last page by cursor (the server's keyset pagination: Previous goes
 * back through the pages passed through, and from a page reached from the end asks for the page before
 * it). The next page is fetched ahead so paging feels instant; the search waits for a pause in typing;
 * the position in the list is kept while the clinician opens a patient and comes back
 * (patient-list-position.ts). Add a patient or import one (FHIR R4).
 */
export function PatientListPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [position, setPosition] = useListPosition(useMe().data?.id);
  const { q, side, sex } = position;
  const [typed, setTyped] = useState(q);
  const at = currentPage(position);
  const filters: PatientPageQuery = {
    limit: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(side ? { side } : {}),
    ...(sex ? { sex } : {}),
  };
  const pageQuery = (key: PageKey) => ({
    queryKey: ['patients', filters, key],
    queryFn: () => api.patientPage(filters, key),
  });
  const list = useQuery({ ...pageQuery(at.key), placeholderData: keepPreviousData });
  const next = list.data?.next ?? null;
  // The page before is asked of the server only when it was not passed through (reached from the end),
  // and known only once the server has answered for this page.
  const previous =
    position.pages.length === 1 && !list.isPlaceholderData ? (list.data?.previous ?? null) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys of the pages around are all that matter
  useEffect(() => {
    if (next) void qc.prefetchQuery(pageQuery({ after: next }));
    if (previous) void qc.prefetchQuery(pageQuery(previous));
  }, [next, previous?.before, previous?.last, q, side, sex]);
  // A new search, once typing pauses, or a new filter value starts again at the first page.
  useEffect(() => {
    if (typed === q) return;
    // Clearing the search is at once: the whole list's first page is likely still at hand.
    const pause = typed ? SEARCH_PAUSE_MS : 0;
    const timer = setTimeout(() => setPosition((p) => ({ ...toFirst(p), q: typed })), pause);
    return () => clearTimeout(timer);
  }, [typed, q, setPosition]);
  const filter = <K extends 'side' | 'sex'>(key: K) => ({
    value: position[key],
    onValue: (value: ListPosition[K]) => setPosition((p) => ({ ...toFirst(p), [key]: value })),
    empty: t('patients.any'),
  });
  const sides = choicesOf(AFFECTED_SIDES, (s) => t(`sides.${s}`));
  const sexes = choicesOf(SEXES, (s) => t(`sexes.${s}`));
  const rows = list.data?.patients ?? [];
  const total = list.data?.total ?? 0;
  const atStart = position.pages.length === 1 && !previous;
  const atEnd = !next || list.isPlaceholderData;
  const from = firstRow(at, rows.length, total, atStart && !list.isPlaceholderData);

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
        {list.data && (
          <p className="small muted" role="status" data-testid="patients-total">
            {total === 1 ? t('patients.totalOne') : t('patients.total', { count: total })}
          </p>
        )}
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
      {!(atStart && atEnd && !list.isPlaceholderData) && (
        <nav className="row no-print" aria-label={t('patients.pages')}>
          {(
            [
              ['first', atStart, toFirst],
              ['previous', atStart, (p: ListPosition) => toPrevious(p, previous, from)],
              ['next', atEnd, (p: ListPosition) => (next ? toNext(p, next, from, rows.length) : p)],
              ['last', atEnd, toLast],
            ] as const
          ).map(([step, disabled, go]) => (
            <button
              key={step}
              type="button"
              data-testid={`patients-${step}`}
              disabled={disabled}
              onClick={() => setPosition(go)}
            >
              {t(`patients.${step}`)}
            </button>
          ))}
        </nav>
      )}
      <AddPatientForm />
      <FhirImportCard />
    </section>
  );
}

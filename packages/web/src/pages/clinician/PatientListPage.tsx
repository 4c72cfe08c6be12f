import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type PatientPageQuery } from '../../api/endpoints';
import type { NewPatient, Patient } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { TableWrap } from '../../components/TableWrap';
import { ageFrom } from '../../lib/dates';
import { href, navigate } from '../../router';
import { FhirImportCard } from './FhirExchange';

const SIDES = ['left', 'right', 'bilateral'] as const;
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

const PAGE_SIZE = 50;

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
  const [side, setSide] = useState<'' | Patient['affectedSide']>('');
  const [sex, setSex] = useState<'' | Patient['sex']>('');
  // cursors[i] opens page i (undefined: the first page); a new search or filter starts again at page 0.
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
  const restart = () => setCursors([undefined]);
  const rows = list.data?.patients ?? [];
  const from = page * PAGE_SIZE + 1;

  return (
    <section>
      <h1>{t('patients.title')}</h1>
      <div className="card no-print">
        <form className="row" aria-label={t('patients.search')} onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="patients-q">{t('patients.search')}</label>
            <input
              id="patients-q"
              type="search"
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                restart();
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="patients-side">{t('patients.side')}</label>
            <select
              id="patients-side"
              value={side}
              onChange={(e) => {
                setSide(e.target.value as typeof side);
                restart();
              }}
            >
              <option value="">{t('patients.any')}</option>
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {t(`sides.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="patients-sex">{t('patients.sex')}</label>
            <select
              id="patients-sex"
              value={sex}
              onChange={(e) => {
                setSex(e.target.value as typeof sex);
                restart();
              }}
            >
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
          <table data-testid="patient-table" aria-busy={list.isPlaceholderData}>
            <caption className="small muted">
              {rows.length ? t('patients.range', { from, to: from + rows.length - 1 }) : t('patients.none')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('patients.name')}</th>
                <th scope="col">{t('patients.age')}</th>
                <th scope="col">{t('patients.sex')}</th>
                <th scope="col">{t('patients.side')}</th>
                <th scope="col">{t('patients.onset')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </TableWrap>
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
      <AddPatient />
      <FhirImportCard />
    </section>
  );
}

function AddPatient() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<NewPatient>({
    name: '',
    birthDate: '',
    sex: 'female',
    affectedSide: 'left',
    onsetDate: '',
  });
  const create = useMutation({
    mutationFn: (b: NewPatient) => api.createPatient({ ...b, onsetDate: b.onsetDate || null }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['patients'] });
      navigate(`/clinic/patients/${p.id}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(form);
  }
  return (
    <form className="card no-print" onSubmit={submit} aria-labelledby="add-patient">
      <h2 id="add-patient">{t('patients.add')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="np-name">{t('patients.name')}</label>
          <input
            id="np-name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="np-birth">{t('patients.birthDate')}</label>
          <input
            id="np-birth"
            type="date"
            required
            value={form.birthDate}
            onChange={(e) => setForm({ ...form, birthDate: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="np-onset">{t('patients.onset')}</label>
          <input
            id="np-onset"
            type="date"
            value={form.onsetDate ?? ''}
            onChange={(e) => setForm({ ...form, onsetDate: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="np-sex">{t('patients.sex')}</label>
          <select
            id="np-sex"
            value={form.sex}
            onChange={(e) => setForm({ ...form, sex: e.target.value as NewPatient['sex'] })}
          >
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`sexes.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="np-side">{t('patients.side')}</label>
          <select
            id="np-side"
            value={form.affectedSide}
            onChange={(e) => setForm({ ...form, affectedSide: e.target.value as NewPatient['affectedSide'] })}
          >
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {t(`sides.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorText error={create.error} />
      <button type="submit" disabled={create.isPending}>
        {t('patients.addSubmit')}
      </button>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientList, usePatientWrite } from '../../api/endpoints';
import type { NewDiaryEntry } from '../../api/types';
import { ErrorText } from '../../components/ErrorText';
import { TableWrap } from '../../components/TableWrap';
import { todayIso } from '../../lib/dates';

const TOXIN_MARKS = ['toxinInjectionDay', 'toxinEffectNoticed', 'toxinWearingOff'] as const;

interface DiaryForm {
  entryDate: string;
  severity: number;
  spasmEpisodes: number | null;
  notes: string;
  toxinInjectionDay: boolean;
  toxinEffectNoticed: boolean;
  toxinWearingOff: boolean;
}

/** Only what the patient filled in goes to the server (empty optional fields are left out). */
function toBody(f: DiaryForm): NewDiaryEntry {
  return {
    entryDate: f.entryDate,
    severity: f.severity,
    ...(f.spasmEpisodes !== null ? { spasmEpisodes: f.spasmEpisodes } : {}),
    ...(f.notes.trim() ? { notes: f.notes.trim() } : {}),
    toxinInjectionDay: f.toxinInjectionDay,
    toxinEffectNoticed: f.toxinEffectNoticed,
    toxinWearingOff: f.toxinWearingOff,
  };
}

/** The patient's diary: how bad the spasm was today, and the botulinum toxin cycle marks. */
export function DiaryPage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const entries = usePatientList('diary', patientId);
  const create = usePatientWrite('diary', patientId, api.createDiary);
  const blank: DiaryForm = {
    entryDate: todayIso(),
    severity: 3,
    spasmEpisodes: null,
    notes: '',
    toxinInjectionDay: false,
    toxinEffectNoticed: false,
    toxinWearingOff: false,
  };
  const [form, setForm] = useState<DiaryForm>(blank);
  const [done, setDone] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    create.mutate(toBody(form), {
      onSuccess: () => {
        setDone(true);
        setForm({ ...blank, entryDate: form.entryDate });
      },
    });
  }

  return (
    <section>
      <h1>{t('diary.title')}</h1>
      <p className="muted">{t('diary.intro')}</p>
      <form className="card" onSubmit={submit} aria-labelledby="diary-new">
        <h2 id="diary-new">{t('diary.new')}</h2>
        <div className="row">
          <div className="field">
            <label htmlFor="diary-date">{t('common.date')}</label>
            <input
              id="diary-date"
              type="date"
              required
              value={form.entryDate}
              onChange={(e) => setForm({ ...form, entryDate: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="diary-severity">{t('diary.severity', { value: form.severity })}</label>
            <input
              id="diary-severity"
              type="range"
              min={0}
              max={10}
              step={1}
              value={form.severity}
              aria-valuetext={t('diary.severityValue', { value: form.severity })}
              onChange={(e) => setForm({ ...form, severity: Number(e.target.value) })}
            />
            <span className="small muted">{t('diary.severityHint')}</span>
          </div>
          <div className="field">
            <label htmlFor="diary-episodes">{t('diary.episodes')}</label>
            <input
              id="diary-episodes"
              type="number"
              min={0}
              value={form.spasmEpisodes ?? ''}
              onChange={(e) =>
                setForm({ ...form, spasmEpisodes: e.target.value === '' ? null : Number(e.target.value) })
              }
            />
          </div>
        </div>
        <fieldset>
          <legend>{t('diary.toxinCycle')}</legend>
          {TOXIN_MARKS.map((m) => (
            <label key={m} className="choice">
              <input
                type="checkbox"
                checked={form[m]}
                onChange={(e) => setForm({ ...form, [m]: e.target.checked })}
              />
              {t(`diary.${m}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="diary-notes">{t('common.notes')}</label>
          <textarea
            id="diary-notes"
            rows={2}
            value={form.notes}
            onChange={(e) => setForm({ ...form, notes: e.target.value })}
          />
        </div>
        <ErrorText error={create.error} />
        {done && (
          <p className="success" role="status">
            {t('common.saved')}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t('diary.add')}
        </button>
      </form>

      <h2>{t('diary.entries')}</h2>
      <ErrorText error={entries.error} />
      {entries.data && entries.data.length === 0 && <p>{t('common.none')}</p>}
      {entries.data && entries.data.length > 0 && (
        <TableWrap label={t('diary.entries')}>
          <table data-testid="diary-table">
            <caption className="muted small">{t('diary.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.date')}</th>
                <th scope="col">{t('diary.severityShort')}</th>
                <th scope="col">{t('diary.episodesShort')}</th>
                <th scope="col">{t('diary.toxinCycle')}</th>
                <th scope="col">{t('common.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries.data]
                .sort((a, b) => b.entryDate.localeCompare(a.entryDate))
                .map((e) => (
                  <tr key={e.id}>
                    <td>{e.entryDate}</td>
                    <td>{e.severity}</td>
                    <td>{e.spasmEpisodes ?? '—'}</td>
                    <td>
                      {TOXIN_MARKS.filter((m) => e[m])
                        .map((m) => t(`diary.${m}`))
                        .join('; ') || '—'}
                    </td>
                    <td>{e.notes ?? ''}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

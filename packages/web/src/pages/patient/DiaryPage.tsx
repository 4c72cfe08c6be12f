import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, usePatientList, usePatientWrite } from '../../api/endpoints';
import type { NewDiaryEntry } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { ErrorText } from '../../components/ErrorText';
import {
  bindChecks,
  bindFields,
  Checkbox,
  DateField,
  FormFooter,
  InputField,
  TextAreaField,
} from '../../components/form';
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
  const field = bindFields(form, setForm);
  const check = bindChecks(form, setForm);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(toBody(form), { onSuccess: () => setForm({ ...blank, entryDate: form.entryDate }) });
  }

  return (
    <section>
      <h1>{t('diary.title')}</h1>
      <p className="muted">{t('diary.intro')}</p>
      <form className="card" onSubmit={submit} aria-labelledby="diary-new">
        <h2 id="diary-new">{t('diary.new')}</h2>
        <div className="row">
          <DateField id="diary-date" label={t('common.date')} required {...field('entryDate')} />
          <InputField
            id="diary-severity"
            label={t('diary.severity', { value: form.severity })}
            hint={t('diary.severityHint')}
            type="range"
            min={0}
            max={10}
            step={1}
            aria-valuetext={t('diary.severityValue', { value: form.severity })}
            value={form.severity}
            onValue={(v) => setForm({ ...form, severity: Number(v) })}
          />
          <InputField
            id="diary-episodes"
            label={t('diary.episodes')}
            type="number"
            min={0}
            value={form.spasmEpisodes ?? ''}
            onValue={(v) => setForm({ ...form, spasmEpisodes: v === '' ? null : Number(v) })}
          />
        </div>
        <fieldset>
          <legend>{t('diary.toxinCycle')}</legend>
          {TOXIN_MARKS.map((m) => (
            <Checkbox key={m} label={t(`diary.${m}`)} {...check(m)} />
          ))}
        </fieldset>
        <TextAreaField id="diary-notes" label={t('common.notes')} {...field('notes')} />
        <FormFooter submission={create} submitLabel={t('diary.add')} />
      </form>

      <h2>{t('diary.entries')}</h2>
      <ErrorText error={entries.error} />
      {entries.data && entries.data.length === 0 && <p>{t('common.none')}</p>}
      {entries.data && entries.data.length > 0 && (
        <DataTable
          label={t('diary.entries')}
          caption={t('diary.tableCaption')}
          captionClassName="muted small"
          data-testid="diary-table"
          columns={[
            t('common.date'),
            t('diary.severityShort'),
            t('diary.episodesShort'),
            t('diary.toxinCycle'),
            t('common.notes'),
          ]}
        >
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
        </DataTable>
      )}
    </section>
  );
}

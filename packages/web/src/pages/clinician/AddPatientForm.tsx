import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { NewPatient } from '../../api/types';
import { FormFooter, InputField, SelectField } from '../../components/form';
import { navigate } from '../../router';

/** Adds a patient to the clinician's clinic and opens the new patient's page. */
export function AddPatientForm() {
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
        <InputField
          id="np-name"
          label={t('patients.name')}
          required
          value={form.name}
          onValue={(name) => setForm({ ...form, name })}
        />
        <InputField
          id="np-birth"
          label={t('patients.birthDate')}
          type="date"
          required
          value={form.birthDate}
          onValue={(birthDate) => setForm({ ...form, birthDate })}
        />
        <InputField
          id="np-onset"
          label={t('patients.onset')}
          type="date"
          value={form.onsetDate ?? ''}
          onValue={(onsetDate) => setForm({ ...form, onsetDate })}
        />
        <SelectField
          id="np-sex"
          label={t('patients.sex')}
          options={SEXES}
          optionLabel={(s) => t(`sexes.${s}`)}
          value={form.sex}
          onValue={(sex) => setForm({ ...form, sex })}
        />
        <SelectField
          id="np-side"
          label={t('patients.side')}
          options={AFFECTED_SIDES}
          optionLabel={(s) => t(`sides.${s}`)}
          value={form.affectedSide}
          onValue={(affectedSide) => setForm({ ...form, affectedSide })}
        />
      </div>
      <FormFooter submission={create} submitLabel={t('patients.addSubmit')} showSaved={false} />
    </form>
  );
}

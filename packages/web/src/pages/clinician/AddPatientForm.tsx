import { AFFECTED_SIDES, SEXES } from '@hemispasm/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { NewPatient } from '../../api/types';
import { bindFields, choicesOf, DateField, FormFooter, InputField, SelectField } from '../../components/form';
import { navigate } from '../../router';

type Draft = Omit<NewPatient, 'onsetDate'> & { onsetDate: string };

/** Adds a patient to the clinician's clinic and opens the new patient's page. */
export function AddPatientForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<Draft>({
    name: '',
    birthDate: '',
    sex: 'female',
    affectedSide: 'left',
    onsetDate: '',
  });
  const create = useMutation({
    mutationFn: (b: Draft) => api.createPatient({ ...b, onsetDate: b.onsetDate || null }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['patients'] });
      navigate(`/clinic/patients/${p.id}`);
    },
  });
  const field = bindFields(form, setForm);
  const sexes = choicesOf(SEXES, (s) => t(`sexes.${s}`));
  const sides = choicesOf(AFFECTED_SIDES, (s) => t(`sides.${s}`));
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(form);
  }
  return (
    <form className="card no-print" onSubmit={submit} aria-labelledby="add-patient">
      <h2 id="add-patient">{t('patients.add')}</h2>
      <div className="row">
        <InputField id="np-name" label={t('patients.name')} required {...field('name')} />
        <DateField id="np-birth" label={t('patients.birthDate')} required {...field('birthDate')} />
        <DateField id="np-onset" label={t('patients.onset')} {...field('onsetDate')} />
        <SelectField id="np-sex" label={t('patients.sex')} choices={sexes} {...field('sex')} />
        <SelectField id="np-side" label={t('patients.side')} choices={sides} {...field('affectedSide')} />
      </div>
      <FormFooter submission={create} submitLabel={t('patients.addSubmit')} showSaved={false} />
    </form>
  );
}

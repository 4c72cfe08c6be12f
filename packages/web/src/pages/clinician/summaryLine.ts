import type { TFunction } from 'i18next';
import type { Patient } from '../../api/types';
import { ageFrom } from '../../lib/dates';

/** "67 years · female · left side · onset 2025-05-20": the line under a patient's name. */
export function summaryLine(t: TFunction, p: Patient): string {
  return t('patient.summaryLine', {
    age: ageFrom(p.birthDate),
    sex: t(`sexes.${p.sex}`),
    side: t(`sides.${p.affectedSide}`),
    onset: p.onsetDate ?? '—',
  });
}

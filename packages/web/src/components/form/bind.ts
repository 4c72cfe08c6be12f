/**
 * Connects a form block to one field of a form's state object, so a field is one short line:
 *   const field = bindFields(form, setForm);
 *   <InputField id="np-name" label={t('patients.name')} required {...field('name')} />
 */
export function bindFields<F extends object>(form: F, setForm: (next: F) => void) {
  return <K extends keyof F>(key: K) => ({
    value: form[key],
    onValue: (value: F[K]) => setForm({ ...form, [key]: value }),
  });
}

/** The same for a checkbox (`checked` / `onChecked`). */
export function bindChecks<F extends object>(form: F, setForm: (next: F) => void) {
  return <K extends { [P in keyof F]: F[P] extends boolean ? P : never }[keyof F]>(key: K) => ({
    checked: form[key] as boolean,
    onChecked: (checked: boolean) => setForm({ ...form, [key]: checked }),
  });
}

import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled control: the label names the control with the same `id`; an optional hint below it. */
export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="small muted">{hint}</span>}
    </div>
  );
}

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled `<input>` (text, date, number, email, …) that reports its new text through `onValue`. */
export function InputField({
  id,
  label,
  hint,
  value,
  onValue,
  ...input
}: InputAttributes & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string | number;
  onValue: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input id={id} value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </Field>
  );
}

/** A labelled number `<input>`; an emptied box reports 0 (the browser's `required`/`min` say what is allowed). */
export function NumberField({
  value,
  onValue,
  ...props
}: Omit<Parameters<typeof InputField>[0], 'value' | 'onValue' | 'type'> & {
  value: number;
  onValue: (value: number) => void;
}) {
  return <InputField {...props} type="number" value={value} onValue={(v) => onValue(Number(v))} />;
}

/** A labelled date `<input>` (ISO `YYYY-MM-DD`, as the API takes dates). */
export function DateField(props: Omit<Parameters<typeof InputField>[0], 'type'>) {
  return <InputField {...props} type="date" />;
}

/** A labelled multi-line text box. */
export function TextAreaField({
  id,
  label,
  value,
  onValue,
  rows = 2,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
}) {
  return (
    <Field id={id} label={label}>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onValue(e.target.value)} />
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function Checkbox({
  label,
  checked,
  onChecked,
}: {
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />
      {label}
    </label>
  );
}

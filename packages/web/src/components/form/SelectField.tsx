import type { ReactNode } from 'react';
import { Field } from './Field';

type Value = string | number;

/** One choice of a select: the value it stands for and how it is shown. */
export interface Choice<T extends Value> {
  value: T;
  label: string;
}

/** The choices for a list of values (usually one of core's vocabularies), in its order. */
export function choicesOf<T extends Value>(
  values: readonly T[],
  label: (value: T) => string = String,
): Choice<T>[] {
  return values.map((value) => ({ value, label: label(value) }));
}

// The choices alone decide T (NoInfer): value and onValue must then fit them.
type SelectProps<T extends Value> = {
  id: string;
  label: ReactNode;
  choices: readonly Choice<T>[];
  /** With `empty`: the browser refuses the form while the empty choice is selected. */
  required?: boolean;
} & (
  | { empty?: undefined; value: NoInfer<T>; onValue: (value: NoInfer<T>) => void }
  /** With `empty`, a first choice with that label stands for "not given": the value is then null. */
  | { empty: string; value: NoInfer<T> | null; onValue: (value: NoInfer<T> | null) => void }
);

/** A labelled `<select>` over a list of choices, optionally with an empty first choice. */
export function SelectField<T extends Value>(props: SelectProps<T>) {
  const { id, label, choices, empty, value, required } = props;
  function choose(raw: string) {
    const chosen = choices.find((c) => String(c.value) === raw)?.value ?? null;
    if (props.empty !== undefined) props.onValue(chosen);
    else if (chosen !== null) props.onValue(chosen);
  }
  return (
    <Field id={id} label={label}>
      <select id={id} required={required} value={value ?? ''} onChange={(e) => choose(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

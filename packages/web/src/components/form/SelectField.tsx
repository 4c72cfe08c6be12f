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

interface SelectProps<T extends Value> {
  id: string;
  label: ReactNode;
  choices: readonly Choice<T>[];
}

/** A labelled `<select>` over a list of choices. */
export function SelectField<T extends Value>({
  value,
  onValue,
  ...props
}: SelectProps<T> & { value: T; onValue: (value: T) => void }) {
  return <Select {...props} value={value} onValue={(v) => v !== null && onValue(v)} />;
}

/** The same with a first choice, labelled `empty`, that stands for "not given" (null). */
export function OptionalSelectField<T extends Value>(
  props: SelectProps<T> & { value: T | null; onValue: (value: T | null) => void; empty: string },
) {
  return <Select {...props} />;
}

function Select<T extends Value>({
  id,
  label,
  choices,
  value,
  onValue,
  empty,
}: SelectProps<T> & { value: T | null; onValue: (value: T | null) => void; empty?: string }) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onValue(choices.find((c) => String(c.value) === e.target.value)?.value ?? null)}
      >
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

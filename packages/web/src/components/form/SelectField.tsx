import type { ReactNode } from 'react';
import { Field } from './Field';

type Choice = string | number;

interface SelectProps<T extends Choice> {
  id: string;
  label: ReactNode;
  /** The values to choose from (usually one of core's vocabularies), in the order shown. */
  options: readonly T[];
  /** How a value is shown; by default as it is. */
  optionLabel?: (value: T) => string;
}

/** A labelled `<select>` over a list of values. */
export function SelectField<T extends Choice>({
  value,
  onValue,
  ...props
}: SelectProps<T> & { value: T; onValue: (value: T) => void }) {
  return <Select {...props} value={value} onValue={(v) => v !== null && onValue(v)} />;
}

/** The same with a first choice, labelled `empty`, that stands for "not given" (null). */
export function OptionalSelectField<T extends Choice>(
  props: SelectProps<T> & { value: T | null; onValue: (value: T | null) => void; empty: string },
) {
  return <Select {...props} />;
}

function Select<T extends Choice>({
  id,
  label,
  options,
  optionLabel = String,
  value,
  onValue,
  empty,
}: SelectProps<T> & { value: T | null; onValue: (value: T | null) => void; empty?: string }) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onValue(options.find((o) => String(o) === e.target.value) ?? null)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </Field>
  );
}

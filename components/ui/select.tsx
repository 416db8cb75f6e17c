// A labelled native select (keyboard and screen-reader behaviour come for free).
import type { SelectHTMLAttributes } from "react";
import { controlClass, describedBy, FieldShell, type FieldProps } from "./field";

/** `translate: "no"` marks a label that is an identifier ("customers.exported"), not a word. */
export type Option = { value: string; label: string; translate?: "no" };

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> &
  Omit<FieldProps, "id"> & { id?: string; name: string; options: readonly Option[] };

export function Select({ id, name, label, hint, error, hideLabel, className, options, ...rest }: SelectProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <select
        id={fieldId}
        name={name}
        className={`${controlClass} pr-8`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} translate={o.translate}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

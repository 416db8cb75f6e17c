// A labelled text input with hint and error text.
import type { InputHTMLAttributes } from "react";
import { controlClass, describedBy, FieldShell, type FieldProps } from "./field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> &
  Omit<FieldProps, "id"> & { id?: string; name: string };

export function Input({ id, name, label, hint, error, hideLabel, className, ...rest }: InputProps) {
  const fieldId = id ?? `field-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <input
        id={fieldId}
        name={name}
        className={controlClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

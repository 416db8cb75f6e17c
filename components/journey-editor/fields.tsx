// Small labelled controls the editor needs beyond components/ui: a textarea, on the same FieldShell.
import type { TextareaHTMLAttributes } from "react";
import { controlClass, describedBy, FieldShell, type FieldProps } from "../ui/field";

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> &
  Omit<FieldProps, "id"> & { id: string; name: string };

export function Textarea({ id, name, label, hint, error, hideLabel, className, rows = 3, ...rest }: TextareaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel} className={className}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={controlClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

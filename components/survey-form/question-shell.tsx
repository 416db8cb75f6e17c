// One question as a fieldset: the question text is the legend (with the required marker inside it, so a
// screen reader announces both), the error sits right under it and is tied to the group.
import type { ReactNode } from "react";

export type QuestionShellProps = {
  id: string;
  legend: string;
  required: boolean;
  requiredLabel: string;
  error?: string;
  children: ReactNode;
};

export function RequiredMark({ label }: { label: string }) {
  return (
    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs font-medium text-slate-700">
      {label}
    </span>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-sm font-medium text-danger">
      {error}
    </p>
  ) : null;
}

export function QuestionFieldset({ id, legend, required, requiredLabel, error, children }: QuestionShellProps) {
  return (
    <fieldset
      className="min-w-0"
      aria-describedby={error ? `${id}-error` : undefined}
      data-invalid={error ? "true" : undefined}
    >
      <legend className="text-base leading-snug font-medium text-slate-900">
        {legend}
        {required ? (
          <>
            {" "}
            <RequiredMark label={requiredLabel} />
          </>
        ) : null}
      </legend>
      <FieldError id={`${id}-error`} error={error} />
      <div className="mt-3">{children}</div>
    </fieldset>
  );
}

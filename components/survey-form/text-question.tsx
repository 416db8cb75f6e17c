// A free-text question: one control, so a plain label rather than a fieldset.
import { useId } from "react";
import type { PublicQuestion } from "@/lib/surveys/public-service";
import { TEXT_MAX_LENGTH } from "@/lib/surveys/limits";
import { FieldError, RequiredMark } from "./question-shell";

type Props = {
  question: PublicQuestion;
  value: string;
  error?: string;
  strings: { required: string; textHint: string };
  onChange: (value: string) => void;
};

export function TextQuestion({ question, value, error, strings, onChange }: Props) {
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex min-w-0 flex-col" data-invalid={error ? "true" : undefined}>
      <label htmlFor={id} className="text-base leading-snug font-medium text-slate-900">
        {question.text}
        {question.required ? (
          <>
            {" "}
            <RequiredMark label={strings.required} />
          </>
        ) : null}
      </label>
      <FieldError id={`${id}-error`} error={error} />
      <textarea
        id={id}
        name={question.key}
        rows={4}
        maxLength={TEXT_MAX_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={question.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-3 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-500 aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {strings.textHint}
      </p>
    </div>
  );
}

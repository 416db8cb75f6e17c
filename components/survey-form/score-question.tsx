// A score scale as a radio group: native radios (arrow keys move and select, Tab leaves the group), drawn
// as numbered boxes. The end points carry their meaning in the accessible name ("0 – Not at all likely").
// 0–10 wraps into two rows below the sm breakpoint so each box stays a comfortable touch target at 375 px.
import { useId, type CSSProperties } from "react";
import type { PublicQuestion } from "@/lib/surveys/public-service";
import { QuestionFieldset } from "./question-shell";

type Props = {
  question: PublicQuestion;
  value: number | undefined;
  error?: string;
  requiredLabel: string;
  onChange: (value: number) => void;
};

export function ScoreQuestion({ question, value, error, requiredLabel, onChange }: Props) {
  const id = useId();
  const { min, max, minLabel, maxLabel } = question.scale!;
  const points = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  const narrowCols = points.length <= 7 ? points.length : Math.ceil(points.length / 2);
  const style = {
    "--cols": `repeat(${points.length}, minmax(0, 1fr))`,
    "--cols-narrow": `repeat(${narrowCols}, minmax(0, 1fr))`,
  } as CSSProperties;
  return (
    <QuestionFieldset
      id={id}
      legend={question.text}
      required={question.required}
      requiredLabel={requiredLabel}
      error={error}
    >
      <div className="grid grid-cols-(--cols-narrow) gap-1.5 sm:grid-cols-(--cols)" style={style}>
        {points.map((p) => (
          <label key={p} className="block">
            <input
              type="radio"
              name={`${id}-score`}
              value={p}
              checked={value === p}
              onChange={() => onChange(p)}
              required={question.required}
              data-invalid={error ? "true" : undefined}
              className="peer sr-only"
            />
            <span className="flex h-11 items-center justify-center rounded-md border border-slate-300 bg-white text-sm font-semibold text-slate-800 tabular-nums transition-colors select-none hover:border-brand-500 hover:bg-brand-50 peer-data-invalid:border-danger peer-checked:border-brand-700 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600">
              {p}
            </span>
            {p === min && minLabel ? <span className="sr-only">{` – ${minLabel}`}</span> : null}
            {p === max && maxLabel ? <span className="sr-only">{` – ${maxLabel}`}</span> : null}
          </label>
        ))}
      </div>
      {minLabel || maxLabel ? (
        <div aria-hidden="true" className="mt-2 flex justify-between gap-6 text-xs text-slate-600">
          <span>{minLabel}</span>
          <span className="text-right">{maxLabel}</span>
        </div>
      ) : null}
    </QuestionFieldset>
  );
}

// single_choice (radios), multi_choice (checkboxes) and yes_no (two radios) as one list of large,
// labelled native controls: the whole row is the click target, focus shows on the control itself.
import { useId } from "react";
import type { PublicQuestion } from "@/lib/surveys/public-service";
import type { AnswerValue } from "@/lib/surveys/logic";
import { QuestionFieldset } from "./question-shell";

type Props = {
  question: PublicQuestion;
  value: AnswerValue | undefined;
  error?: string;
  strings: { required: string; yes: string; no: string };
  onChange: (value: AnswerValue) => void;
};

const row =
  "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border bg-white px-3 py-2 text-sm text-slate-800 hover:border-brand-500 hover:bg-brand-50 has-checked:border-brand-600 has-checked:bg-brand-50";

export function ChoiceQuestion({ question, value, error, strings, onChange }: Props) {
  const id = useId();
  const multi = question.type === "multi_choice";
  const items =
    question.type === "yes_no"
      ? [
          { key: "yes", label: strings.yes, checked: value === true, pick: () => onChange(true) },
          { key: "no", label: strings.no, checked: value === false, pick: () => onChange(false) },
        ]
      : (question.options ?? []).map((o) => {
          const list = Array.isArray(value) ? value : [];
          const checked = multi ? list.includes(o.key) : value === o.key;
          const pick = multi
            ? () => onChange(checked ? list.filter((k) => k !== o.key) : [...list, o.key])
            : () => onChange(o.key);
          return { key: o.key, label: o.label, checked, pick };
        });
  return (
    <QuestionFieldset
      id={id}
      legend={question.text}
      required={question.required}
      requiredLabel={strings.required}
      error={error}
    >
      <div className={question.type === "yes_no" ? "grid grid-cols-2 gap-2" : "flex flex-col gap-2"}>
        {items.map((item) => (
          <label key={item.key} className={`${row} ${error ? "border-danger" : "border-slate-300"}`}>
            <input
              type={multi ? "checkbox" : "radio"}
              name={`${id}-choice`}
              value={item.key}
              checked={item.checked}
              onChange={item.pick}
              required={question.required && !multi}
              aria-invalid={error ? true : undefined}
              className="size-4 shrink-0 accent-brand-600"
            />
            <span>{item.label}</span>
          </label>
        ))}
      </div>
    </QuestionFieldset>
  );
}

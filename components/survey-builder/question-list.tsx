"use client";
// The survey's questions as cards in order (or the empty state), and the buttons that add one of each type. Moving or removing a question clears the
// API's field errors, whose paths name questions by position; after a move the focus follows the button.
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { QUESTION_TYPES, type QuestionType } from "@/lib/surveys/question-schema";
import { buttonClass } from "../ui/button";
import { move, type EditorQuestion } from "./editor-model";
import { QuestionCard } from "./question-card";

type Props = {
  questions: EditorQuestion[];
  language: string;
  metricHeadline: boolean;
  errors: Record<string, string>;
  onEdit: (next: EditorQuestion[], clearErrors?: boolean) => void;
};

export function QuestionList({ questions, language, metricHeadline, errors, onEdit }: Props) {
  const t = useTranslations("surveys.editor.list");
  if (questions.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  return (
    <ol className="flex flex-col gap-3">
      {questions.map((q, i) => (
        <QuestionCard
          key={q.uid}
          index={i}
          count={questions.length}
          question={q}
          earlier={questions.slice(0, i)}
          language={language}
          metricHeadline={metricHeadline}
          errors={errors}
          onChange={(nq) => onEdit(questions.map((x, k) => (k === i ? nq : x)))}
          onMove={(to) => {
            onEdit(move(questions, i, to), true);
            requestAnimationFrame(() =>
              document
                .querySelector<HTMLButtonElement>(`[data-move="${to}-${to < i ? "up" : "down"}"]:not(:disabled)`)
                ?.focus(),
            );
          }}
          onRemove={() =>
            onEdit(
              questions.filter((_, k) => k !== i),
              true,
            )
          }
        />
      ))}
    </ol>
  );
}

export function AddQuestion({ onAdd }: { onAdd: (type: QuestionType) => void }) {
  const t = useTranslations("surveys.editor");
  return (
    <div role="group" aria-label={t("list.addGroup")} className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-800">{t("list.add")}</span>
      {QUESTION_TYPES.map((type: QuestionType) => (
        <button key={type} type="button" className={buttonClass("secondary", "sm")} onClick={() => onAdd(type)}>
          <Plus aria-hidden="true" size={16} /> {t(`types.${type}`)}
        </button>
      ))}
    </div>
  );
}

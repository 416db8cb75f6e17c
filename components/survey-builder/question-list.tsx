"use client";
// The survey's questions as cards in order (or the empty state), and the buttons that add one of each type. Moving or removing a question clears the
// API's field errors, whose paths name questions by position; after a move the focus follows the button.
import { Plus } from "lucide-react";
import { QUESTION_TYPES, type QuestionType } from "@/lib/surveys/question-schema";
import { buttonClass } from "../ui/button";
import { move, TYPE_LABELS, type EditorQuestion } from "./editor-model";
import { QuestionCard } from "./question-card";

type Props = {
  questions: EditorQuestion[];
  language: string;
  metricHeadline: boolean;
  errors: Record<string, string>;
  onEdit: (next: EditorQuestion[], clearErrors?: boolean) => void;
};

export function QuestionList({ questions, language, metricHeadline, errors, onEdit }: Props) {
  if (questions.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        No questions yet. Add one below.
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
                .querySelector<HTMLButtonElement>(
                  `[aria-label="Move question ${to + 1} ${to < i ? "up" : "down"}"]:not(:disabled)`,
                )
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
  return (
    <div role="group" aria-label="Add a question" className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-800">Add:</span>
      {QUESTION_TYPES.map((t: QuestionType) => (
        <button key={t} type="button" className={buttonClass("secondary", "sm")} onClick={() => onAdd(t)}>
          <Plus aria-hidden="true" size={16} /> {TYPE_LABELS[t]}
        </button>
      ))}
    </div>
  );
}

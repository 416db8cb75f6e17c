"use client";
// One question in the editor: text in the selected language, key, type, required, scale, options, skip
// logic, and move up/down/remove buttons. Answered questions are locked for key, type, scale and existing
// option keys (docs/surveys.md, "Versioning"); the inputs say so instead of failing on save.
import { ArrowDown, ArrowUp, Lock, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { QUESTION_TYPES, type QuestionType } from "@/lib/surveys/question-schema";
import { Badge } from "../ui/badge";
import { buttonClass } from "../ui/button";
import { controlClass } from "../ui/field";
import type { EditorQuestion } from "./editor-model";
import { LogicEditor } from "./logic-editor";

type Props = {
  index: number;
  count: number;
  question: EditorQuestion;
  earlier: EditorQuestion[];
  language: string;
  metricHeadline: boolean;
  errors: Record<string, string>;
  onChange: (q: EditorQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
};

// Locked inputs look locked (controlClass has no disabled style of its own).
const lockable = `${controlClass} disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600`;

function ErrorText({ id, text }: { id?: string; text?: string }) {
  return text ? (
    <p id={id} className="text-sm font-medium text-danger">
      {text}
    </p>
  ) : null;
}

export function QuestionCard({
  index,
  count,
  question: q,
  earlier,
  language,
  metricHeadline,
  errors,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const t = useTranslations("surveys.editor");
  const id = `question-${q.uid}`;
  const err = (path: string) => errors[`questions.${index}.${path}`];
  const textErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith(`questions.${index}.text.`))
    .map(([, v]) => v);
  const set = (patch: Partial<EditorQuestion>) => onChange({ ...q, ...patch });
  const lockNote = q.locked ? t("card.locked", { count: q.answerCount }) : undefined;
  const choice = q.type === "single_choice" || q.type === "multi_choice";

  function changeType(type: QuestionType) {
    const isChoice = type === "single_choice" || type === "multi_choice";
    set({
      type,
      scaleMin: type === "score" ? (q.scaleMin ?? 1) : null,
      scaleMax: type === "score" ? (q.scaleMax ?? 5) : null,
      options: isChoice
        ? q.options.length
          ? q.options
          : [1, 2].map((i) => ({ key: `option_${i}`, label: { [language]: "" } }))
        : [],
    });
  }

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`${id}-title`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
          <span>{t("card.title", { n: index + 1 })}</span>
          <span className="font-normal text-slate-600">{t(`types.${q.type}`)}</span>
          {q.headline ? <Badge tone="brand">{t("card.headline")}</Badge> : null}
          {q.servqualDimension ? <Badge>{`${q.servqualRole} · ${q.servqualDimension}`}</Badge> : null}
          {q.locked ? (
            <Badge tone="warn">
              <Lock aria-hidden="true" size={12} /> {lockNote}
            </Badge>
          ) : null}
        </h3>
        <div className="flex gap-1">
          <button
            type="button"
            className={buttonClass("ghost", "sm")}
            onClick={() => onMove(index - 1)}
            disabled={index === 0}
            aria-label={t("card.moveUp", { n: index + 1 })}
            data-move={`${index}-up`}
          >
            <ArrowUp aria-hidden="true" size={16} />
          </button>
          <button
            type="button"
            className={buttonClass("ghost", "sm")}
            onClick={() => onMove(index + 1)}
            disabled={index === count - 1}
            aria-label={t("card.moveDown", { n: index + 1 })}
            data-move={`${index}-down`}
          >
            <ArrowDown aria-hidden="true" size={16} />
          </button>
          <button
            type="button"
            className={buttonClass("ghost", "sm", "text-danger")}
            onClick={onRemove}
            aria-label={t("card.remove", { n: index + 1 })}
            disabled={q.headline && metricHeadline}
          >
            <Trash2 aria-hidden="true" size={16} />
          </button>
        </div>
      </div>

      <div className="mt-3 flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-text`} className="text-sm font-medium text-slate-800">
            {t("card.text", { language })}
          </label>
          <textarea
            id={`${id}-text`}
            rows={2}
            className={`${controlClass} field-sizing-content min-h-16`}
            value={q.text[language] ?? ""}
            onChange={(e) => set({ text: { ...q.text, [language]: e.target.value } })}
            aria-invalid={textErrors.length ? true : undefined}
            aria-describedby={textErrors.length ? `${id}-text-error` : undefined}
            maxLength={500}
          />
          {textErrors.length ? (
            <p id={`${id}-text-error`} className="text-sm font-medium text-danger">
              {textErrors.join(" · ")}
            </p>
          ) : null}
        </div>

        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-key`} className="text-sm font-medium text-slate-800">
              {t("card.key")}
            </label>
            <input
              id={`${id}-key`}
              className={`${lockable} font-mono`}
              value={q.key}
              onChange={(e) => set({ key: e.target.value })}
              disabled={q.locked}
              aria-invalid={err("key") ? true : undefined}
              title={lockNote}
            />
            <ErrorText text={err("key")} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-type`} className="text-sm font-medium text-slate-800">
              {t("card.type")}
            </label>
            <select
              id={`${id}-type`}
              className={lockable}
              value={q.type}
              onChange={(e) => changeType(e.target.value as QuestionType)}
              disabled={q.locked || q.headline}
              aria-invalid={err("type") ? true : undefined}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
            <ErrorText text={err("type") ?? err("headline")} />
          </div>
          <label className="flex min-h-10 items-center gap-2 self-end text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={q.required}
              onChange={(e) => set({ required: e.target.checked })}
            />
            {t("card.required")}
          </label>
        </div>

        {q.type === "score" ? (
          <div className="flex flex-wrap items-start gap-3">
            {(["scaleMin", "scaleMax"] as const).map((f) => (
              <div key={f} className="flex w-28 flex-col gap-1">
                <label htmlFor={`${id}-${f}`} className="text-sm font-medium text-slate-800">
                  {f === "scaleMin" ? t("card.scaleFrom") : t("card.scaleTo")}
                </label>
                <input
                  id={`${id}-${f}`}
                  type="number"
                  className={lockable}
                  value={q[f] ?? ""}
                  onChange={(e) => set({ [f]: e.target.value === "" ? null : Math.trunc(Number(e.target.value)) })}
                  disabled={q.locked || (q.headline && metricHeadline)}
                  aria-invalid={err(f) ? true : undefined}
                />
              </div>
            ))}
            <div className="basis-full">
              {q.headline && metricHeadline ? (
                <p className="text-xs text-slate-600">{t("card.headlineScale")}</p>
              ) : null}
              {q.locked && !q.headline ? <p className="text-xs text-slate-600">{t("card.scaleLocked")}</p> : null}
              <ErrorText text={err("scaleMin") ?? err("scaleMax")} />
            </div>
          </div>
        ) : null}

        {choice ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-800">{t("card.options", { language })}</legend>
            <ul className="flex flex-col gap-2">
              {q.options.map((o, j) => {
                const keyLocked = q.lockedOptionKeys.includes(o.key);
                const labelErr =
                  err(`options.${j}.label.${language}`) ??
                  Object.entries(errors).find(([k]) => k.startsWith(`questions.${index}.options.${j}.label.`))?.[1];
                return (
                  <li key={j} className="flex flex-wrap items-start gap-2">
                    <input
                      aria-label={t("card.optionKey", { n: j + 1 })}
                      className={`${lockable} w-36 font-mono`}
                      value={o.key}
                      disabled={keyLocked}
                      onChange={(e) =>
                        set({ options: q.options.map((x, k) => (k === j ? { ...x, key: e.target.value } : x)) })
                      }
                      aria-invalid={err(`options.${j}.key`) ? true : undefined}
                    />
                    <input
                      aria-label={t("card.optionLabel", { n: j + 1, language })}
                      className={`${controlClass} min-w-0 flex-1`}
                      value={o.label[language] ?? ""}
                      onChange={(e) =>
                        set({
                          options: q.options.map((x, k) =>
                            k === j ? { ...x, label: { ...x.label, [language]: e.target.value } } : x,
                          ),
                        })
                      }
                      aria-invalid={labelErr ? true : undefined}
                    />
                    <button
                      type="button"
                      className={buttonClass("ghost", "sm")}
                      aria-label={t("card.removeOption", { n: j + 1 })}
                      disabled={keyLocked}
                      onClick={() => set({ options: q.options.filter((_, k) => k !== j) })}
                    >
                      <Trash2 aria-hidden="true" size={16} />
                    </button>
                    <div className="basis-full empty:hidden">
                      <ErrorText text={err(`options.${j}.key`) ?? labelErr} />
                    </div>
                  </li>
                );
              })}
            </ul>
            <ErrorText text={err("options")} />
            <div>
              <button
                type="button"
                className={buttonClass("secondary", "sm")}
                onClick={() =>
                  set({ options: [...q.options, { key: `option_${q.options.length + 1}`, label: { [language]: "" } }] })
                }
              >
                <Plus aria-hidden="true" size={16} /> {t("card.addOption")}
              </button>
            </div>
          </fieldset>
        ) : null}

        <LogicEditor
          id={`${id}-logic`}
          earlier={earlier}
          value={q.showIf}
          onChange={(showIf) => set({ showIf })}
          language={language}
          error={err("showIf.question") ?? err("showIf.in") ?? err("showIf.gte") ?? err("showIf.lte") ?? err("showIf")}
        />
      </div>
    </li>
  );
}

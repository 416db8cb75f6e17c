"use client";
// "Show this question only if <earlier question> is <values> / ≥ / ≤ …" — the one shape of logic.ts.
import { useTranslations } from "next-intl";
import type { ShowIf } from "@/lib/surveys/logic";
import { controlClass } from "../ui/field";
import type { EditorQuestion } from "./editor-model";

type Props = {
  id: string;
  earlier: EditorQuestion[];
  value: ShowIf | null;
  onChange: (v: ShowIf | null) => void;
  error?: string;
  language: string;
};

const small = `${controlClass} w-auto`;

export function LogicEditor({ id, earlier, value, onChange, error, language }: Props) {
  const t = useTranslations("surveys.editor.logic");
  const candidates = earlier.filter((q) => q.type !== "text");
  const ref = value ? earlier.find((q) => q.key === value.question) : undefined;
  const op = value?.in
    ? "in"
    : value?.gte !== undefined && value?.lte !== undefined
      ? "between"
      : value?.gte !== undefined
        ? "gte"
        : "lte";

  function pick(key: string) {
    const q = earlier.find((x) => x.key === key);
    if (!q) return onChange(null);
    if (q.type === "score") onChange({ question: key, lte: q.scaleMin ?? 0 });
    else if (q.type === "yes_no") onChange({ question: key, in: [true] });
    else onChange({ question: key, in: q.options[0] ? [q.options[0].key] : [] });
  }

  function setScoreOp(next: string) {
    if (!ref || !value) return;
    const lo = value.gte ?? value.lte ?? ref.scaleMin ?? 0;
    const hi = value.lte ?? value.gte ?? ref.scaleMax ?? 10;
    if (next === "lte") onChange({ question: ref.key, lte: hi });
    else if (next === "gte") onChange({ question: ref.key, gte: lo });
    else if (next === "between") onChange({ question: ref.key, gte: lo, lte: hi });
    else onChange({ question: ref.key, in: [lo] });
  }

  const num = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? 0 : Number(v));

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-q`} className="sr-only">
          {t("questionLabel")}
        </label>
        <select
          id={`${id}-q`}
          className={small}
          value={value?.question ?? ""}
          onChange={(e) => pick(e.target.value)}
          disabled={candidates.length === 0}
        >
          <option value="">{t("always")}</option>
          {candidates.map((q) => (
            <option key={q.uid} value={q.key}>
              {t("onlyIf", { text: q.text[language] || q.key, key: q.key })}
            </option>
          ))}
        </select>
        {ref && value && ref.type === "score" ? (
          <>
            <label htmlFor={`${id}-op`} className="sr-only">
              {t("condition")}
            </label>
            <select id={`${id}-op`} className={small} value={op} onChange={(e) => setScoreOp(e.target.value)}>
              <option value="lte">{t("lte")}</option>
              <option value="gte">{t("gte")}</option>
              <option value="between">{t("between")}</option>
              <option value="in">{t("in")}</option>
            </select>
            {op === "in" ? (
              <input
                aria-label={t("scores")}
                className={`${small} w-40`}
                defaultValue={(value.in ?? []).join(", ")}
                onBlur={(e) =>
                  onChange({
                    question: ref.key,
                    in: e.target.value
                      .split(",")
                      .map((s) => s.trim())
                      .filter(Boolean)
                      .map(Number),
                  })
                }
              />
            ) : null}
            {op === "gte" || op === "between" ? (
              <input
                type="number"
                aria-label={t("atLeast")}
                className={`${small} w-20`}
                value={value.gte ?? ""}
                onChange={(e) => onChange({ ...value, gte: num(e.target.value) })}
              />
            ) : null}
            {op === "between" ? <span className="text-sm text-slate-600">{t("and")}</span> : null}
            {op === "lte" || op === "between" ? (
              <input
                type="number"
                aria-label={t("atMost")}
                className={`${small} w-20`}
                value={value.lte ?? ""}
                onChange={(e) => onChange({ ...value, lte: num(e.target.value) })}
              />
            ) : null}
          </>
        ) : null}
        {ref && value && ref.type === "yes_no" ? (
          <>
            <label htmlFor={`${id}-yn`} className="sr-only">
              {t("answer")}
            </label>
            <select
              id={`${id}-yn`}
              className={small}
              value={String(value.in?.[0] ?? true)}
              onChange={(e) => onChange({ question: ref.key, in: [e.target.value === "true"] })}
            >
              <option value="true">{t("isYes")}</option>
              <option value="false">{t("isNo")}</option>
            </select>
          </>
        ) : null}
        {ref && value && (ref.type === "single_choice" || ref.type === "multi_choice") ? (
          <span className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">{t("anyOf")}</span>
            {ref.options.map((o) => (
              <label key={o.key} className="flex min-h-9 items-center gap-1.5">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={(value.in ?? []).includes(o.key)}
                  onChange={(e) =>
                    onChange({
                      question: ref.key,
                      in: e.target.checked ? [...(value.in ?? []), o.key] : (value.in ?? []).filter((v) => v !== o.key),
                    })
                  }
                />
                {o.label[language] || o.key}
              </label>
            ))}
          </span>
        ) : null}
      </div>
      {candidates.length === 0 ? <p className="text-xs text-slate-600">{t("hint")}</p> : null}
      {error ? <p className="text-sm font-medium text-danger">{error}</p> : null}
    </fieldset>
  );
}

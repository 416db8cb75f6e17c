"use client";
// The maturity questionnaire: one radio group (fieldset + legend) per question, answers 1–4 labelled with
// their level; the error for a question sits next to it. Read-only for roles below manager.
import { useTranslations } from "next-intl";
import { saveMaturityAction } from "@/app/_actions/maturity";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFormats } from "@/components/i18n/use-formats";
import { MATURITY_LEVELS, MATURITY_QUESTIONS, type Answers, type MaturityLevel } from "@/lib/maturity/model";

import type { Messages } from "@/lib/i18n/catalogues";

const OPTIONS = ["o1", "o2", "o3", "o4"] as const;
// The questions' words are in the catalogue under their keys (lib/maturity/model.ts keeps the English for the API).
type QuestionKey = keyof Messages["reports"]["maturity"]["questions"];

export function Questionnaire({ initial, canEdit }: { initial: Answers | null; canEdit: boolean }) {
  const t = useTranslations("reports.maturity");
  const tc = useTranslations("common");
  const f = useFormats();
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(saveMaturityAction);
  return (
    <form
      action={dispatch}
      aria-label={t("form.label")}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby="maturity-form-message"
    >
      {!canEdit ? <FormMessage tone="info">{t("form.readOnly")}</FormMessage> : null}
      {MATURITY_QUESTIONS.map((q, i) => {
        const error = fieldErrors?.[`answers.${q.key}`];
        const key = q.key as QuestionKey;
        const errorId = `maturity-${q.key}-error`;
        return (
          <fieldset
            key={q.key}
            className="rounded-md border border-slate-200 p-4"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          >
            <legend className="px-1 text-sm font-medium text-slate-900">
              {i + 1}. {t(`questions.${key}.text`)}{" "}
              <span className="font-normal text-slate-500">({t(`dimensions.${q.dimension}`)})</span>
            </legend>
            {error ? (
              <p id={errorId} className="mb-2 text-sm text-red-700">
                {error}
              </p>
            ) : null}
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
              {OPTIONS.map((option, k) => (
                <label
                  key={k}
                  className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 p-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
                >
                  <input
                    type="radio"
                    name={`answers.${q.key}`}
                    value={k + 1}
                    defaultChecked={initial?.[q.key] === k + 1}
                    disabled={!canEdit}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="block font-medium text-slate-900">
                      {k + 1} · {t(`levels.${MATURITY_LEVELS[k]}`)}
                    </span>
                    <span className="text-slate-700">{t(`questions.${key}.${option}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div id="maturity-form-message" aria-live="polite">
        {message ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="success">
            {t("form.saved", {
              level: t(`levels.${state.data.level as MaturityLevel}`),
              score: f.number(state.data.score, 2),
            })}
          </FormMessage>
        ) : null}
      </div>
      {canEdit ? (
        <SubmitButton pending={pending} pendingLabel={tc("saving")}>
          {t("form.save")}
        </SubmitButton>
      ) : null}
    </form>
  );
}

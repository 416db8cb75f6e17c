"use client";
// The survey as respondents see it, rendered by the real respondent form (components/survey-form) from the
// unsaved editor state, in a chosen language. Submitting only shows the thank-you screen: nothing is stored.
import { useState } from "react";
import { RotateCcw } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { uiText } from "@/lib/surveys/ui-text";
import type { SurveyFormResult } from "@/lib/surveys/form-result";
import { SurveyForm } from "../survey-form/survey-form";
import { buttonClass } from "../ui/button";
import { controlClass } from "../ui/field";
import { toPublicQuestions, type EditorQuestion } from "./editor-model";
import { languageName } from "./languages";

type Props = {
  surveyId: string;
  surveyType: string;
  questions: EditorQuestion[];
  languages: string[];
  defaultLocale: string;
  organization: string;
  /** Follows the language tab being edited; the preview's own picker changes it too. */
  locale: string;
  onLocaleChange: (locale: string) => void;
};

const previewSubmit = async (): Promise<SurveyFormResult> => ({ ok: true, completed: true });

export function SurveyPreview({
  surveyId,
  surveyType,
  questions,
  languages,
  defaultLocale,
  organization,
  locale,
  onLocaleChange,
}: Props) {
  const [run, setRun] = useState(0);
  // A fresh id per page load: the form remembers "done" per survey id in sessionStorage.
  const [nonce] = useState(() => Math.random().toString(36).slice(2, 10));
  const lang = languages.includes(locale) ? locale : defaultLocale;
  const t = uiText(lang);
  const tr = useTranslations("surveys.editor.preview");
  const uiLocale = useLocale();
  return (
    <section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          {tr("heading")}
        </h2>
        <div className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-language" className="text-xs font-medium text-slate-700">
              {tr("language")}
            </label>
            <select
              id="preview-language"
              className={`${controlClass} w-auto`}
              value={lang}
              onChange={(e) => onLocaleChange(e.target.value)}
            >
              {languages.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, uiLocale)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className={buttonClass("secondary", "sm")} onClick={() => setRun((n) => n + 1)}>
            <RotateCcw aria-hidden="true" size={16} /> {tr("restart")}
          </button>
        </div>
      </div>
      <div lang={lang} className="rounded-md border border-slate-200 bg-white p-4 sm:p-6">
        <p className="text-lg font-semibold text-slate-900">{t.title}</p>
        <p className="mb-6 text-sm text-slate-600">{t.intro.replace("{org}", organization)}</p>
        {questions.length === 0 ? (
          <p className="text-sm text-slate-600">{tr("empty")}</p>
        ) : (
          <SurveyForm
            key={`${lang}-${run}`}
            publicId={`preview-${surveyId}-${nonce}-${run}`}
            locale={lang}
            questions={toPublicQuestions(questions, surveyType, lang, defaultLocale)}
            strings={{
              required: t.required,
              submit: t.submit,
              sending: t.sending,
              thanksTitle: t.thanksTitle,
              thanksBody: t.thanksBody,
              alreadyDone: t.alreadyDone,
              genericError: t.genericError,
              yes: t.yes,
              no: t.no,
              textHint: t.textHint,
            }}
            prefill={{}}
            context={{}}
            submit={previewSubmit}
          />
        )}
      </div>
    </section>
  );
}

"use client";
// The survey editor: status and Publish/Close/Reopen, details, the question list (edited per language,
// saved as a whole with PUT /questions), the live preview and the distribution panel. Problems from the
// API come back as field paths ("questions.2.options.1.key") and appear next to the matching input.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { SurveyDetail } from "@/lib/surveys/builder";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { PageHeader } from "../ui/page-header";
import { failureText, useSendSurvey } from "./api";
import { DistributionPanel } from "./distribution-panel";
import { fromDetail, newQuestion, toRequest, type EditorQuestion } from "./editor-model";
import { LanguageTabs } from "./language-tabs";
import type { TouchpointGroup } from "./languages";
import { AddQuestion, QuestionList } from "./question-list";
import { SurveyActions, SurveySummary, type Transition } from "./survey-header";
import { SurveyDetailsForm } from "./survey-details-form";
import { SurveyPreview } from "./survey-preview";

type Props = {
  initial: SurveyDetail;
  touchpointGroups: TouchpointGroup[];
  origin: string;
  embedPath: string;
  organization: string;
};
type Message = { tone: "error" | "success"; text: string } | null;

export function SurveyEditor({ initial, touchpointGroups, origin, embedPath, organization }: Props) {
  const [survey, setSurvey] = useState(initial);
  const [questions, setQuestions] = useState<EditorQuestion[]>(() => fromDetail(initial));
  const [dirty, setDirty] = useState(false);
  const [language, setLanguage] = useState(initial.defaultLocale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<string | null>(null);
  const t = useTranslations("surveys.editor");
  const sendSurvey = useSendSurvey();
  const metric = survey.type === "nps" || survey.type === "csat" || survey.type === "ces";
  const lang = survey.languages.includes(language) ? language : survey.defaultLocale;

  function edit(next: EditorQuestion[], clearErrors = false) {
    setQuestions(next);
    setDirty(true);
    if (clearErrors) setErrors({});
  }

  function accept(s: SurveyDetail) {
    setSurvey(s);
    setQuestions(fromDetail(s));
    setDirty(false);
    setErrors({});
  }

  async function saveQuestions(): Promise<boolean> {
    setPending("save");
    const res = await sendSurvey("PUT", `/api/v1/surveys/${survey.id}/questions`, { questions: toRequest(questions) });
    setPending(null);
    if (!res.ok) {
      setErrors(res.fieldErrors);
      setMessage({ tone: "error", text: failureText(res, t) });
      return false;
    }
    const bumped = res.survey.version !== survey.version;
    accept(res.survey);
    setMessage({
      tone: "success",
      text: bumped ? t("savedVersion", { version: res.survey.version }) : t("saved"),
    });
    return true;
  }

  async function transition(action: Transition) {
    if (dirty && action !== "close" && !(await saveQuestions())) return;
    setPending(action);
    const res = await sendSurvey("POST", `/api/v1/surveys/${survey.id}/${action}`);
    setPending(null);
    if (!res.ok) {
      setErrors(res.fieldErrors);
      setMessage({
        tone: "error",
        text: res.fieldErrors.questions ? `${failureText(res, t)} ${res.fieldErrors.questions}` : failureText(res, t),
      });
      return;
    }
    accept(res.survey);
    setMessage({
      tone: "success",
      text: action === "publish" ? t("published") : action === "close" ? t("closed") : t("reopened"),
    });
  }

  return (
    <>
      <PageHeader
        title={survey.name}
        description={<SurveySummary survey={survey} />}
        actions={<SurveyActions survey={survey} pending={pending} onTransition={(a) => void transition(a)} />}
      />
      {message ? (
        <div className="mb-4">
          <FormMessage tone={message.tone}>{message.text}</FormMessage>
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="flex min-w-0 flex-col gap-6">
          <SurveyDetailsForm
            survey={survey}
            touchpointGroups={touchpointGroups}
            onSaved={(s) => (dirty ? setSurvey(s) : accept(s))}
          />
          <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="questions-heading" className="text-lg font-semibold text-slate-900">
                {t("questions")}
              </h2>
              <LanguageTabs languages={survey.languages} selected={lang} onSelect={setLanguage} />
            </div>
            {survey.responseCount > 0 ? <p className="text-sm text-slate-600">{t("lockedNote")}</p> : null}
            <div id="questions-panel" role="tabpanel" aria-labelledby={`lang-tab-${lang}`}>
              <QuestionList
                questions={questions}
                language={lang}
                metricHeadline={metric}
                errors={errors}
                onEdit={edit}
              />
              {errors.questions ? <p className="mt-2 text-sm font-medium text-danger">{errors.questions}</p> : null}
            </div>
            <AddQuestion onAdd={(t) => edit([...questions, newQuestion(t, questions, survey.languages)])} />
            <div className="sticky bottom-0 z-20 -mx-3 flex [html:has(&)]:scroll-pb-24 flex-wrap items-center gap-3 rounded-t-lg border border-b-0 border-slate-300 bg-white px-3 py-3 shadow-[0_-4px_12px_-2px_rgb(15_23_42/0.12)]">
              <Button onClick={saveQuestions} disabled={pending !== null || !dirty}>
                {pending === "save" ? t("saving") : t("save")}
              </Button>
              <span className="text-sm text-slate-600" role="status">
                {dirty ? t("unsaved") : t("allSaved")}
              </span>
            </div>
          </section>
          <DistributionPanel
            survey={survey}
            origin={origin}
            embedPath={embedPath}
            canEdit
            onSaved={(s) => setSurvey({ ...s })}
          />
        </div>
        <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
          <SurveyPreview
            surveyId={survey.id}
            surveyType={survey.type}
            questions={questions}
            languages={survey.languages}
            defaultLocale={survey.defaultLocale}
            organization={organization}
            locale={lang}
            onLocaleChange={setLanguage}
          />
        </div>
      </div>
    </>
  );
}

"use client";
// Name, linked touchpoint and languages of a survey (PATCH /api/v1/surveys/:id).
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { SurveyDetail } from "@/lib/surveys/builder";
import { Button } from "../ui/button";
import { controlClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { Input } from "../ui/input";
import { failureText, useSendSurvey } from "./api";
import { LanguagePicker } from "./language-picker";
import { TouchpointSelect } from "./touchpoint-select";
import type { TouchpointGroup } from "./languages";

type Props = { survey: SurveyDetail; touchpointGroups: TouchpointGroup[]; onSaved: (s: SurveyDetail) => void };

export function SurveyDetailsForm({ survey, touchpointGroups, onSaved }: Props) {
  const t = useTranslations("surveys.editor");
  const sendSurvey = useSendSurvey();
  const [name, setName] = useState(survey.name);
  const [touchpointId, setTouchpointId] = useState(survey.touchpoint?.id ?? "");
  const [languages, setLanguages] = useState(survey.languages);
  const [defaultLocale, setDefaultLocale] = useState(survey.defaultLocale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await sendSurvey("PATCH", `/api/v1/surveys/${survey.id}`, {
      name,
      touchpointId: touchpointId || null,
      languages,
      defaultLocale,
    });
    setPending(false);
    if (res.ok) {
      setErrors({});
      setMessage({ tone: "success", text: t("details.saved") });
      onSaved(res.survey);
    } else {
      setErrors(res.fieldErrors);
      setMessage({ tone: "error", text: failureText(res, t) });
    }
  }

  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="details-heading" className="text-lg font-semibold text-slate-900">
        {t("details.heading")}
      </h2>
      <form onSubmit={save} noValidate className="mt-3 flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Input
            name="name"
            label={t("details.name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            maxLength={120}
          />
          <TouchpointSelect
            id="field-touchpointId"
            groups={touchpointGroups}
            value={touchpointId}
            onChange={setTouchpointId}
            error={errors.touchpointId}
            className={controlClass}
          />
        </div>
        <LanguagePicker
          languages={languages}
          defaultLocale={defaultLocale}
          onChange={(l, d) => {
            setLanguages(l);
            setDefaultLocale(d);
          }}
          errors={errors}
        />
        <p className="text-xs text-slate-600">{t("details.hint")}</p>
        {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? t("details.saving") : t("details.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}

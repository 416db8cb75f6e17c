"use client";
// Create a survey: a template card (native radios, so arrows/Tab/Space work), name, touchpoint, languages.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { controlClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";
import { Input } from "../ui/input";
import { useSendSurvey } from "./api";
import { LanguagePicker } from "./language-picker";
import { TouchpointSelect } from "./touchpoint-select";
import type { TouchpointGroup } from "./languages";

type TemplateCard = { id: string; name: string; description: string; count: number };

export function NewSurveyForm({
  templates,
  touchpointGroups,
  language,
}: {
  templates: TemplateCard[];
  touchpointGroups: TouchpointGroup[];
  /** The language a new survey starts in: the organization's (lib/orgs/settings.ts). */
  language: string;
}) {
  const router = useRouter();
  const [template, setTemplate] = useState("nps");
  const [name, setName] = useState("");
  const [touchpointId, setTouchpointId] = useState("");
  const [languages, setLanguages] = useState<string[]>([language]);
  const [defaultLocale, setDefaultLocale] = useState(language);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const tr = useTranslations("surveys.builder");
  const sendSurvey = useSendSurvey();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const res = await sendSurvey("POST", "/api/v1/surveys", {
      name,
      template,
      touchpointId: touchpointId || null,
      languages,
      defaultLocale,
    });
    if (res.ok) {
      router.push(`/surveys/${res.survey.id}`);
      return;
    }
    setPending(false);
    setErrors(res.fieldErrors);
    setMessage(res.message);
  }

  return (
    <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-6" aria-busy={pending || undefined}>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{tr("template")}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {templates.map((t) => (
            <label
              key={t.id}
              className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm has-checked:border-brand-600 has-checked:ring-2 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={template === t.id}
                onChange={() => setTemplate(t.id)}
                className="mt-1 size-4 accent-brand-600"
              />
              <span className="flex min-w-0 flex-col gap-1">
                <span className="font-medium text-slate-900">{t.name}</span>
                <span className="text-sm text-slate-600">{t.description}</span>
                <span className="text-xs text-slate-500">{tr("questionCount", { count: t.count })}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.template ? <p className="mt-1 text-sm font-medium text-danger">{errors.template}</p> : null}
      </fieldset>
      <Input
        name="name"
        label={tr("name")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        placeholder={tr("namePlaceholder")}
        required
        maxLength={120}
        className="max-w-md"
      />
      <TouchpointSelect
        id="field-touchpointId"
        groups={touchpointGroups}
        value={touchpointId}
        onChange={setTouchpointId}
        error={errors.touchpointId}
        className={`${controlClass} max-w-md`}
      />
      <LanguagePicker
        languages={languages}
        defaultLocale={defaultLocale}
        onChange={(l, d) => {
          setLanguages(l);
          setDefaultLocale(d);
        }}
        errors={errors}
      />
      {message ? <FormMessage tone="error">{message}</FormMessage> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tr("creating") : tr("create")}
        </Button>
      </div>
    </form>
  );
}

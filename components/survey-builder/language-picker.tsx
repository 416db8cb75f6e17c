"use client";
// The survey's languages (checkboxes) and which one is the default (a respondent with none of them gets it).
import { useLocale, useTranslations } from "next-intl";
import { controlClass } from "../ui/field";
import { LANGUAGE_CHOICES, languageName } from "./languages";

type Props = {
  languages: string[];
  defaultLocale: string;
  onChange: (languages: string[], defaultLocale: string) => void;
  errors: Record<string, string>;
};

export function LanguagePicker({ languages, defaultLocale, onChange, errors }: Props) {
  const choices = [...new Set([...LANGUAGE_CHOICES, ...languages])];
  const t = useTranslations("surveys.builder");
  const uiLocale = useLocale();
  function toggle(tag: string, on: boolean) {
    const next = on ? [...languages, tag] : languages.filter((l) => l !== tag);
    onChange(next, next.includes(defaultLocale) ? defaultLocale : (next[0] ?? defaultLocale));
  }
  const langError = Object.entries(errors).find(([k]) => k === "languages" || k.startsWith("languages."))?.[1];
  return (
    <div className="flex flex-col gap-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("languages")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
          {choices.map((tag) => (
            <label key={tag} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={languages.includes(tag)}
                onChange={(e) => toggle(tag, e.target.checked)}
              />
              {languageName(tag, uiLocale)} <span className="text-slate-500">({tag})</span>
            </label>
          ))}
        </div>
        {langError ? <p className="text-sm font-medium text-danger">{langError}</p> : null}
      </fieldset>
      <div className="flex max-w-xs flex-col gap-1">
        <label htmlFor="field-defaultLocale" className="text-sm font-medium text-slate-800">
          {t("defaultLanguage")}
        </label>
        <select
          id="field-defaultLocale"
          className={controlClass}
          value={defaultLocale}
          onChange={(e) => onChange(languages, e.target.value)}
          aria-invalid={errors.defaultLocale ? true : undefined}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l, uiLocale)}
            </option>
          ))}
        </select>
        {errors.defaultLocale ? <p className="text-sm font-medium text-danger">{errors.defaultLocale}</p> : null}
      </div>
    </div>
  );
}

"use client";
// Admins: the organization's language — what Resonance writes into the organization by itself (default channels
// and root causes, the titles of the cases its rules open, the starter themes) and the language its staff's notes
// are read in (lib/orgs/defaults.ts). Each member still reads the pages in their own language.
import { useTranslations } from "next-intl";
import { setOrganizationLanguageAction } from "@/app/_actions/organizations";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/lib/i18n/config";
import { Section } from "../ui/page-header";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

export function OrganizationLanguageSection({ locale }: { locale: AppLocale }) {
  const t = useTranslations("settings");
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(setOrganizationLanguageAction);
  return (
    <Section id="organization-language" title={t("nav.orgLanguage")} description={t("orgLanguage.description")}>
      <form
        action={dispatch}
        onSubmit={onSubmit}
        aria-label={t("orgLanguage.form")}
        className="flex max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <Select
          name="locale"
          label={t("orgLanguage.label")}
          defaultValue={locale}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          error={fieldErrors?.locale}
        />
        {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
        {state?.ok ? (
          <FormMessage tone="success">
            {t("orgLanguage.saved", { language: LOCALE_NAMES[state.data.locale] })}
          </FormMessage>
        ) : null}
        <div>
          <SubmitButton pending={pending} pendingLabel={t("orgLanguage.submit")}>
            {t("orgLanguage.submit")}
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

"use client";
// The language picker of the account page: English, German, or whatever the browser asks for (null on the user).
// Saving re-renders every page in the new language (the action revalidates the layout).
import { useLocale, useTranslations } from "next-intl";
import { updateLocaleAction } from "@/app/_actions/account";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/lib/i18n/config";
import { Select } from "../ui/select";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";
import { useActionForm } from "../ui/use-action-form";

const FORM = "flex max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

export function LanguageForm({ saved }: { saved: AppLocale | null }) {
  const t = useTranslations("account.language");
  const current = useLocale();
  const { state, dispatch, onSubmit, pending, fieldErrors, message } = useActionForm(updateLocaleAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} aria-label={t("form")} className={FORM}>
      <Select
        name="locale"
        label={t("label")}
        defaultValue={saved ?? "browser"}
        options={[
          { value: "browser", label: t("browser", { current: LOCALE_NAMES[current] }) },
          ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
        ]}
        error={fieldErrors?.locale}
      />
      {message && !fieldErrors ? <FormMessage tone="error">{message}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          {state.data.locale ? t("saved", { language: LOCALE_NAMES[state.data.locale] }) : t("savedBrowser")}
        </FormMessage>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingLabel={t("submit")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}

"use client";
// The language switch under the signed-out pages' card (sign-in, password reset, invitation): one button per
// other language, remembered in this browser's cookie (chooseLanguageAction). Signed in, the account page's picker
// is the place (it also saves the choice on the user).
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { chooseLanguageAction } from "@/app/_actions/account";
import { LOCALE_NAMES, LOCALES, type AppLocale } from "@/lib/i18n/config";
import type { ActionState } from "@/lib/auth/action";

export function LanguageSwitch() {
  const t = useTranslations("common.language");
  const current = useLocale();
  const [, dispatch, pending] = useActionState<ActionState<{ locale: AppLocale }>, FormData>(
    chooseLanguageAction,
    null,
  );
  return (
    <form action={dispatch} aria-label={t("switchTo")} className="mt-6 flex justify-center gap-3 text-sm">
      {LOCALES.filter((l) => l !== current).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          disabled={pending}
          className="min-h-10 rounded-md px-3 font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </form>
  );
}

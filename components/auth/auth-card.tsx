// The centred card used by sign-in, invite and welcome pages.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "../i18n/language-switch";

export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <main id="main" className="flex min-h-dvh items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-brand-600 text-sm font-bold text-white"
          >
            R
          </span>
          {t("brand")}
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
        <LanguageSwitch />
      </div>
    </main>
  );
}

"use client";
// Errors inside the app shell. Server errors arrive without their message (only a digest that matches the
// server log), so this page never shows internals.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errors.error");
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm"
    >
      <h1 className="text-xl font-semibold text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">{t("reference", { digest: error.digest })}</p> : null}
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
          {t("retry")}
        </button>
        <Link href="/" className={buttonClass("secondary")}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}

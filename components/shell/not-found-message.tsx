// What a 404 says, wherever it is shown: on its own page (app/not-found.tsx, inside <main>) or inside the app
// shell, whose <main> already holds it (app/(app)/not-found.tsx).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

export function NotFoundMessage() {
  const t = useTranslations("errors.notFound");
  return (
    <div className="mx-auto max-w-md text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className={buttonClass("primary")}>
          {t("back")}
        </Link>
      </p>
    </div>
  );
}

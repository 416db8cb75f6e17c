// An unknown or unpublished survey link: a respondent-facing message (not the app's "back to the dashboard").
import { headers } from "next/headers";
import { negotiateLocale } from "@/lib/surveys/locale";
import { UI_LOCALES, uiText } from "@/lib/surveys/ui-text";
import { SurveyPageShell } from "@/components/survey-form/survey-page-shell";

export const metadata = { title: { absolute: "Survey not found" }, robots: { index: false, follow: false } };

export default async function SurveyNotFound() {
  const locale = negotiateLocale({
    acceptLanguage: (await headers()).get("accept-language"),
    available: UI_LOCALES,
    fallback: "en",
  });
  const t = uiText(locale);
  return <SurveyPageShell locale={locale} title={t.notFoundTitle} intro={t.notFoundBody} />;
}

"use client";
// Which survey a response import writes into: choosing one reloads the import screen with ?surveyId=, so the
// mapping screen offers that survey's questions.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { controlClass } from "../ui/field";

export type SurveyChoice = { id: string; name: string; status: string; responseCount: number };

export function SurveyPicker({
  surveys,
  value,
  disabled,
}: {
  surveys: SurveyChoice[];
  value: string | null;
  disabled?: boolean;
}) {
  const router = useRouter();
  const t = useTranslations("customers.import.wizard.survey");
  if (surveys.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {t.rich("none", {
          link: (chunks) => (
            <Link href="/surveys/new" className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <div className="flex max-w-md flex-col gap-1">
      <label htmlFor="import-survey" className="text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <select
        id="import-survey"
        value={value ?? ""}
        disabled={disabled}
        aria-describedby={value ? undefined : "import-survey-hint"}
        onChange={(e) =>
          router.replace(`?kind=responses${e.target.value ? `&surveyId=${encodeURIComponent(e.target.value)}` : ""}`)
        }
        className={controlClass}
      >
        <option value="">{t("choose")}</option>
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {t("option", { name: s.name, status: s.status, count: s.responseCount })}
          </option>
        ))}
      </select>
      {value ? null : (
        <p id="import-survey-hint" className="text-sm text-slate-600">
          {t("hint")}
        </p>
      )}
    </div>
  );
}

"use client";
// Which survey a response import writes into: choosing one reloads the import screen with ?surveyId=, so the
// mapping screen offers that survey's questions.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { controlClass } from "../ui/field";
import { formatCount } from "../ui/format";

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
  if (surveys.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        There is no survey to import into yet.{" "}
        <Link href="/surveys/new" className="font-medium text-brand-700 underline">
          Create the survey
        </Link>{" "}
        with the same questions first, then come back.
      </p>
    );
  }
  return (
    <div className="flex max-w-md flex-col gap-1">
      <label htmlFor="import-survey" className="text-sm font-medium text-slate-800">
        Survey the responses belong to
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
        <option value="">Choose a survey…</option>
        {surveys.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.status}, {formatCount(s.responseCount)} response{s.responseCount === 1 ? "" : "s"})
          </option>
        ))}
      </select>
      {value ? null : (
        <p id="import-survey-hint" className="text-sm text-slate-600">
          Choose the survey first: its questions become the answer columns of the mapping screen.
        </p>
      )}
    </div>
  );
}

"use client";
// The wizard's first two sections: what is imported (and, for responses, into which survey; changing either
// reloads the screen through the URL) and the file input.
import { useTranslations } from "next-intl";
import { controlClass } from "../ui/field";
import { Section } from "../ui/page-header";
import { KINDS, type ImportKindName } from "./kinds";
import { RadioGroup } from "./radio-group";
import { SurveyPicker, type SurveyChoice } from "./survey-picker";

export function KindStep({
  kind,
  survey,
  surveys,
  running,
  onKindChange,
}: {
  kind: ImportKindName;
  survey: { id: string } | null;
  surveys: SurveyChoice[];
  /** While an import runs, the kind and survey stay as they are. */
  running: boolean;
  onKindChange: (kind: string) => void;
}) {
  const t = useTranslations("customers.import.wizard");
  return (
    <Section title={t("kindTitle")}>
      <RadioGroup
        name="kind"
        legend={t("kindLegend")}
        value={kind}
        onChange={(v) => {
          if (!running) onKindChange(v);
        }}
        options={(Object.keys(KINDS) as ImportKindName[]).map((k) => ({
          value: k,
          label: t(`kinds.${k}.label`),
          hint: t(`kinds.${k}.hint`),
        }))}
      />
      {kind === "responses" ? (
        <div className="mt-4">
          <SurveyPicker surveys={surveys} value={survey?.id ?? null} disabled={running} />
        </div>
      ) : null}
    </Section>
  );
}

export function FileStep({
  surveyName,
  disabled,
  busy,
  onChoose,
}: {
  /** The survey a response import goes into. */
  surveyName: string | null;
  disabled: boolean;
  busy: boolean;
  onChoose: (file: File | null) => void;
}) {
  const t = useTranslations("customers.import.wizard.file");
  return (
    <Section
      title={t("title")}
      description={surveyName !== null ? t("descriptionSurvey", { name: surveyName }) : t("description")}
    >
      <div className="flex max-w-md flex-col gap-1">
        <label htmlFor="import-file" className="text-sm font-medium text-slate-800">
          {t("label")}
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          disabled={disabled}
          onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
          className={`${controlClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
        />
        {busy ? (
          <p role="status" className="text-sm text-slate-600">
            {t("reading")}
          </p>
        ) : null}
      </div>
    </Section>
  );
}

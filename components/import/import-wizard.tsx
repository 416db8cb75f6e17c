"use client";
// CSV import of customers, interactions or one survey's responses: what to import (and, for responses, which
// survey) → choose a file → preview of its first rows → map columns → mode (and, for customers,
// existing-customer) options → import with a live progress bar → summary with every problem row. Words:
// customers.import.wizard (the page names it in its ClientMessages); the API's problems and the rows' reasons are
// its English (docs/i18n.md "Errors").
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { suggestMapping, type ImportMode, type Mapping, type OnExisting } from "@/lib/import/mapping";
import type { QuestionColumn } from "@/lib/import/response-spec";
import { Button } from "../ui/button";
import { FormMessage } from "../ui/form-message";
import { Section } from "../ui/page-header";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import {
  ImportFailure,
  localizeProblem,
  previewFile,
  problemMessage,
  runImport,
  type Preview,
  type Progress,
  type Result,
} from "./api";
import { MappingStep } from "./mapping-step";
import { ImportProgressBar } from "./progress-bar";
import { ImportSummary } from "./summary";
import { FilePreview } from "./file-preview";
import { ImportOptions } from "./import-options";
import { importTarget, KINDS, type ImportKindName } from "./kinds";
import type { SurveyChoice } from "./survey-picker";
import { FileStep, KindStep } from "./wizard-steps";
import { useFieldLabel } from "./field-label";

type Stage = "choose" | "mapping" | "running" | "done";

export type ImportSurveyUi = { id: string; name: string; columns: QuestionColumn[] };

export function ImportWizard({
  kind = "customers",
  survey = null,
  surveys = [],
}: {
  kind?: ImportKindName;
  survey?: ImportSurveyUi | null;
  surveys?: SurveyChoice[];
}) {
  const router = useRouter();
  const t = useTranslations("customers.import.wizard");
  const reason = useServiceReason();
  const ui = KINDS[kind];
  const forResponses = kind === "responses";
  const { spec, endpoint, back } = importTarget(kind, survey);
  const fieldLabel = useFieldLabel(spec, survey?.columns);
  /** A failure in words: the API's problem (its detail and fields), else the page's sentence for it. */
  const failureText = (e: unknown, fallback: "unreadableFile" | "failed") => {
    if (!(e instanceof ImportFailure)) return t(`errors.${fallback}`);
    if (e.failed) return reason(e.failed); // the stream's end: a limit (lib/import/csv.ts) or our failure
    if (!e.problem) return t("errors.stopped");
    const problem = localizeProblem(e.problem, reason);
    const message = problemMessage(problem, (key, values) => t(`errors.${key}`, values));
    const params = problem.params.map((x) => `${x.name}: ${x.reason}`).join("; ");
    return params ? `${message} ${params}` : message;
  };
  const [stage, setStage] = useState<Stage>("choose");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mode, setMode] = useState<ImportMode>("skip_bad_rows");
  const [onExisting, setOnExisting] = useState<OnExisting>("skip");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (stage === "running") progressRef.current?.scrollIntoView({ block: "center" });
    if (stage === "done") resultRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [stage]);

  async function choose(f: File | null) {
    setFile(f);
    setPreview(null);
    setError(null);
    setStage("choose");
    if (!f) return;
    setBusy(true);
    try {
      const p = await previewFile(f);
      setPreview(p);
      setMapping(kind === "customers" ? p.suggestedMapping : suggestMapping(p.header, spec));
      setStage("mapping");
    } catch (e) {
      setError(failureText(e, "unreadableFile"));
    } finally {
      setBusy(false);
    }
  }

  async function start() {
    if (!file || !preview) return;
    setError(null);
    setProgress(null);
    setStage("running");
    try {
      setResult(await runImport(endpoint, file, { mode, onExisting, mapping }, setProgress));
      setStage("done");
    } catch (e) {
      setError(failureText(e, "failed"));
      setStage("mapping");
    }
  }

  const mapped = new Set(Object.values(mapping));
  const missing = spec.required.filter((f) => !mapped.has(f));
  const needsSurvey = forResponses && !survey;

  return (
    <div className="flex flex-col gap-6">
      <KindStep
        kind={kind}
        survey={survey}
        surveys={surveys}
        running={stage === "running"}
        onKindChange={(v) =>
          router.replace(`?kind=${v}${v === "responses" && survey ? `&surveyId=${encodeURIComponent(survey.id)}` : ""}`)
        }
      />

      {needsSurvey ? null : (
        <>
          <FileStep
            surveyName={survey && forResponses ? survey.name : null}
            disabled={stage === "running"}
            busy={busy}
            onChoose={(f) => void choose(f)}
          />

          {error ? <FormMessage tone="error">{error}</FormMessage> : null}

          {preview && stage !== "done" ? (
            <>
              <Section
                title={t("preview.title")}
                description={t("preview.rows", { count: preview.totalRows, file: file?.name ?? t("preview.theFile") })}
              >
                <FilePreview preview={preview} />
              </Section>

              <Section title={t("mapping.title")} description={t(`kinds.${kind}.mappingHelp`)}>
                <MappingStep
                  spec={spec}
                  preview={preview}
                  mapping={mapping}
                  onChange={setMapping}
                  fieldLabel={fieldLabel}
                />
                {missing.length ? (
                  <p className="mt-2 text-sm font-medium text-danger">
                    {t("mapping.missing", { fields: missing.map(fieldLabel).join(t("mapping.missingJoin")) })}
                  </p>
                ) : null}
              </Section>

              <Section title={t("options.title")}>
                <ImportOptions
                  mode={mode}
                  onModeChange={setMode}
                  onExisting={ui.onExisting ? onExisting : null}
                  onOnExistingChange={setOnExisting}
                />
                <div className="mt-4">
                  <Button onClick={() => void start()} disabled={missing.length > 0 || stage === "running"}>
                    {t("options.start", { count: preview.totalRows })}
                  </Button>
                </div>
              </Section>
            </>
          ) : null}

          {stage === "running" && preview ? (
            <div ref={progressRef}>
              <ImportProgressBar
                progress={progress}
                totalRows={preview.totalRows}
                twoPasses={mode === "all_or_nothing"}
              />
            </div>
          ) : null}

          {stage === "done" && result ? (
            <div ref={resultRef}>
              <ImportSummary result={result} kind={kind} back={back} />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

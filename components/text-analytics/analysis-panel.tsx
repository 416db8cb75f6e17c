"use client";
// Settings → Text analytics, "Analysing history" (docs/text-analytics.md): how many comments and notes are not yet
// analysed with the current analyser and themes, the button that starts the background job (managers), and its
// progress while it runs — the same bar as the units' "Attribute history" (components/ui/job-progress.tsx).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import { useFormats } from "@/components/i18n/use-formats";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { JobProgress, jobActive, usePolledJob, type JobJson } from "@/components/ui/job-progress";

export function AnalysisPanel({ initial, pending }: { initial: JobJson | null; pending: number }) {
  const t = useTranslations("reports.textAnalytics.analysis");
  const reason = useServiceReason();
  const f = useFormats();
  const [job, setJob] = usePolledJob("/api/v1/text/analysis", initial);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const active = jobActive(job);

  async function start() {
    setStarting(true);
    setError(null);
    const res = await fetch("/api/v1/text/analysis", { method: "POST" }).catch(() => null);
    setStarting(false);
    if (!res?.ok) {
      const p = res ? ((await res.json().catch(() => ({}))) as { detail?: string }) : {};
      setError(p.detail ? reason(p.detail) : t("failed"));
      return;
    }
    setJob(((await res.json()) as { job: JobJson }).job);
  }

  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">{t("intro")}</p>
      {active ? <JobProgress job={job!} label={t("progress")} testId="text-analysis-progress" /> : null}
      {!active && pending === 0 && job?.status !== "failed" ? (
        <FormMessage tone="success">
          <span data-testid="text-analysis-done">
            {job?.status === "done" ? t("doneLastRun", { count: f.count(job.result.analysed ?? 0) }) : t("done")}
          </span>
        </FormMessage>
      ) : null}
      {!active && pending > 0 ? (
        <p className="text-slate-700" data-testid="text-analysis-pending">
          {t("pending", { count: pending })}
        </p>
      ) : null}
      {job?.status === "failed" ? <FormMessage tone="error">{job.error}</FormMessage> : null}
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {!active && pending > 0 ? (
        <Button onClick={() => void start()} disabled={starting}>
          {starting ? t("starting") : t("start")}
        </Button>
      ) : null}
    </div>
  );
}

"use client";
// A background job's progress (lib/jobs/runner.ts BackgroundJobDto) while it is queued or running: a progress bar and
// "<label>: 12,400 of 80,000", polled from `url` every 1.5 s until it ends. Used by Settings → Units ("Attribute
// history") and Settings → Text analytics ("Analysing history"). Its words are `settings.jobProgress` (both pages
// name it in their ClientMessages), its counts in the page's language ("12.400 von 80.000").
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { BackgroundJobDto } from "@/lib/jobs/runner";
import { useFormats } from "@/components/i18n/use-formats";

export type JobJson = Omit<BackgroundJobDto, "createdAt" | "finishedAt"> & {
  createdAt: string;
  finishedAt: string | null;
};

export const jobActive = (job: JobJson | null) => job?.status === "queued" || job?.status === "running";

/** The job, refreshed from `url` (answering `{ job }`) while it is queued or running. */
export function usePolledJob(url: string, initial: JobJson | null) {
  const [job, setJob] = useState<JobJson | null>(initial);
  const active = jobActive(job);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch(url).catch(() => null);
      if (res?.ok) setJob(((await res.json()) as { job: JobJson | null }).job);
    }, 1_500);
    return () => clearInterval(timer);
  }, [active, url]);
  return [job, setJob] as const;
}

/** The bar and the count of a queued or running job; `text` says what "done of total" counts (both formatted). */
export function JobProgress({
  job,
  label,
  text,
  testId,
}: {
  job: JobJson;
  /** The bar's accessible name, e.g. "Analysing history" (translated by the caller). */
  label: string;
  text?: (done: string, total: string) => string;
  testId?: string;
}) {
  const t = useTranslations("settings.jobProgress");
  const f = useFormats();
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const done = f.count(job.done);
  const total = f.count(Math.max(job.total, job.done));
  return (
    <div role="status" aria-live="polite" className="space-y-1">
      <progress className="h-2 w-full" max={100} value={percent} aria-label={label} />
      <p className="text-slate-700" data-testid={testId}>
        {job.status === "queued" ? t("queued") : text ? text(done, total) : t("count", { label, done, total })}
      </p>
    </div>
  );
}

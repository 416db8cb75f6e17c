"use client";
// Settings → Units, "Attribute history" (docs/hierarchy.md, "Backfill"): starts the background job that gives every
// response, interaction and case without a unit the unit the attribution rules give it today, and follows it with a
// progress bar until it ends (GET /api/v1/units/backfill every 1.5 s while it runs). Admins only (the page says so).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { JobProgress, jobActive, usePolledJob, type JobJson as Job } from "@/components/ui/job-progress";
import { useFormats } from "@/components/i18n/use-formats";

// The attribution rules, in the order they are told (their words: "settings.units.backfill.rules").
const RULES = ["staff", "touchpoint", "customer", "source"] as const;
/** Per rule and the rows no rule placed, from the job's per-kind, per-rule counts ("response.touchpoint": 1204). */
function summary(result: Record<string, number>) {
  const byRule = new Map<string, number>();
  let none = 0;
  for (const [key, n] of Object.entries(result)) {
    const rule = key.split(".")[1];
    if (rule === "none") none += n;
    else byRule.set(rule, (byRule.get(rule) ?? 0) + n);
  }
  const attributed = [...byRule.values()].reduce((a, b) => a + b, 0);
  const parts = RULES.filter((r) => byRule.get(r)).map((r) => ({ rule: r, count: byRule.get(r)! }));
  return { attributed, none, parts };
}

export function BackfillPanel({ initial, unattributed }: { initial: Job | null; unattributed: number }) {
  const [job, setJob] = usePolledJob("/api/v1/units/backfill", initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const active = jobActive(job);
  const t = useTranslations("settings.units.backfill");
  const reason = useServiceReason();
  const f = useFormats();

  async function start() {
    setPending(true);
    setError(null);
    const res = await fetch("/api/v1/units/backfill", { method: "POST" }).catch(() => null);
    setPending(false);
    if (!res?.ok) {
      const p = res ? ((await res.json().catch(() => ({}))) as { detail?: string }) : {};
      setError(p.detail ? reason(p.detail) : t("failed"));
      return;
    }
    setJob(((await res.json()) as { job: Job }).job);
  }

  const done = job?.status === "done" ? summary(job.result) : null;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">
        {unattributed > 0 ? t("unattributed", { count: unattributed }) : t("allAttributed")} {t("explain")}
      </p>
      {active ? (
        <JobProgress
          job={job!}
          label={t("progress")}
          text={(done, total) => t("examined", { done, total })}
          testId="backfill-progress"
        />
      ) : null}
      {done ? (
        <FormMessage tone="success">
          <span data-testid="backfill-done">
            {done.parts.length
              ? t("doneParts", {
                  count: f.count(done.attributed),
                  parts: done.parts.map((p) => t(`rules.${p.rule}`, { count: f.count(p.count) })).join(", "),
                })
              : t("done", { count: f.count(done.attributed) })}
            {done.none ? ` ${t("none", { count: f.count(done.none) })}` : null}
          </span>
        </FormMessage>
      ) : null}
      {job?.status === "failed" ? <FormMessage tone="error">{job.error}</FormMessage> : null}
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {!active ? (
        <Button onClick={() => void start()} disabled={pending}>
          {pending ? t("starting") : job ? t("again") : t("start")}
        </Button>
      ) : null}
    </div>
  );
}

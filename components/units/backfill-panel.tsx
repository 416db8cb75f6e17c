"use client";
// Settings → Units, "Attribute history" (docs/hierarchy.md, "Backfill"): starts the background job that gives every
// response, interaction and case without a unit the unit the attribution rules give it today, and follows it with a
// progress bar until it ends (GET /api/v1/units/backfill every 1.5 s while it runs). Admins only (the page says so).
import { useEffect, useState } from "react";
import type { BackgroundJobDto } from "@/lib/jobs/runner";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

type Job = Omit<BackgroundJobDto, "createdAt" | "finishedAt"> & { createdAt: string; finishedAt: string | null };

const RULES: [string, string][] = [
  ["staff", "the member who logged it"],
  ["touchpoint", "its touchpoint"],
  ["customer", "the customer's home unit"],
  ["source", "its response or interaction"],
];
const fmt = (n: number) => n.toLocaleString("en");

/** "1,204 by its touchpoint, 310 by the customer's home unit" from the job's per-kind, per-rule counts. */
function summary(result: Record<string, number>) {
  const byRule = new Map<string, number>();
  let none = 0;
  for (const [key, n] of Object.entries(result)) {
    const rule = key.split(".")[1];
    if (rule === "none") none += n;
    else byRule.set(rule, (byRule.get(rule) ?? 0) + n);
  }
  const attributed = [...byRule.values()].reduce((a, b) => a + b, 0);
  const parts = RULES.filter(([r]) => byRule.get(r)).map(([r, label]) => `${fmt(byRule.get(r)!)} by ${label}`);
  return { attributed, none, parts };
}

export function BackfillPanel({ initial, unattributed }: { initial: Job | null; unattributed: number }) {
  const [job, setJob] = useState<Job | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const active = job?.status === "queued" || job?.status === "running";

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch("/api/v1/units/backfill").catch(() => null);
      if (res?.ok) setJob(((await res.json()) as { job: Job | null }).job);
    }, 1_500);
    return () => clearInterval(timer);
  }, [active]);

  async function start() {
    setPending(true);
    setError(null);
    const res = await fetch("/api/v1/units/backfill", { method: "POST" }).catch(() => null);
    setPending(false);
    if (!res?.ok) {
      const p = res ? ((await res.json().catch(() => ({}))) as { detail?: string }) : {};
      setError(p.detail ?? "Not started: the connection failed. Try again.");
      return;
    }
    setJob(((await res.json()) as { job: Job }).job);
  }

  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const done = job?.status === "done" ? summary(job.result) : null;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">
        {unattributed > 0
          ? `${fmt(unattributed)} responses, interactions and cases have no unit yet — most were written before the units existed.`
          : "Every response, interaction and case that a rule can place has its unit."}{" "}
        Attributing history gives each of them the unit the rules give it today (the member who logged it, its
        touchpoint, the customer&apos;s home unit). Rows that already have a unit never change.
      </p>
      {active ? (
        <div role="status" aria-live="polite" className="space-y-1">
          <progress className="h-2 w-full" max={100} value={percent} aria-label="Attributing history" />
          <p className="text-slate-700" data-testid="backfill-progress">
            {job!.status === "queued" ? "Waiting to start…" : `Examined ${fmt(job!.done)} of ${fmt(job!.total)} rows`}
          </p>
        </div>
      ) : null}
      {done ? (
        <FormMessage tone="success">
          <span data-testid="backfill-done">
            Done: {fmt(done.attributed)} attributed{done.parts.length ? ` (${done.parts.join(", ")})` : ""}
            {done.none ? `; ${fmt(done.none)} stay without a unit, as no rule places them` : ""}.
          </span>
        </FormMessage>
      ) : null}
      {job?.status === "failed" ? <FormMessage tone="error">{job.error}</FormMessage> : null}
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {!active ? (
        <Button onClick={() => void start()} disabled={pending}>
          {pending ? "Starting…" : job ? "Attribute history again" : "Attribute history"}
        </Button>
      ) : null}
    </div>
  );
}

"use client";
// Settings → Units, "Attribute history" (docs/hierarchy.md, "Backfill"): starts the background job that gives every
// response, interaction and case without a unit the unit the attribution rules give it today, and follows it with a
// progress bar until it ends (GET /api/v1/units/backfill every 1.5 s while it runs). Admins only (the page says so).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import {
  JobProgress,
  formatCount as fmt,
  jobActive,
  usePolledJob,
  type JobJson as Job,
} from "@/components/ui/job-progress";

const RULES: [string, string][] = [
  ["staff", "the member who logged it"],
  ["touchpoint", "its touchpoint"],
  ["customer", "the customer's home unit"],
  ["source", "its response or interaction"],
];
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
  const [job, setJob] = usePolledJob("/api/v1/units/backfill", initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const active = jobActive(job);

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

  const done = job?.status === "done" ? summary(job.result) : null;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-700">
        {unattributed > 0
          ? `${fmt(unattributed)} responses, interactions and cases have no unit.`
          : "Every response, interaction and case has a unit."}{" "}
        Attributing history gives rows written before the units existed — or before their touchpoint or customer had one
        — the unit the rules give them today (the member who logged it, its touchpoint, the customer&apos;s home unit).
        Rows that already have a unit never change; rows no rule places stay without one.
      </p>
      {active ? (
        <JobProgress
          job={job!}
          label="Attributing history"
          text={(done, total) => `Examined ${done} of ${total} rows`}
          testId="backfill-progress"
        />
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

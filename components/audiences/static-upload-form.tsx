"use client";
// A static audience from a CSV file, posted straight to the API route (POST /api/v1/audiences/static) as the import
// wizard posts its files: the import's size limit (20 MB by default) applies, not a server action's 1 MB, and the
// upload shows its progress. All rows must name a known customer, or nothing is saved and the bad rows are listed.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { formatCount } from "@/components/ui/format";
import { uploadCsv, type UploadProblem } from "./upload";

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "checking" }
  | { phase: "saved"; id: string; name: string; members: number }
  | { phase: "failed"; problem: UploadProblem };

export function StaticUploadForm() {
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "checking";
  const problem = state.phase === "failed" ? state.problem : null;
  const fieldError = (name: string) => problem?.params.find((p) => p.name === name)?.reason;
  const rowErrors = problem?.params.filter((p) => p.name.startsWith("rows[") || p.name === "header") ?? [];

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({
        phase: "failed",
        problem: { message: "Choose a CSV file.", params: [{ name: "file", reason: "Choose a CSV file" }] },
      });
      return;
    }
    const name = String(data.get("name") ?? "").trim();
    setState({ phase: "uploading", percent: 0 });
    const result = await uploadCsv(
      `/api/v1/audiences/static${name ? `?name=${encodeURIComponent(name)}` : ""}`,
      file,
      (sent, total) =>
        setState(
          sent < total ? { phase: "uploading", percent: Math.floor((sent / total) * 100) } : { phase: "checking" },
        ),
    );
    if (!result.ok) {
      setState({ phase: "failed", problem: result.problem });
      return;
    }
    const saved = result.body as { id: string; name: string; members: number | null };
    setState({ phase: "saved", id: saved.id, name: saved.name, members: saved.members ?? 0 });
    form.reset();
    router.refresh();
  }

  return (
    <form
      className="flex flex-col gap-3"
      aria-label="Upload a list"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit(e.currentTarget);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          name="name"
          id="static-name"
          label="Name"
          placeholder="Uploaded list"
          maxLength={120}
          error={fieldError("name")}
        />
        <Input
          name="file"
          id="static-file"
          type="file"
          accept=".csv,text/csv"
          label="CSV file"
          hint="A column email and/or externalId, one customer per row (up to 20 MB)"
          error={fieldError("file") ?? fieldError("body")}
        />
      </div>
      {state.phase === "uploading" || state.phase === "checking" ? (
        <div className="flex flex-col gap-1">
          <div id="static-progress-label" className="text-sm font-medium text-slate-800">
            {state.phase === "uploading"
              ? `Uploading… ${state.percent} %`
              : "Uploaded; checking that every row names one of your customers…"}
          </div>
          <div
            role="progressbar"
            aria-labelledby="static-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.phase === "uploading" ? state.percent : 100}
            className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className="h-full bg-brand-600 transition-[width]"
              style={{ width: `${state.phase === "uploading" ? state.percent : 100}%` }}
            />
          </div>
        </div>
      ) : null}
      {problem ? (
        <FormMessage tone="error">
          {problem.message}
          {rowErrors.length ? (
            <ul className="mt-1 list-disc pl-5" data-testid="upload-problems">
              {rowErrors.slice(0, 20).map((p) => (
                <li key={`${p.name}:${p.reason}`}>
                  {p.name}: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </FormMessage>
      ) : null}
      {state.phase === "saved" ? (
        <FormMessage tone="success">
          Saved “{state.name}”: {formatCount(state.members)} customers.{" "}
          <Link href={`/settings/audiences/${state.id}`} className="underline">
            Open it
          </Link>
        </FormMessage>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Uploading…" : "Upload list"}
        </Button>
      </div>
    </form>
  );
}

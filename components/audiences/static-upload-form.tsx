"use client";
// A static audience from a CSV file, posted straight to the API route (POST /api/v1/audiences/static) as the import
// wizard posts its files: the import's size limit (20 MB by default) applies, not a server action's 1 MB, and the
// upload shows its progress. All rows must name a known customer, or nothing is saved and the bad rows are listed.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { localizeProblem, problemMessage } from "@/components/import/api";
import { useServiceReason } from "@/components/i18n/use-service-reason";
import { uploadCsv, type UploadProblem } from "./upload";

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "checking" }
  | { phase: "saved"; id: string; name: string; members: number }
  | { phase: "failed"; problem: UploadProblem };

export function StaticUploadForm() {
  const router = useRouter();
  const t = useTranslations("settings.audiences.uploadForm");
  const reason = useServiceReason();
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
        problem: {
          message: t("chooseFile"),
          status: 400,
          params: [{ name: "file", reason: t("chooseFileField") }],
        },
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
      setState({ phase: "failed", problem: localizeProblem(result.problem, reason) });
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
      aria-label={t("formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit(e.currentTarget);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          name="name"
          id="static-name"
          label={t("name")}
          placeholder={t("placeholder")}
          maxLength={120}
          error={fieldError("name")}
        />
        <Input
          name="file"
          id="static-file"
          type="file"
          accept=".csv,text/csv"
          label={t("file")}
          hint={t("fileHint")}
          error={fieldError("file") ?? fieldError("body")}
        />
      </div>
      {state.phase === "uploading" || state.phase === "checking" ? (
        <div className="flex flex-col gap-1">
          <div id="static-progress-label" className="text-sm font-medium text-slate-800">
            {state.phase === "uploading" ? t("uploading", { percent: state.percent }) : t("checking")}
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
          {problemMessage(problem, t)}
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
          {t("saved", { name: state.name, count: state.members })}{" "}
          <Link href={`/settings/audiences/${state.id}`} className="underline">
            {t("openIt")}
          </Link>
        </FormMessage>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t("busy") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

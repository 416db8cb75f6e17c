"use client";
// One row's "match now" on the audiences list, fetched after the page has rendered (GET /api/v1/audiences/:id/count):
// counting an audience over many customers takes a while, and the list must not wait for every count in turn.
import { useEffect, useState } from "react";
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { readProblem } from "@/components/import/api";
import { useFormats } from "@/components/i18n/use-formats";

/** failed: the API's detail, or null (the row says "could not be loaded" / "answered 502" in the page's language). */
type State =
  { phase: "counting" } | { phase: "counted"; n: number } | { phase: "failed"; message: string | null; status: number };

export function MatchCount({ id }: { id: string }) {
  const t = useTranslations("settings.audiences.count");
  const f = useFormats();
  const [state, setState] = useState<State>({ phase: "counting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/v1/audiences/${encodeURIComponent(id)}/count`, { signal: abort.signal })
      .then(async (res) => {
        const text = await res.text();
        if (!res.ok) setState({ phase: "failed", message: readProblem(res.status, text).message, status: res.status });
        else setState({ phase: "counted", n: (JSON.parse(text) as { matched: number }).matched });
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ phase: "failed", message: null, status: 0 });
      });
    return () => abort.abort();
  }, [id, attempt]);

  if (state.phase === "counted") return <span data-testid="audience-count">{f.count(state.n)}</span>;
  if (state.phase === "failed")
    return (
      <span className="flex flex-col items-start gap-1 text-sm text-danger">
        {state.message ?? (state.status === 0 ? t("failed") : t("serverStatus", { status: state.status }))}
        <button
          type="button"
          className="underline"
          onClick={() => {
            setState({ phase: "counting" });
            setAttempt((a) => a + 1);
          }}
        >
          {t("again")}
        </button>
      </span>
    );
  return (
    <span className="inline-flex items-center gap-1 text-slate-600" data-testid="audience-counting">
      <Loader2 size={14} className="animate-spin" aria-hidden="true" /> {t("counting")}
    </span>
  );
}

"use client";
// One row's "match now" on the audiences list, fetched after the page has rendered (GET /api/v1/audiences/:id/count):
// counting an audience over many customers takes a while, and the list must not wait for every count in turn.
import { useEffect, useState } from "react";
import { Loader2 } from "lucide-react";
import { readProblem } from "@/components/import/api";
import { formatCount } from "@/components/ui/format";

type State = { phase: "counting" } | { phase: "counted"; n: number } | { phase: "failed"; message: string };

export function MatchCount({ id }: { id: string }) {
  const [state, setState] = useState<State>({ phase: "counting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetch(`/api/v1/audiences/${encodeURIComponent(id)}/count`, { signal: abort.signal })
      .then(async (res) => {
        const text = await res.text();
        if (!res.ok) setState({ phase: "failed", message: readProblem(res.status, text).message });
        else setState({ phase: "counted", n: (JSON.parse(text) as { matched: number }).matched });
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ phase: "failed", message: "The count could not be loaded." });
      });
    return () => abort.abort();
  }, [id, attempt]);

  if (state.phase === "counted") return <span data-testid="audience-count">{formatCount(state.n)}</span>;
  if (state.phase === "failed")
    return (
      <span className="flex flex-col items-start gap-1 text-sm text-danger">
        {state.message}
        <button
          type="button"
          className="underline"
          onClick={() => {
            setState({ phase: "counting" });
            setAttempt((a) => a + 1);
          }}
        >
          Count again
        </button>
      </span>
    );
  return (
    <span className="inline-flex items-center gap-1 text-slate-600" data-testid="audience-counting">
      <Loader2 size={14} className="animate-spin" aria-hidden="true" /> counting…
    </span>
  );
}

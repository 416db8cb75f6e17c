"use client";
// The journey's archived stages (shown with "Show archived"), each with its touchpoint count and Restore.
import type { EditorStage } from "@/lib/journeys/editor";
import { Button } from "../ui/button";

export function ArchivedStages({
  stages,
  onRestore,
}: {
  stages: EditorStage[];
  onRestore: (id: string, name: string) => void;
}) {
  return (
    <section aria-labelledby="archived-stages" className="mt-6">
      <h2 id="archived-stages" className="mb-2 text-base font-semibold text-slate-900">
        Archived stages
      </h2>
      {stages.length === 0 ? (
        <p className="text-sm text-slate-600">No archived stages.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {stages.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 text-sm"
            >
              <span>
                <strong>{s.name}</strong> · {s.touchpoints.length}{" "}
                {s.touchpoints.length === 1 ? "touchpoint" : "touchpoints"}
              </span>
              <Button size="sm" variant="secondary" onClick={() => onRestore(s.id, s.name)}>
                Restore<span className="sr-only"> stage {s.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

"use client";
// The journey's archived stages (shown with "Show archived"), each with its touchpoint count and Restore.
import { useTranslations } from "next-intl";
import type { EditorStage } from "@/lib/journeys/editor";
import { Button } from "../ui/button";

export function ArchivedStages({
  stages,
  onRestore,
}: {
  stages: EditorStage[];
  onRestore: (id: string, name: string) => void;
}) {
  const t = useTranslations("journeys.editor.archivedStages");
  return (
    <section aria-labelledby="archived-stages" className="mt-6">
      <h2 id="archived-stages" className="mb-2 text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      {stages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {stages.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3 text-sm"
            >
              <span>
                {t.rich("line", {
                  name: s.name,
                  count: s.touchpoints.length,
                  b: (chunks) => <strong>{chunks}</strong>,
                })}
              </span>
              <Button size="sm" variant="secondary" onClick={() => onRestore(s.id, s.name)}>
                {t.rich("restore", { name: s.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

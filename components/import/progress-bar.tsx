// Import progress as a labelled progressbar (aria-valuenow in percent) with the counts in words.
import { useTranslations } from "next-intl";
import { useFormats } from "../i18n/use-formats";
import type { Progress } from "./api";

export function percentDone(p: Progress | null, totalRows: number, twoPasses: boolean): number {
  if (!p || totalRows <= 0) return 0;
  const share = Math.min(1, p.processed / totalRows);
  const value = twoPasses ? (p.phase === "validate" ? share / 2 : 0.5 + share / 2) : share;
  return Math.round(value * 100);
}

export function ImportProgressBar({
  progress,
  totalRows,
  twoPasses,
}: {
  progress: Progress | null;
  totalRows: number;
  twoPasses: boolean;
}) {
  const t = useTranslations("customers.import.wizard.progress");
  const f = useFormats();
  const value = percentDone(progress, totalRows, twoPasses);
  return (
    <div className="flex flex-col gap-2">
      <div id="import-progress-label" className="text-sm font-medium text-slate-800">
        {t(progress?.phase === "validate" ? "validate" : "write", { percent: value })}
      </div>
      <div
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-600 transition-[width]" style={{ width: `${value}%` }} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {progress
          ? t("counts", {
              processed: f.count(progress.processed),
              total: f.count(totalRows),
              invalid: f.count(progress.invalid),
            })
          : t("starting")}
      </p>
    </div>
  );
}

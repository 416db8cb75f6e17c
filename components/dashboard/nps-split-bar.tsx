// Promoters / passives / detractors as a stacked bar; the legend underneath is its text alternative.
import { useTranslations } from "next-intl";
import { useFormats } from "@/components/i18n/use-formats";

export function NpsSplitBar({
  promoters,
  passives,
  detractors,
}: {
  promoters: number;
  passives: number;
  detractors: number;
}) {
  const t = useTranslations("dashboard.split");
  const f = useFormats();
  const n = promoters + passives + detractors;
  if (n === 0) return null;
  const parts = [
    { key: "promoters", label: t("promoters"), count: promoters, swatch: "bg-promoter" },
    { key: "passives", label: t("passives"), count: passives, swatch: "bg-passive" },
    { key: "detractors", label: t("detractors"), count: detractors, swatch: "bg-detractor" },
  ];
  return (
    <div className="mt-1">
      <div aria-hidden="true" className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100">
        {parts.map((p) =>
          p.count > 0 ? <div key={p.key} className={p.swatch} style={{ width: `${(100 * p.count) / n}%` }} /> : null,
        )}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" aria-label={t("label")}>
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${p.swatch}`} />
            {t("share", { label: p.label, pct: f.percent((100 * p.count) / n, 0), count: f.count(p.count) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

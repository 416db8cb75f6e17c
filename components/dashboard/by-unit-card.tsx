// The dashboard's drill-down (docs/hierarchy.md, "Metrics and reports"): the units one level below the one shown —
// the organization's top-level units, a region's stores — with NPS, its 95 % margin and n over the dashboard's
// filters, each linking to the dashboard filtered by that unit, and a link back up (never above the caller's scope).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { shownMargin } from "@/lib/metrics";
import type { League } from "@/lib/units/league";
import { useFormats } from "@/components/i18n/use-formats";

/** The dashboard with `query` (its filters without the unit) narrowed to `unitId` (null: no unit filter). */
export function unitDashboardHref(query: string, unitId: string | null): string {
  const sp = new URLSearchParams(query);
  if (unitId) sp.set("unitId", unitId);
  const s = sp.toString();
  return `/${s ? `?${s}` : ""}`;
}

/** `query` is the dashboard's current filters without the unit; `up` the link one level up (null: none). */
export function ByUnitCard({ league, query, up }: { league: League; query: string; up: string | null }) {
  const t = useTranslations("dashboard.byUnit");
  const f = useFormats();
  const href = (unitId: string) => unitDashboardHref(query, unitId);
  const here = league.parent.unit?.name ?? t("organization");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="mb-3 text-sm text-slate-700">
        {t("intro", { here })}
        {up !== null ? (
          <>
            {" "}
            <Link href={up} className="font-medium text-brand-700 hover:underline">
              {t("up")}
            </Link>
          </>
        ) : null}
      </p>
      {league.rows.length === 0 ? <p className="text-sm text-slate-600">{t("none", { here })}</p> : null}
      <ul className="divide-y divide-slate-100" data-testid="by-unit">
        {league.rows.map((r) => {
          const margin = shownMargin(r.nps);
          return (
            <li key={r.unit.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <Link href={href(r.unit.id)} className="font-medium text-brand-700 hover:underline">
                {r.unit.name}
                <span className="ml-1 text-xs font-normal text-slate-600">
                  {r.unit.code}
                  {r.unit.archived ? t("archived") : ""}
                </span>
              </Link>
              <span className="text-sm text-slate-800 tabular-nums">
                <span className="font-semibold">NPS {r.nps.nps === null ? "—" : f.number(r.nps.nps, 0)}</span>
                {margin !== null ? ` ± ${f.number(margin, 1)}` : r.nps.n > 0 ? t("tooFewForMargin") : ""}
                {` (${f.nEquals(r.nps.n)})`}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-xs text-slate-600">
        {t.rich("compare", {
          link: (chunks) => (
            <Link
              href={`/reports/units${league.parent.unit ? `?parentId=${encodeURIComponent(league.parent.unit.id)}` : ""}`}
              className="font-medium text-brand-700 underline"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

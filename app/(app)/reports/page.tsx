import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireCtx } from "@/lib/auth/action";
import { getHeadline, lastDays } from "@/lib/dashboard/headline";
import { PageHeader } from "@/components/ui/page-header";
import { CesTable, CsatTable, NpsTable } from "@/components/reports/metric-tables";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.overview");
  return { title: t("title") };
}

const PERIODS = [30, 90, 365] as const;

/** The report pages, one card each above the headline tables (texts: reports.overview.cards.<id>). */
const REPORTS = [
  { id: "gaps", href: "/reports/gaps" },
  { id: "drivers", href: "/reports/drivers" },
  { id: "units", href: "/reports/units" },
  { id: "digest", href: "/reports/digest" },
  { id: "maturity", href: "/reports/maturity" },
] as const;

export default async function ReportsPage() {
  // A unit-scoped member's figures are their units' (lib/dashboard/headline.ts); the organization-wide reports
  // (the maturity self-assessment) are not offered to them.
  const ctx = await requireCtx("viewer", "unit");
  const t = await getTranslations("reports.overview");
  const reports = REPORTS.filter((r) => !(ctx.scope && r.id === "maturity"));
  const now = new Date();
  const headlines = await Promise.all(
    PERIODS.map((days) => getHeadline(ctx, lastDays(days, now)).then((h) => ({ days, ...h }))),
  );
  const rows = <K extends "nps" | "csat" | "ces">(k: K) =>
    headlines.map((h) => ({ days: h.days, from: h.period.from, to: h.period.to, result: h[k] }));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {reports.map((r) => (
        <section
          key={r.href}
          aria-labelledby={`${r.id}-heading`}
          className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id={`${r.id}-heading`} className="font-semibold text-slate-900">
            {t(`cards.${r.id}.title`)}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {t(`cards.${r.id}.description`)}{" "}
            <Link href={r.href} className="font-medium text-brand-700 hover:underline">
              {t(`cards.${r.id}.link`)}
            </Link>
          </p>
        </section>
      ))}
      <NpsTable rows={rows("nps")} />
      <CsatTable rows={rows("csat")} />
      <CesTable rows={rows("ces")} />
      <section
        aria-labelledby="how-heading"
        className="mt-2 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700 shadow-sm"
      >
        <h2 id="how-heading" className="mb-2 font-semibold text-slate-900">
          {t("how.heading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {(["nps", "csat", "ces", "overlap"] as const).map((k) => (
            <li key={k}>{t(`how.${k}`)}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { getHeadline, lastDays } from "@/lib/dashboard/headline";
import { PageHeader } from "@/components/ui/page-header";
import { CesTable, CsatTable, NpsTable } from "@/components/reports/metric-tables";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reports" };

const PERIODS = [30, 90, 365] as const;

/** The report pages, one card each above the headline tables. */
const REPORTS = [
  {
    id: "gaps",
    href: "/reports/gaps",
    title: "Experience gaps",
    description:
      "Promised vs perceived at every touchpoint with a target, with intervals and significance, sorted by where to act first.",
    link: "Open the experience-gap report",
  },
  {
    id: "drivers",
    href: "/reports/drivers",
    title: "Key drivers",
    description:
      "Which rated items move NPS or CSAT (relative weights with bootstrap intervals), against how well each performs.",
    link: "Open the key-driver analysis",
  },
  {
    id: "units",
    href: "/reports/units",
    title: "Units compared",
    description:
      "NPS of every region, store or team against the unit above it, with intervals; a unit is flagged only where the difference is not noise (false discovery rate controlled), and each unit drills down to the units below.",
    link: "Open the unit comparison",
  },
  {
    id: "digest",
    href: "/reports/digest",
    title: "Weekly digest",
    description:
      "Last week against the week before: headline numbers, the biggest significant changes by touchpoint and journey, new detractors and open cases — the page of the weekly e-mail.",
    link: "Open the weekly digest",
  },
  {
    id: "maturity",
    href: "/reports/maturity",
    title: "CEM maturity",
    description:
      "A ten-question self-assessment (Ad Hoc, Processed, Integrated, Optimized), checked against what the data already shows and kept over time.",
    link: "Open the maturity self-assessment",
  },
] as const;

export default async function ReportsPage() {
  // A unit-scoped member's figures are their units' (lib/dashboard/headline.ts); the organization-wide reports
  // (the maturity self-assessment) are not offered to them.
  const ctx = await requireCtx("viewer", "unit");
  const reports = REPORTS.filter((r) => !(ctx.scope && r.id === "maturity"));
  const now = new Date();
  const headlines = await Promise.all(
    PERIODS.map((days) => getHeadline(ctx, lastDays(days, now)).then((h) => ({ days, ...h }))),
  );
  const rows = <K extends "nps" | "csat" | "ces">(k: K) =>
    headlines.map((h) => ({ days: h.days, from: h.period.from, to: h.period.to, result: h[k] }));

  return (
    <>
      <PageHeader
        title="Reports"
        description="NPS, CSAT and CES over three periods. Every figure carries its 95 % interval and sample size; figures from fewer than 30 responses are dimmed and flagged."
      />
      {reports.map((r) => (
        <section
          key={r.href}
          aria-labelledby={`${r.id}-heading`}
          className="mb-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id={`${r.id}-heading`} className="font-semibold text-slate-900">
            {r.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {r.description}{" "}
            <Link href={r.href} className="font-medium text-brand-700 hover:underline">
              {r.link}
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
          How these are calculated
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>NPS = % promoters (9–10) − % detractors (0–6); the interval is 1.96 × its standard error.</li>
          <li>CSAT = share of 4 and 5 answers; the interval is the Wilson score interval.</li>
          <li>CES = mean agreement that it was easy (1–7) with a Student-t interval, plus the share answering 5–7.</li>
          <li>
            The periods overlap (the last 30 days are part of the last 90 and 365), so the rows are not independent
            samples; read a change between them as a hint, not a test.
          </li>
        </ul>
      </section>
    </>
  );
}

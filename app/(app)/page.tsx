import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { getHeadline, lastDays } from "@/lib/dashboard/headline";
import { getDashboardSummary } from "@/lib/dashboard/summary";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatPeriod } from "@/components/ui/format";
import { CesTile, CsatTile, NpsTile } from "@/components/dashboard/headline-tiles";
import { SummaryCounts } from "@/components/dashboard/summary-counts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

const DAYS = 90;

export default async function DashboardPage() {
  const ctx = await requireCtx();
  const period = lastDays(DAYS);
  const [headline, summary] = await Promise.all([getHeadline(ctx, period), getDashboardSummary(ctx, period)]);
  const noResponses = headline.nps.n + headline.csat.n + headline.ces.n === 0;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            Last {DAYS} days: <time dateTime={period.from.toISOString()}>{formatPeriod(period.from, period.to)}</time>
          </>
        }
      />
      {noResponses ? (
        <div className="mb-6">
          <EmptyState
            title="No survey responses in the last 90 days"
            action={
              <Link href="/surveys" className={buttonClass("primary")}>
                Go to surveys
              </Link>
            }
          >
            Publish a survey or import responses through the API; NPS, CSAT and CES appear here as soon as answers come in.
          </EmptyState>
        </div>
      ) : null}
      <div className="mb-8 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <NpsTile r={headline.nps} />
        <CsatTile r={headline.csat} />
        <CesTile r={headline.ces} />
      </div>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Activity</h2>
      <SummaryCounts summary={summary} />
      <p className="mt-6 text-xs text-slate-600">
        Intervals are 95 %. Figures from fewer than 30 responses are shown dimmed and flagged. See{" "}
        <Link href="/reports" className="font-medium text-brand-700 underline">
          Reports
        </Link>{" "}
        for other periods.
      </p>
    </>
  );
}

import Link from "next/link";
import { requireCtx } from "@/lib/auth/action";
import { hasRole } from "@/lib/auth/roles";
import { buildDigest } from "@/lib/digest/service";
import { getDigestSettings } from "@/lib/digest/settings-service";
import { latestSlot, weekEndingOf, WEEKDAYS } from "@/lib/digest/settings";
import { periodLabel } from "@/lib/digest/present";
import { sendDigestToMeAction } from "@/app/_actions/digest";
import { PageHeader } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format";
import { CesTile, CsatTile, NpsTile } from "@/components/dashboard/headline-tiles";
import { DigestChanges } from "@/components/reports/digest-changes";
import { DigestThemeChanges } from "@/components/reports/digest-theme-changes";

export const dynamic = "force-dynamic";
export const metadata = { title: "Weekly digest" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const DAY_MS = 86_400_000;

/** ?weekEnding=YYYY-MM-DD (the day after the week) when valid and not in the future; else the latest scheduled week. */
function chosenWeekEnding(raw: unknown, fallback: Date, now: Date): Date {
  if (typeof raw !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return fallback;
  const d = new Date(`${raw}T00:00:00Z`);
  if (
    Number.isNaN(d.getTime()) ||
    !d.toISOString().startsWith(raw) ||
    d.getTime() > now.getTime() + DAY_MS ||
    d.getUTCFullYear() < 2000
  )
    return fallback;
  return d;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export default async function DigestPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireCtx("viewer", "unit"); // a unit-scoped member's digest covers their units only
  const now = new Date();
  const settings = await getDigestSettings(ctx);
  const scheduled = weekEndingOf(latestSlot(now, settings.weekday, settings.hour));
  const weekEnding = chosenWeekEnding((await searchParams).weekEnding, scheduled, now);
  const d = await buildDigest(ctx, { weekEnding }, now);
  const against = `vs ${periodLabel(d.previousPeriod)}`;
  const earlier = isoDay(new Date(weekEnding.getTime() - 7 * DAY_MS));
  const later = new Date(weekEnding.getTime() + 7 * DAY_MS);
  const canSend = hasRole(ctx.role, "manager") && !ctx.scope; // sending is the organization's (an org-wide action)
  const { nps, csat, ces } = d.headline.current;

  return (
    <>
      <PageHeader
        title="Weekly digest"
        description={
          <>
            <time dateTime={d.period.from.toISOString()}>{periodLabel(d.period)}</time> compared with{" "}
            {periodLabel(d.previousPeriod)} (UTC). The e-mail goes out{" "}
            {settings.enabled
              ? `on ${WEEKDAYS[settings.weekday]}s at ${String(settings.hour).padStart(2, "0")}:00 UTC`
              : "— switched off"}
            {hasRole(ctx.role, "admin") && !ctx.scope ? (
              <>
                {" "}
                (
                <Link href="/settings#digest" className="font-medium text-brand-700 underline">
                  change
                </Link>
                )
              </>
            ) : null}
            .
          </>
        }
        actions={
          canSend ? (
            <ActionForm
              action={sendDigestToMeAction}
              submitLabel="Send me this now"
              pendingLabel="Sending…"
              successMessage="Sent to your e-mail address."
              aria-label="Send me this digest"
              align="end"
            >
              <input type="hidden" name="weekEnding" value={isoDay(weekEnding)} />
            </ActionForm>
          ) : null
        }
      />
      <nav aria-label="Other weeks" className="mb-6 flex flex-wrap gap-2">
        <Link href={`/reports/digest?weekEnding=${earlier}`} className={buttonClass("secondary", "sm")}>
          ← Week before
        </Link>
        {later.getTime() <= scheduled.getTime() ? (
          <Link href={`/reports/digest?weekEnding=${isoDay(later)}`} className={buttonClass("secondary", "sm")}>
            Week after →
          </Link>
        ) : null}
        {weekEnding.getTime() !== scheduled.getTime() ? (
          <Link href="/reports/digest" className={buttonClass("ghost", "sm")}>
            Latest digest
          </Link>
        ) : null}
      </nav>
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <NpsTile r={nps} change={{ change: d.headline.change.nps, against }} />
        <CsatTile r={csat} change={{ change: d.headline.change.csat, against }} />
        <CesTile r={ces} change={{ change: d.headline.change.ces, against }} />
      </div>
      <ul className="mb-8 grid grid-cols-3 gap-2 sm:gap-3" aria-label="This week's activity">
        {[
          {
            label: "New detractors",
            value: d.newDetractors,
            note: "NPS answers of 0–6 this week",
            testId: "digest-detractors",
          },
          {
            label: "Open cases",
            value: d.openCases,
            note: d.overdueCases > 0 ? `${formatCount(d.overdueCases)} overdue` : "none overdue",
            testId: "digest-open-cases",
          },
          { label: "Interactions", value: d.interactions, note: "logged this week", testId: "digest-interactions" },
        ].map((it) => (
          <li
            key={it.label}
            data-testid={it.testId}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
          >
            <span className="block text-sm text-slate-600">{it.label}</span>
            <span className="block text-2xl font-semibold tabular-nums text-slate-900">{formatCount(it.value)}</span>
            <span className="block text-xs text-slate-600">{it.note}</span>
          </li>
        ))}
      </ul>
      <DigestChanges
        id="digest-touchpoints"
        title="Biggest significant changes by touchpoint"
        selection={d.touchpoints}
        empty="No touchpoint changed significantly between the two weeks."
      />
      <DigestChanges
        id="digest-journeys"
        title="Biggest significant changes by journey"
        selection={d.journeys}
        empty="No journey changed significantly between the two weeks."
      />
      <DigestThemeChanges themes={d.themes} />
      <p className="text-xs text-slate-600">
        Intervals are 95 %. A change is significant when it is larger than 1.96 standard errors of the difference (NPS,
        CSAT) or passes Welch’s t-test (CES); only figures with at least 30 responses in both weeks are tested. Changes
        are ranked by their size as a share of the metric’s range (NPS 200 points, CSAT 100 points, CES 6 points). Open
        cases are counted now, not at the end of the week. A theme’s change is the pooled two-proportion z-test of its
        share of comments, with Benjamini–Hochberg across the themes tested (q = 0.05); only weeks with 30 analysed
        comments or more are tested.
      </p>
    </>
  );
}

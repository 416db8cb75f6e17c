import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/lib/i18n/server";
import { INTL_TAGS } from "@/lib/i18n/config";
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
import { CesTile, CsatTile, NpsTile } from "@/components/dashboard/headline-tiles";
import { DigestChanges } from "@/components/reports/digest-changes";
import { DigestThemeChanges } from "@/components/reports/digest-theme-changes";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  const t = await getTranslations("reports.digest");
  return { title: t("title") };
}

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
  const [t, f] = await Promise.all([getTranslations("reports.digest"), getFormats()]);
  const tag = INTL_TAGS[f.locale];
  const now = new Date();
  const settings = await getDigestSettings(ctx);
  const scheduled = weekEndingOf(latestSlot(now, settings.weekday, settings.hour));
  const weekEnding = chosenWeekEnding((await searchParams).weekEnding, scheduled, now);
  const d = await buildDigest(ctx, { weekEnding }, now);
  const against = t("against", { period: periodLabel(d.previousPeriod, tag) });
  const earlier = isoDay(new Date(weekEnding.getTime() - 7 * DAY_MS));
  const later = new Date(weekEnding.getTime() + 7 * DAY_MS);
  const canSend = hasRole(ctx.role, "manager") && !ctx.scope; // sending is the organization's (an org-wide action)
  const { nps, csat, ces } = d.headline.current;

  const change = (chunks: ReactNode) => (
    <Link href="/settings#digest" className="font-medium text-brand-700 underline">
      {chunks}
    </Link>
  );
  const canChange = hasRole(ctx.role, "admin") && !ctx.scope;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          period: periodLabel(d.period, tag),
          previous: periodLabel(d.previousPeriod, tag),
          enabled: String(settings.enabled),
          weekday: WEEKDAYS[settings.weekday].toLowerCase(),
          hour: `${String(settings.hour).padStart(2, "0")}:00`,
          canChange: String(canChange),
          time: (chunks) => <time dateTime={d.period.from.toISOString()}>{chunks}</time>,
          change,
        })}
        actions={
          canSend ? (
            <ActionForm
              action={sendDigestToMeAction}
              submitLabel={t("send.submit")}
              pendingLabel={t("send.pending")}
              successMessage={t("send.success")}
              aria-label={t("send.label")}
              align="end"
            >
              <input type="hidden" name="weekEnding" value={isoDay(weekEnding)} />
            </ActionForm>
          ) : null
        }
      />
      <nav aria-label={t("otherWeeks")} className="mb-6 flex flex-wrap gap-2">
        <Link href={`/reports/digest?weekEnding=${earlier}`} className={buttonClass("secondary", "sm")}>
          ← {t("weekBefore")}
        </Link>
        {later.getTime() <= scheduled.getTime() ? (
          <Link href={`/reports/digest?weekEnding=${isoDay(later)}`} className={buttonClass("secondary", "sm")}>
            {t("weekAfter")} →
          </Link>
        ) : null}
        {weekEnding.getTime() !== scheduled.getTime() ? (
          <Link href="/reports/digest" className={buttonClass("ghost", "sm")}>
            {t("latest")}
          </Link>
        ) : null}
      </nav>
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <NpsTile r={nps} change={{ change: d.headline.change.nps, against }} />
        <CsatTile r={csat} change={{ change: d.headline.change.csat, against }} />
        <CesTile r={ces} change={{ change: d.headline.change.ces, against }} />
      </div>
      <ul className="mb-8 grid grid-cols-3 gap-2 sm:gap-3" aria-label={t("activity.label")}>
        {[
          {
            label: t("activity.detractors"),
            value: d.newDetractors,
            note: t("activity.detractorsNote"),
            testId: "digest-detractors",
          },
          {
            label: t("activity.openCases"),
            value: d.openCases,
            note: t("activity.overdue", { count: d.overdueCases }),
            testId: "digest-open-cases",
          },
          {
            label: t("activity.interactions"),
            value: d.interactions,
            note: t("activity.interactionsNote"),
            testId: "digest-interactions",
          },
        ].map((it) => (
          <li
            key={it.label}
            data-testid={it.testId}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
          >
            <span className="block text-sm text-slate-600">{it.label}</span>
            <span className="block text-2xl font-semibold tabular-nums text-slate-900">{f.count(it.value)}</span>
            <span className="block text-xs text-slate-600">{it.note}</span>
          </li>
        ))}
      </ul>
      <DigestChanges
        id="digest-touchpoints"
        title={t("touchpoints.title")}
        selection={d.touchpoints}
        empty={t("touchpoints.empty")}
      />
      <DigestChanges
        id="digest-journeys"
        title={t("journeys.title")}
        selection={d.journeys}
        empty={t("journeys.empty")}
      />
      <DigestThemeChanges themes={d.themes} />
      <p className="text-xs text-slate-600">{t("how")}</p>
    </>
  );
}

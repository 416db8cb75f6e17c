// Side-by-side comparison: two customer segments (tags), or this period against the previous one, with
// NPS, CSAT and CES, n, 95 % intervals and the difference with its significance. Segment A is the
// dashboard's segment filter; the other filters apply to both sides.
import { useTranslations } from "next-intl";
import { shownInterval, shownMargin, type MetricResult } from "@/lib/metrics";
import type { Formats } from "@/lib/i18n/format";
import { useFormats } from "@/components/i18n/use-formats";
import type { AnalyticsFilters, FieldErrors } from "@/lib/analytics/filters";
import type { ComparisonSide, SideBySide } from "@/lib/analytics/service";
import { Badge } from "../ui/badge";
import { buttonClass } from "../ui/button";
import { Select } from "../ui/select";
import { ChangeMarker } from "./change-marker";
import { GetForm } from "./get-form";

const KEEP = [
  "preset",
  "from",
  "to",
  "bucket",
  "journeyId",
  "stageId",
  "touchpointId",
  "channelId",
  "surveyId",
] as const;

function figure(f: Formats, r: MetricResult): string | null {
  // Below MIN_N no interval (lib/metrics/format.ts, shownInterval); the row says "too few" instead.
  const i = shownInterval(r);
  const range = (d: number) => (i ? ` [${f.number(i.low, d)} – ${f.number(i.high, d)}]` : "");
  switch (r.metric) {
    case "nps": {
      const margin = shownMargin(r);
      return r.nps === null ? null : `${f.number(r.nps, 0)}${margin === null ? "" : ` ± ${f.number(margin, 1)}`}`;
    }
    case "csat":
      return r.csat === null ? null : `${f.percent(r.csat, 1)}${range(1)}`;
    case "ces":
      return r.mean === null ? null : `${f.number(r.mean, 2)}${range(2)}`;
  }
}

function SideRow({ side, r }: { side: ComparisonSide; r: MetricResult }) {
  const t = useTranslations("dashboard.compare");
  const formats = useFormats();
  const f = figure(formats, r);
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-1.5">
      <dt className="min-w-0 text-sm font-medium text-slate-800">{side.label}</dt>
      <dd className={`text-sm tabular-nums ${r.enough ? "text-slate-900" : "text-slate-500"}`}>
        {f ?? "—"} <span className="text-slate-600">({formats.nEquals(r.n)})</span>
        {r.n > 0 && !r.enough ? (
          <Badge tone="warn" className="ml-1">
            {t("tooFew")}
          </Badge>
        ) : null}
      </dd>
    </div>
  );
}

function Results({ c }: { c: SideBySide }) {
  const t = useTranslations("dashboard.compare");
  const metrics = [
    { key: "nps", title: "NPS", decimals: 1, points: true },
    { key: "csat", title: "CSAT", decimals: 1, points: true },
    { key: "ces", title: "CES", decimals: 2, points: false },
  ] as const;
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3" data-testid="comparison">
      {metrics.map((m) => (
        <section
          key={m.key}
          aria-labelledby={`cmp-${m.key}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h3 id={`cmp-${m.key}`} className="text-sm font-semibold text-slate-900">
            {m.title}
          </h3>
          <dl className="divide-y divide-slate-100">
            <SideRow side={c.a} r={c.a[m.key]} />
            <SideRow side={c.b} r={c.b[m.key]} />
          </dl>
          <div className="mt-2 border-t border-slate-200 pt-2">
            <p className="text-xs text-slate-600">{t("difference", { a: c.a.label, b: c.b.label })}</p>
            <ChangeMarker
              change={c.difference[m.key]}
              decimals={m.decimals}
              points={m.points}
              testId={`difference-${m.key}`}
            />
          </div>
        </section>
      ))}
    </div>
  );
}

type Props = {
  filters: AnalyticsFilters;
  errors: FieldErrors;
  segments: Array<{ tag: string; customers: number }>;
  comparison: SideBySide | null;
};

export function ComparePanel({ filters, errors, segments, comparison }: Props) {
  const t = useTranslations("dashboard.compare");
  const f = useFormats();
  const inclusive = (p: { from: Date; to: Date }) => f.period(p.from, new Date(p.to.getTime() - 1));
  const tagOptions = segments.map((s) => ({ value: s.tag, label: t("tagOption", { tag: s.tag, count: s.customers }) }));
  return (
    <div className="flex flex-col gap-4">
      <GetForm
        key={JSON.stringify(filters)}
        action="/"
        aria-label={t("label")}
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {KEEP.map((k) => (filters[k] ? <input key={k} type="hidden" name={k} value={filters[k]} /> : null))}
        <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[1fr_1fr_auto]">
          <Select
            id="compare-segment"
            name="segment"
            label={t("segmentA")}
            defaultValue={filters.segment ?? ""}
            options={[{ value: "", label: t("allCustomers") }, ...tagOptions]}
            error={errors.segment}
            hint={t("segmentHint")}
          />
          <Select
            id="compare-with"
            name="compare"
            label={t("with")}
            defaultValue={filters.compare ?? ""}
            options={[
              { value: "", label: t("nothing") },
              { value: "previous", label: t("previous") },
              ...tagOptions.map((o) => ({ ...o, label: t("segmentOption", { label: o.label }) })),
            ]}
            error={errors.compare}
          />
          <button type="submit" className={`${buttonClass("primary", "sm")} sm:mt-6`}>
            {t("submit")}
          </button>
        </div>
        {segments.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("noSegments")}</p> : null}
      </GetForm>
      {comparison ? (
        <>
          <p className="text-sm text-slate-700">
            {comparison.kind === "segments"
              ? t.rich("segments", {
                  a: comparison.a.label,
                  b: comparison.b.label,
                  period: inclusive(comparison.period),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })
              : t("periods", {
                  period: inclusive(comparison.b),
                  days: Math.round((comparison.b.to.getTime() - comparison.b.from.getTime()) / 86_400_000),
                  previous: inclusive(comparison.a),
                  segment: comparison.a.segment ? t("segmentSuffix", { segment: comparison.a.segment }) : "",
                })}
          </p>
          <Results c={comparison} />
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      )}
    </div>
  );
}

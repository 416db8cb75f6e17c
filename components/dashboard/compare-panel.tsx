// Side-by-side comparison: two customer segments (tags), or this period against the previous one, with
// NPS, CSAT and CES, n, 95 % intervals and the difference with its significance. Segment A is the
// dashboard's segment filter; the other filters apply to both sides.
import { formatNumber, nEquals, shownInterval, shownMargin, type MetricResult } from "@/lib/metrics";
import type { AnalyticsFilters, FieldErrors } from "@/lib/analytics/filters";
import type { ComparisonSide, SideBySide } from "@/lib/analytics/service";
import { Badge } from "../ui/badge";
import { buttonClass } from "../ui/button";
import { Select } from "../ui/select";
import { formatPeriod } from "../ui/format";
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

function figure(r: MetricResult): string | null {
  // Below MIN_N no interval (lib/metrics/format.ts, shownInterval); the row says "too few" instead.
  const i = shownInterval(r);
  const range = (d: number) => (i ? ` [${formatNumber(i.low, d)} – ${formatNumber(i.high, d)}]` : "");
  switch (r.metric) {
    case "nps": {
      const margin = shownMargin(r);
      return r.nps === null
        ? null
        : `${formatNumber(r.nps, 0)}${margin === null ? "" : ` ± ${formatNumber(margin, 1)}`}`;
    }
    case "csat":
      return r.csat === null ? null : `${formatNumber(r.csat, 1)} %${range(1)}`;
    case "ces":
      return r.mean === null ? null : `${formatNumber(r.mean, 2)}${range(2)}`;
  }
}

function SideRow({ side, r }: { side: ComparisonSide; r: MetricResult }) {
  const f = figure(r);
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-1.5">
      <dt className="min-w-0 text-sm font-medium text-slate-800">{side.label}</dt>
      <dd className={`text-sm tabular-nums ${r.enough ? "text-slate-900" : "text-slate-500"}`}>
        {f ?? "—"} <span className="text-slate-600">({nEquals(r.n)})</span>
        {r.n > 0 && !r.enough ? (
          <Badge tone="warn" className="ml-1">
            too few responses
          </Badge>
        ) : null}
      </dd>
    </div>
  );
}

function Results({ c }: { c: SideBySide }) {
  const metrics = [
    { key: "nps", title: "NPS", decimals: 1, unit: " points" },
    { key: "csat", title: "CSAT", decimals: 1, unit: " points" },
    { key: "ces", title: "CES", decimals: 2, unit: "" },
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
            <p className="text-xs text-slate-600">
              Difference ({c.b.label} − {c.a.label})
            </p>
            <ChangeMarker
              change={c.difference[m.key]}
              decimals={m.decimals}
              unit={m.unit}
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
  const tagOptions = segments.map((s) => ({ value: s.tag, label: `${s.tag} (${s.customers} customers)` }));
  return (
    <div className="flex flex-col gap-4">
      <GetForm
        key={JSON.stringify(filters)}
        action="/"
        aria-label="Compare"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        {KEEP.map((k) => (filters[k] ? <input key={k} type="hidden" name={k} value={filters[k]} /> : null))}
        <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[1fr_1fr_auto]">
          <Select
            id="compare-segment"
            name="segment"
            label="Segment A"
            defaultValue={filters.segment ?? ""}
            options={[{ value: "", label: "All customers" }, ...tagOptions]}
            error={errors.segment}
            hint="Also filters the dashboard above."
          />
          <Select
            id="compare-with"
            name="compare"
            label="Compare with"
            defaultValue={filters.compare ?? ""}
            options={[
              { value: "", label: "Nothing" },
              { value: "previous", label: "The previous period" },
              ...tagOptions.map((o) => ({ ...o, label: `Segment ${o.label}` })),
            ]}
            error={errors.compare}
          />
          <button type="submit" className={`${buttonClass("primary", "sm")} sm:mt-6`}>
            Compare
          </button>
        </div>
        {segments.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            No customer segments yet: tag customers (for example “vip”) on the Customers page or through the API to
            compare segments.
          </p>
        ) : null}
      </GetForm>
      {comparison ? (
        <>
          <p className="text-sm text-slate-700">
            {comparison.kind === "segments" ? (
              <>
                Customers tagged <strong>{comparison.a.label}</strong> against <strong>{comparison.b.label}</strong>,{" "}
                {formatPeriod(comparison.period.from, new Date(comparison.period.to.getTime() - 1))}. A customer with
                both tags counts on both sides.
              </>
            ) : (
              <>
                {formatPeriod(comparison.b.from, new Date(comparison.b.to.getTime() - 1))} against the{" "}
                {Math.round((comparison.b.to.getTime() - comparison.b.from.getTime()) / 86_400_000)} days before (
                {formatPeriod(comparison.a.from, new Date(comparison.a.to.getTime() - 1))})
                {comparison.a.segment ? `, segment ${comparison.a.segment}` : ""}.
              </>
            )}
          </p>
          <Results c={comparison} />
        </>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          Pick segment A and what to compare it with — another segment or the previous period — to see NPS, CSAT and CES
          side by side with the difference and whether it is significant.
        </p>
      )}
    </div>
  );
}

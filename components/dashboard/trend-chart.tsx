"use client";
// One metric over time: the 95 % interval as a band (Area low–high), the value as a line, n per point in the
// tooltip. Points from fewer than 30 responses are drawn hollow and dimmed, called "too few responses", and get
// no interval (lib/metrics/format.ts, shownInterval).
// The data are the server's pre-aggregated points; the table next to the chart is the text alternative.
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { shownInterval } from "@/lib/metrics/format";
import { useFormats } from "@/components/i18n/use-formats";

export type ChartPoint = {
  bucketStart: string;
  label: string;
  partial: boolean;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  enough: boolean;
};

export type TrendMetric = "nps" | "csat" | "ces";

const STYLE: Record<
  TrendMetric,
  { color: string; name: string; decimals: number; unit: string; scale: [number, number]; steps: number[] }
> = {
  nps: { color: "#1f7f72", name: "NPS", decimals: 0, unit: "", scale: [-100, 100], steps: [5, 10, 20, 25, 50] },
  csat: { color: "#2563eb", name: "CSAT", decimals: 1, unit: "\u00a0%", scale: [0, 100], steps: [5, 10, 20, 25] },
  ces: { color: "#7c3aed", name: "CES", decimals: 2, unit: "", scale: [1, 7], steps: [0.25, 0.5, 1, 2] },
};

/** A y-range that fits every value and interval, on round, evenly spaced ticks (at most 6 intervals) within the scale. */
function yAxis(
  points: ChartPoint[],
  metric: TrendMetric,
): { domain: [number, number]; ticks: number[]; decimals: number } {
  const { scale, steps } = STYLE[metric];
  const ys = points.flatMap((p) => [p.value, ...(bandOf(p) ?? [])]).filter((y): y is number => y !== null);
  const min = ys.length ? Math.min(...ys) : scale[0];
  const max = ys.length ? Math.max(...ys) : scale[1];
  for (const step of steps) {
    const lo = Math.max(scale[0], Math.floor(min / step) * step);
    let hi = Math.min(scale[1], Math.ceil(max / step) * step);
    if (hi === lo) hi = Math.min(scale[1], lo + step);
    if ((hi - lo) / step <= 6 || step === steps[steps.length - 1]) {
      const ticks: number[] = [];
      for (let t = lo; t <= hi + step / 1000; t += step) ticks.push(Number(t.toFixed(4)));
      return { domain: [lo, hi], ticks, decimals: step < 0.5 ? 2 : step < 1 ? 1 : 0 };
    }
  }
  return { domain: scale, ticks: [], decimals: 0 };
}

// `solid` repeats the value where n ≥ 30 only: drawn solid between two such points, while the dashed,
// fainter line through every value carries the stretches that rest on too few responses.
type Row = ChartPoint & { band: [number, number] | null; solid: number | null };

function bandOf(p: ChartPoint): [number, number] | null {
  const i = shownInterval(p);
  return i ? [i.low, i.high] : null;
}

function PointTooltip({
  active,
  payload,
  metric,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: Row }>;
  metric: TrendMetric;
}) {
  const t = useTranslations("dashboard.chart");
  const f = useFormats();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  const s = STYLE[metric];
  const fmt = f.number;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-md">
      <p className="font-semibold">
        {p.label}
        {p.partial ? t("partialSuffix") : ""}
      </p>
      {p.value === null ? (
        <p>{t("noResponses", { n: f.nEquals(0) })}</p>
      ) : (
        <>
          <p className={p.enough ? "" : "text-slate-500"}>
            {s.name} {fmt(p.value, s.decimals)}
            {s.unit}
            {p.band ? ` [${fmt(p.band[0], s.decimals)} – ${fmt(p.band[1], s.decimals)}]` : ""}
          </p>
          <p>{p.enough ? f.nEquals(p.n) : t("tooFew", { n: f.nEquals(p.n) })}</p>
        </>
      )}
    </div>
  );
}

type DotProps = { cx?: number; cy?: number; index?: number; payload?: Row };

export function TrendChart({ points, metric, title }: { points: ChartPoint[]; metric: TrendMetric; title: string }) {
  const t = useTranslations("dashboard.chart");
  const f = useFormats();
  const s = STYLE[metric];
  const data: Row[] = points.map((p) => ({
    ...p,
    band: bandOf(p),
    solid: p.enough ? p.value : null,
  }));
  const y = yAxis(points, metric);
  const renderDot = ({ cx, cy, index, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload || payload.value === null) return <g key={`dot-${index}`} />;
    return payload.enough ? (
      <circle key={`dot-${index}`} cx={cx} cy={cy} r={3.5} fill={s.color} stroke="#fff" strokeWidth={1} />
    ) : (
      <circle
        key={`dot-${index}`}
        cx={cx}
        cy={cy}
        r={3.5}
        fill="#fff"
        stroke={s.color}
        strokeOpacity={0.55}
        strokeWidth={1.5}
      />
    );
  };
  return (
    <div>
      <ComposedChart
        responsive
        data={data}
        style={{ width: "100%", height: 240 }}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        title={title}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          axisLine={{ stroke: "#cbd5e1" }}
          minTickGap={16}
        />
        <YAxis
          domain={y.domain}
          ticks={y.ticks}
          interval={0}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickLine={false}
          axisLine={false}
          width={44}
          tickFormatter={(v: number) => f.number(v, y.decimals)}
        />
        <Tooltip
          content={(props) => (
            <PointTooltip
              active={props.active}
              payload={props.payload as ReadonlyArray<{ payload?: Row }>}
              metric={metric}
            />
          )}
        />
        <Area
          dataKey="band"
          name={t("interval")}
          stroke="none"
          fill={s.color}
          fillOpacity={0.14}
          isAnimationActive={false}
          connectNulls={false}
          activeDot={false}
        />
        <Line
          dataKey="solid"
          name={s.name}
          stroke={s.color}
          strokeWidth={2}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="value"
          name={t("allPoints", { metric: s.name })}
          stroke={s.color}
          strokeOpacity={0.55}
          strokeWidth={1.5}
          strokeDasharray="4 3"
          dot={renderDot}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
          connectNulls={false}
        />
      </ComposedChart>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-0.5 w-4" style={{ background: s.color }} />
          {s.name}
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-2.5 w-4 rounded-sm"
            style={{ background: s.color, opacity: 0.2 }}
          />
          {t("interval")}
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block size-2.5 rounded-full border-2 bg-white"
            style={{ borderColor: s.color, opacity: 0.6 }}
          />
          {t("hollow")}
        </li>
      </ul>
    </div>
  );
}

"use client";
// Importance × performance: each driver at (mean score, share of the explained variance), with its 95 %
// bootstrap interval as a vertical bar and n in the tooltip. Dashed lines at the drivers' average importance
// and performance split the plot into the four quadrants, labelled in the corners. The table below the chart
// is the text alternative (same rows, same numbers); the points carry the table's numbers, so long driver
// names never overlap on the plot.
import {
  CartesianGrid,
  ErrorBar,
  LabelList,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useTranslations } from "next-intl";
import type { Quadrant } from "@/lib/analytics/driver-quadrants";
import { useFormats } from "@/components/i18n/use-formats";
import type { QuadrantPoint } from "./figures";

const COLORS: Record<Quadrant, string> = {
  "fix-first": "#b91c1c",
  "keep-up": "#1f7f72",
  maintain: "#2563eb",
  "lower-priority": "#64748b",
};

function PointTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: QuadrantPoint }> }) {
  const t = useTranslations("reports.drivers.chart");
  const f = useFormats();
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="max-w-64 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-md">
      <p className="font-semibold">
        {p.rank}. {p.label}
      </p>
      <p>{t("importance", { value: f.number(p.y, 1), low: f.number(p.low, 1), high: f.number(p.high, 1) })}</p>
      <p>{t("performance", { value: f.number(p.x, 2), n: f.nEquals(p.n) })}</p>
      <p>{t(`quadrants.${p.quadrant}`)}</p>
    </div>
  );
}

type Props = {
  points: QuadrantPoint[];
  cuts: { importance: number; performance: number };
  scale: [number, number];
  title: string;
};

export function QuadrantChart({ points, cuts, scale, title }: Props) {
  const t = useTranslations("reports.drivers.chart");
  const f = useFormats();
  const label = (q: Quadrant) => t(`quadrants.${q}`);
  // The axis titles (recharts' label props: the strings beside the text are positions, not words).
  const xLabel = { value: t("xAxis"), position: "bottom" as const, offset: 10, fontSize: 12, fill: "#334155" };
  const yLabel = {
    value: t("yAxis"),
    angle: -90,
    position: "insideLeft" as const,
    offset: 4,
    fontSize: 12,
    fill: "#334155",
    style: { textAnchor: "middle" as const },
  };
  const data = points.map((p) => ({ ...p, err: [p.y - p.low, p.high - p.y] as [number, number] }));
  const yMax = Math.max(10, Math.ceil(Math.max(...points.map((p) => p.high), 100 * cuts.importance) / 10) * 10);
  const yTicks = Array.from({ length: yMax / 10 + 1 }, (_, i) => i * 10);
  const corner = (
    value: string,
    position: "insideTopLeft" | "insideTopRight" | "insideBottomLeft" | "insideBottomRight",
  ) => ({ value, position, fontSize: 12, fill: "#334155", fontWeight: 600 });
  return (
    <div>
      <ScatterChart
        responsive
        style={{ width: "100%", height: 340 }}
        margin={{ top: 12, right: 16, bottom: 28, left: 8 }}
        title={title}
      >
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis
          type="number"
          dataKey="x"
          domain={scale}
          tickCount={scale[1] - scale[0] + 1}
          allowDecimals={false}
          tick={{ fontSize: 12, fill: "#475569" }}
          tickFormatter={(v: number) => f.number(v, 0)}
          label={xLabel}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[0, yMax]}
          ticks={yTicks}
          interval={0}
          unit=" %"
          width={56}
          tick={{ fontSize: 12, fill: "#475569" }}
          label={yLabel}
        />
        <ReferenceLine x={cuts.performance} stroke="#94a3b8" strokeDasharray="5 4" />
        <ReferenceLine y={100 * cuts.importance} stroke="#94a3b8" strokeDasharray="5 4" />
        <ReferenceLine y={yMax} stroke="none" label={corner(label("fix-first"), "insideTopLeft")} />
        <ReferenceLine y={yMax} stroke="none" label={corner(label("keep-up"), "insideTopRight")} />
        <ReferenceLine y={0} stroke="none" label={corner(label("lower-priority"), "insideBottomLeft")} />
        <ReferenceLine y={0} stroke="none" label={corner(label("maintain"), "insideBottomRight")} />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={(props) => (
            <PointTooltip active={props.active} payload={props.payload as ReadonlyArray<{ payload?: QuadrantPoint }>} />
          )}
        />
        <Scatter
          data={data}
          isAnimationActive={false}
          shape={(props: { cx?: number; cy?: number; payload?: QuadrantPoint }) => (
            <circle
              cx={props.cx}
              cy={props.cy}
              r={10}
              fill={props.payload ? COLORS[props.payload.quadrant] : "#64748b"}
              stroke="#fff"
              strokeWidth={1.5}
            />
          )}
        >
          <ErrorBar dataKey="err" direction="y" width={6} stroke="#475569" strokeWidth={1.5} />
          <LabelList dataKey="rank" position="center" fontSize={11} fontWeight={700} fill="#fff" />
        </Scatter>
      </ScatterChart>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
        {(Object.keys(COLORS) as Quadrant[]).map((q) => (
          <li key={q} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ background: COLORS[q] }} />
            {label(q)}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-slate-600" />
          {t("interval")}
        </li>
      </ul>
    </div>
  );
}
